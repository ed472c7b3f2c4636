import { createHash } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createUser, nextTotpCode, signIn } from "../support/users";
import { logIncident } from "../incidents/helpers";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

// Screenshots for review go to /tmp, never into the repository.
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/e2e-engagements-${name}.png`, fullPage: true });

async function uploadEvidence(page: Page, incident: string, name: string, content: Buffer): Promise<string> {
  await page.goto(`/incidents/${incident}`);
  await page.getByRole("link", { name: "Add evidence" }).click();
  const upload = page.getByRole("form", { name: "Upload evidence file" });
  await upload.getByLabel("File").setInputFiles({ name, mimeType: "text/plain", buffer: content });
  await upload.getByLabel("Description").fill(`${name} of bastion-1`);
  await upload.getByLabel("How and where it was collected").fill("Copied with scp by the on-call responder");
  await upload.getByRole("button", { name: "Upload and record" }).click();
  await page.waitForURL(/\/evidence\/EV-\d{4}-\d{4}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test.describe("audit engagements", () => {
  test("a lead opens an engagement and shares one file; the auditor downloads only that file; the lead sees it all and ends the engagement", async ({ page, browser }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    // Unique: other specs in the run create auditors too, and the form lists every auditor account.
    const auditor = await createUser({ roles: ["auditor"], displayName: `Robin Auditor ${Date.now().toString(36)}`, accessEndsAt: new Date(Date.now() + 5 * 86_400_000) });
    await signIn(page, lead);
    const incident = await logIncident(page, { title: "Brute force on the bastion host" });
    const shared = Buffer.from("Nov 29 03:14:07 bastion-1 sshd[4242]: Failed password for invalid user admin\n".repeat(300));
    const sharedLabel = await uploadEvidence(page, incident, "auth.log", shared);
    const otherLabel = await uploadEvidence(page, incident, "syslog", Buffer.from("Nov 29 03:15:00 bastion-1 kernel: eth0 up\n".repeat(40)));

    // The engagement, from the compliance map.
    await page.goto("/compliance");
    await page.getByRole("link", { name: "Audit engagements" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit engagements" })).toBeVisible();
    await page.getByRole("link", { name: "New engagement" }).click();
    const form = page.getByRole("form", { name: "New audit engagement" });
    await form.getByRole("textbox", { name: "Name", exact: true }).fill("DPP annual audit 2026");
    await form.getByLabel("Audit firm").fill("Example Assurance LLP");
    await form.getByLabel("Scope").fill("Incident response (GS-4) and evidence handling, November 2026.");
    // A last day beyond 90 days is refused, and what was typed stays.
    await form.getByLabel("Last day").fill(new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10));
    await form.getByRole("checkbox", { name: auditor.displayName }).check();
    await form.getByRole("button", { name: "Open engagement" }).click();
    await expect(form.getByText("An engagement can end at most 90 days from today.")).toBeVisible();
    await expect(form.getByRole("checkbox", { name: auditor.displayName })).toBeChecked();
    await form.getByLabel("Last day").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await shot(page, "new");
    await form.getByRole("button", { name: "Open engagement" }).click();
    await page.waitForURL(/\/compliance\/engagements\/AUD-\d{4}-\d{4}$/);
    const reference = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: "DPP annual audit 2026" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Auditors", exact: true }).getByRole("row", { name: new RegExp(auditor.displayName) })).toContainText("Active");

    // Share one file with the engagement from the evidence page.
    await page.goto(`/evidence/${sharedLabel}`);
    const access = page.getByRole("region", { name: "Auditor access" });
    await expect(access).toContainText("No engagement may download this file.");
    await access.getByLabel("Engagement").selectOption({ label: `${reference} · DPP annual audit 2026` });
    await access.getByRole("button", { name: "Allow download" }).click();
    await expect(access.getByRole("link", { name: reference })).toBeVisible();
    await shot(page, "evidence-access");

    // The auditor, in their own browser.
    const auditorContext = await browser.newContext({ acceptDownloads: true });
    const auditorPage = await auditorContext.newPage();
    await signIn(auditorPage, auditor, "/auditor");
    const card = auditorPage.getByRole("region", { name: "Your engagement: DPP annual audit 2026" });
    await expect(card).toContainText("Example Assurance LLP");
    await expect(card).toContainText("Incident response (GS-4)");
    await expect(card.getByRole("link", { name: new RegExp(otherLabel) })).toHaveCount(0);
    await auditorPage.screenshot({ path: "/tmp/e2e-engagements-auditor-portal.png" });
    const downloading = auditorPage.waitForEvent("download");
    await card.getByRole("link", { name: new RegExp(sharedLabel) }).click();
    const download = await downloading;
    expect(sha256(fs.readFileSync(await download.path()))).toBe(sha256(shared));
    const refused = await auditorPage.request.get(`/api/evidence/${otherLabel}/download`);
    expect(refused.status()).toBe(403);
    // The portal's records lead to the plans, the access reviews and the assets, each open to the auditor.
    const records = auditorPage.getByRole("navigation", { name: "Records" });
    for (const [name, heading] of [["Plans and policies", "Plans and policies"], ["Access reviews", "Access reviews"], ["Assets", "Assets"]]) {
      await records.getByRole("link", { name, exact: true }).click();
      await expect(auditorPage.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(auditorPage.getByText("You do not have permission")).toHaveCount(0);
      await auditorPage.goBack();
    }

    // The lead sees what the auditor did, including the refusal.
    await page.goto(`/compliance/engagements/${reference}`);
    const activity = page.getByRole("region", { name: "What the auditors did" });
    const downloaded = activity.getByRole("row").filter({ hasText: "evidence.downloaded" });
    await expect(downloaded).toContainText(auditor.displayName);
    await expect(downloaded).toContainText(`evidence ${sharedLabel}`);
    await expect(activity.getByRole("row").filter({ hasText: "authorization.denied" })).toContainText(`evidence ${otherLabel}`);
    await expect(page.getByRole("region", { name: "Evidence the auditors may download" })).toContainText(sharedLabel);
    await shot(page, "detail");

    await page.goto("/compliance/engagements");
    await expect(page.getByRole("row", { name: new RegExp(reference) })).toContainText("Active");
    await shot(page, "list");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/compliance/engagements/${reference}`);
    await shot(page, "detail-phone");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Ending it ends the auditor's access: the open session is refused, and so is signing in.
    await page.getByText("End the engagement now").click();
    await page.getByRole("button", { name: "End engagement now" }).click();
    await expect(page.locator(".page-header").getByText("Ended", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Auditors", exact: true }).getByRole("row", { name: new RegExp(auditor.displayName) })).toContainText("Access ended");

    await auditorPage.goto("/auditor");
    await expect(auditorPage).toHaveURL(/\/sign-in/);
    expect((await auditorPage.request.get(`/api/evidence/${sharedLabel}/download`)).status()).toBe(401);
    await auditorPage.getByLabel("Email").fill(auditor.email);
    await auditorPage.getByLabel("Password", { exact: true }).fill(auditor.password);
    await auditorPage.getByLabel("Authentication code").fill(await nextTotpCode(auditor));
    await auditorPage.getByRole("button", { name: "Sign in" }).click();
    await expect(auditorPage.getByRole("alert").filter({ hasText: /not|wrong|could/i })).toBeVisible();
    await expect(auditorPage).toHaveURL(/\/sign-in/);
    await auditorContext.close();
  });
});
