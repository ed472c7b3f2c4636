import { expect, test } from "@playwright/test";
import { testDb } from "../support/db";
import { createUser, signIn } from "../support/users";
import { logIncident } from "../incidents/helpers";

test.describe("compliance map and auditor portal", () => {
  test("a security lead reads the map, attests a control, and exports it", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    await signIn(page, lead, "/compliance");
    await expect(page.getByRole("heading", { level: 1, name: "Compliance map" })).toBeVisible();
    const gs4e = page.locator("#control-GS-4e");
    await expect(gs4e).toContainText("Amazon notified within 24 hours");
    await expect(page.locator("#control-GS-2b")).toContainText("Not tracked yet");

    const gs3 = page.locator("#control-GS-3");
    await expect(gs3).toContainText("Not attested");
    await gs3.locator("summary", { hasText: "Attest" }).click();
    const form = gs3.getByRole("form", { name: "Attest GS-3" });
    await form.getByLabel("Status").selectOption({ label: "Met" });
    await form.getByLabel("Evidence").fill("External TLS scan TLS-2026-11: every endpoint offers TLS 1.2 or later only.");
    await form.getByRole("button", { name: "Record attestation" }).click();
    await expect(page.locator("#control-GS-3")).toContainText("attested by Dana Lead");
    await page.screenshot({ path: "/tmp/e2e-compliance-map.png", fullPage: true });

    const csv = await page.request.get("/api/compliance/map?format=csv");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^Control,Section,Title,Status/);
    const pdf = await page.request.get("/api/compliance/map?format=pdf");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
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
