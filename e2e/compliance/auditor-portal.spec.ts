import { expect, test } from "@playwright/test";
import { testDb } from "../support/db";
import { createUser, nextTotpCode, signIn } from "../support/users";
import { logIncident } from "../incidents/helpers";

test.describe("compliance map and auditor portal", () => {
  test("a security lead reads the map, attests \"none occurred\" for a control with no evidence by re-entering the password, and exports it", async ({ page }) => {
    test.setTimeout(120_000);
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    await signIn(page, lead, "/compliance");
    await expect(page.getByRole("heading", { level: 1, name: "Compliance map" })).toBeVisible();
    await expect(page.locator("#control-GS-4e")).toContainText("Amazon notified within 24 hours");
    // Access reviews are computed from the access records (other specs may have signed one off).
    await expect(page.locator("#control-GS-2b")).not.toContainText("Not tracked yet");
    await expect(page.locator("#control-A-1")).toContainText("Not attested");
    // The asset inventory's rows are computed from the inventory (the assets spec may have recorded a
    // device without disk encryption, or nothing at all): never "met" without records behind it.
    await expect(page.locator("#control-PII-3")).not.toContainText("Not tracked yet");
    await expect(page.locator("#control-PII-3 .badge").first()).not.toHaveText("Met");
    // A clause on every system, computed from the access register: never met on what it does not record.
    await expect(page.locator("#control-GS-2d")).not.toContainText("Not tracked yet");
    await expect(page.locator("#control-GS-2d .badge").first()).not.toHaveText("Met");

    // No legal-process request in the last 12 months (the incidents specs run later): no evidence yet.
    const gs4g = page.locator("#control-GS-4g");
    await expect(gs4g).toContainText("No evidence yet");
    await expect(gs4g).toContainText("Period: 12 months.");
    await page.screenshot({ path: "/tmp/e2e-compliance-map-1280.png", fullPage: true });
    await page.locator("#control-GS-4c").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/e2e-compliance-map-records-1280.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/e2e-compliance-map-phone.png" });
    await gs4g.screenshot({ path: "/tmp/e2e-compliance-map-row-phone.png" });
    await page.setViewportSize({ width: 1280, height: 800 });

    await gs4g.getByRole("link", { name: "Attest none occurred: GS-4g" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "GS-4g Legal process disclosed within 24 hours" })).toBeVisible();
    const form = page.getByRole("form", { name: "Attest GS-4g" });
    // Refusals checked before the code is: any code will do for them.
    await form.getByLabel("Statement").fill("Too short.");
    await form.getByLabel("Current password").fill(lead.password);
    await form.getByLabel("Code from your authenticator app").fill("000000");
    await form.getByRole("button", { name: "Sign attestation" }).click();
    await expect(form.getByText("Write at least 50 characters")).toBeVisible();

    await form.getByLabel("Statement").fill("No court order, subpoena or other legal process for Amazon data reached us: legal inbox and register checked.");
    await form.getByLabel("Current password").fill("not the password");
    await form.getByLabel("Code from your authenticator app").fill("000000");
    await form.getByRole("button", { name: "Sign attestation" }).click();
    await expect(form.getByRole("alert")).toContainText("Your current password or code is not right");

    await form.getByLabel("Current password").fill(lead.password);
    await form.getByLabel("Code from your authenticator app").fill(await nextTotpCode(lead));
    await form.getByRole("button", { name: "Sign attestation" }).click();
    await expect(page.getByText("Attestation signed.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Attestations" })).toContainText("Dana Lead");
    await page.screenshot({ path: "/tmp/e2e-compliance-attest-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/e2e-compliance-attest-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole("link", { name: "Back to the map" }).click();
    await expect(gs4g.locator(".badge").first()).toHaveText("Met");
    await expect(gs4g).toContainText("attested by Dana Lead on");
    await expect(gs4g.getByRole("link", { name: "Renew the attestation: GS-4g" })).toBeVisible();
    await gs4g.screenshot({ path: "/tmp/e2e-compliance-map-row-attested.png" });

    const csv = await page.request.get("/api/compliance/map?format=csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^Control,Section,Title,Status/);
    const pdf = await page.request.get("/api/compliance/map?format=pdf");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("an auditor reads the map and the attestations read-only", async ({ page }) => {
    const auditor = await createUser({ roles: ["auditor"], displayName: "Ada Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    await signIn(page, auditor, "/compliance");
    await expect(page.getByRole("heading", { level: 1, name: "Compliance map" })).toBeVisible();
    await expect(page.locator("#control-GS-4g")).toContainText("Legal process disclosed");
    await expect(page.locator("main form")).toHaveCount(0);
    await expect(page.getByRole("link", { name: /^(Attest|Attest none occurred|Renew the attestation):/ })).toHaveCount(0);
    await page.locator("#control-A-1").getByRole("link", { name: "Attestations: A-1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "A-1 Books and records" })).toBeVisible();
    await expect(page.locator("main form")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/e2e-compliance-attest-auditor.png", fullPage: true });
  });

  test("an auditor reads the portal and the records without personal data, changes nothing, and is refused after the access ends", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Leigh Portallead" });
    await signIn(page, lead);
    const reference = await logIncident(page, { title: "Customer export mailed to the wrong address", amazon: true, pii: "Jane Roe, jane.roe@example.com" });

    const auditor = await createUser({ roles: ["auditor"], displayName: "Alex Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    await page.context().clearCookies();
    await signIn(page, auditor, "/auditor");
    await expect(page.getByRole("heading", { level: 1, name: "Auditor portal" })).toBeVisible();
    await expect(page.locator("#control-PII-5b")).toBeVisible();
    await expect(page.getByRole("form")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/e2e-auditor-portal.png", fullPage: true });

    await page.getByRole("link", { name: "Users and roles" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Leigh Portallead" })).toBeVisible();
    await expect(page.getByText(lead.email)).toHaveCount(0);
    // The administrators' user list, which auditors may read too, hides the addresses as well.
    await page.goto(`/settings/users?q=${encodeURIComponent("Leigh Portallead")}`);
    await expect(page.getByRole("row").filter({ hasText: "Leigh Portallead" })).toContainText("Not shown");
    await expect(page.getByText(lead.email)).toHaveCount(0);

    await page.goto(`/incidents/${reference}`);
    await expect(page.getByRole("heading", { level: 1, name: "Customer export mailed to the wrong address" })).toBeVisible();
    await expect(page.getByText("Jane Roe")).toHaveCount(0);

    const attest = await page.request.get("/api/compliance/map?format=csv");
    expect(attest.status()).toBe(200);

    // Access ends with the engagement: the next request is refused and sign-in no longer works.
    await testDb().query(`UPDATE "User" SET "accessEndsAt" = now() - interval '1 minute' WHERE "id" = $1`, [auditor.id]);
    await page.goto("/auditor");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
