import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { pdfText } from "../../test/support/pdf-text";
import { testDb } from "../support/db";
import { screenshots, signedInPage } from "../support/pages";
import { createUser } from "../support/users";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const shoot = screenshots("plans");

test.describe("plans and policies", () => {
  // The second story works on the plan the first one approved.
  // Long stories of several people on a shared 2-core machine, with a screenshot at 1280px and on a phone of each screen.
  test.describe.configure({ mode: "serial", timeout: 360_000 });

  test.beforeAll(async () => {
    // A run's database starts empty of plans; a rerun on the same database starts over.
    await testDb().query(`DELETE FROM "PlanContact"`);
    await testDb().query(`DELETE FROM "PolicyChange"`);
    await testDb().query(`DELETE FROM "PolicyReview"`);
    await testDb().query(`DELETE FROM "PolicyVersionIncidentType"`);
    await testDb().query(`DELETE FROM "PolicyAcknowledgement"`);
    await testDb().query(`DELETE FROM "PolicyDocumentVersion"`);
    await testDb().query(`DELETE FROM "PolicyDocument"`);
  });
  test.afterAll(async () => {
    // Other specs may log incidents of any starting type.
    await testDb().query(`UPDATE "IncidentType" SET "active" = true WHERE "id" = 'other'`);
  });

  test("the team starts from the templates, a lead edits the plan, another lead approves, versions compare, the auditor downloads the PDF", async ({ browser }) => {
    const privacy = await createUser({ roles: ["privacy_officer"], displayName: "Priya Privacy" });
    const leadA = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    const leadB = await createUser({ roles: ["security_lead"], displayName: "Sam Approver" });
    const auditor = await createUser({ roles: ["auditor"], displayName: "Ada Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });

    // The privacy officer starts both documents from Vigil's templates.
    const priya = await signedInPage(browser, privacy, "/");
    await priya.getByRole("navigation").getByRole("link", { name: "Plans and policies" }).click();
    await expect(priya.getByRole("heading", { level: 1, name: "Plans and policies" })).toBeVisible();
    await priya.getByRole("button", { name: "Start from Vigil's templates" }).click();
    await priya.waitForURL(/\/plans\/POL-\d{4}-\d{4}$/);
    await expect(priya.getByRole("heading", { level: 1, name: "Incident response plan" })).toBeVisible();
    await expect(priya.getByText("No version has been approved yet")).toBeVisible();
    await priya.getByRole("link", { name: "All plans and policies" }).click();
    const planRow = priya.getByRole("row").filter({ hasText: "Incident response plan" });
    await expect(planRow).toContainText("Not approved yet");
    await expect(planRow).toContainText("Waiting for approval");
    await expect(priya.getByRole("row").filter({ hasText: "Privacy and data-handling policy" })).toBeVisible();
    await shoot(priya, "list");
    const reference = (await planRow.getByRole("link").first().textContent())!.trim();

    // Lead A edits the draft: names the IMPOC; a javascript: link and raw HTML stay inert.
    const dana = await signedInPage(browser, leadA, `/plans/${reference}`);
    await expect(dana.getByText("No version has been approved yet")).toBeVisible();
    await dana.getByRole("link", { name: "Edit draft" }).click();
    const editor = dana.getByRole("form", { name: "Edit the draft" });
    const body = editor.getByLabel("Text (Markdown)");
    const text = await body.inputValue();
    expect(text).toContain("mailto:security@amazon.com");
    await body.fill(
      text.replace("| Incident Management Point of Contact (IMPOC) | *name the person* |", "| Incident Management Point of Contact (IMPOC) | Dana Lead |") +
        "\n[Run this](javascript:alert(1)) and <b>bold html</b>\n",
    );
    await editor.getByLabel("What this version changes").fill("Named the IMPOC");
    await shoot(dana, "edit");
    await editor.getByRole("button", { name: "Save draft" }).click();
    await dana.waitForURL(new RegExp(`/plans/${reference}$`));
    await expect(dana.getByText("Draft waiting for approval")).toBeVisible();
    await expect(dana.getByText("You wrote part of this draft, so another approver must approve it.")).toBeVisible();
    await expect(dana.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);

    // Lead B, who wrote none of it, approves: version 1 is in force.
    const sam = await signedInPage(browser, leadB, `/plans/${reference}`);
    await shoot(sam, "document-draft");
    sam.once("dialog", (dialog) => void dialog.accept());
    await sam.getByRole("button", { name: "Approve and publish" }).click();
    await expect(sam.getByRole("status")).toContainText("Version 1 approved");
    await expect(sam.locator(".badge-ok", { hasText: "Version 1 in force" })).toBeVisible();
    const inForce = sam.getByRole("region", { name: "Version 1, in force" });
    await expect(inForce).toContainText("Sam Approver");
    await expect(inForce.getByRole("cell", { name: "Dana Lead" })).toBeVisible();
    await expect(inForce.getByRole("link", { name: "security@amazon.com", exact: true }).first()).toHaveAttribute("href", "mailto:security@amazon.com");
    await expect(inForce.getByText("Run this")).toBeVisible();
    await expect(inForce.getByRole("link", { name: "Run this" })).toHaveCount(0);
    await expect(inForce.locator("b")).toHaveCount(0);
    await shoot(sam, "document");

    // The first approval starts the six-monthly review clock; a major change brings it forward.
    await dana.reload();
    await expect(dana.locator(".badge-ok", { hasText: "Regular review due" })).toBeVisible();
    await dana.getByText("Record a change").click();
    const change = dana.getByRole("form", { name: "Record a change" });
    await change.getByLabel("What changed").fill("Order processing moved to a new hosting provider");
    await change.getByLabel("Review within (days)").fill("5");
    await change.getByLabel("Major change: it opens a review of this document").check();
    await change.getByRole("button", { name: "Record change" }).click();
    await expect(change.getByRole("status")).toContainText(`The next review is due on ${day(5)}`);
    await expect(dana.locator(".badge-warn", { hasText: `Review after a major change due ${day(5)}, in 5 days` })).toBeVisible();
    await expect(dana.getByRole("region", { name: "Change register" }).getByRole("row").filter({ hasText: "new hosting provider" })).toContainText("Yes: review within 5 days");
    await shoot(dana, "document-review-due");
    await dana.goto("/");
    const dueRow = dana.getByRole("row").filter({ hasText: "Review of Incident response plan" });
    await expect(dueRow).toContainText("Plan or policy review");
    await expect(dueRow.locator(".badge-warn", { hasText: "Due soon" })).toBeVisible();
    await dueRow.getByRole("link", { name: reference }).click();
    await expect(dana.getByRole("heading", { level: 2, name: "Reviews" })).toBeVisible();

    // Lead A changes it again: version 1 stays in force; the draft compares with it.
    await dana.getByRole("link", { name: "Edit" }).first().click();
    const again = dana.getByRole("form", { name: "Edit the draft" });
    const v1 = await again.getByLabel("Text (Markdown)").inputValue();
    await again.getByLabel("Text (Markdown)").fill(v1.replace("## Detection and reporting", "## Detecting and reporting incidents"));
    await again.getByLabel("What this version changes").fill("Clearer heading");
    await again.getByRole("button", { name: "Save draft" }).click();
    await dana.waitForURL(new RegExp(`/plans/${reference}$`));
    await expect(dana.locator(".badge-ok", { hasText: "Version 1 in force" })).toBeVisible();
    await dana.getByRole("link", { name: "Compare with version 1" }).click();
    const diff = dana.getByRole("list", { name: "Changes between the versions" });
    await expect(diff.getByRole("listitem").filter({ hasText: "## Detection and reporting" })).toContainText("Removed:");
    await expect(diff.getByRole("listitem").filter({ hasText: "## Detecting and reporting incidents" })).toContainText("Added:");
    await shoot(dana, "compare");
    await dana.goto(`/plans/${reference}/versions/1`);
    await expect(dana.getByRole("heading", { level: 1, name: "Incident response plan: version 1" })).toBeVisible();
    await shoot(dana, "version");

    // The auditor reads it, changes nothing, and downloads version 1 as PDF.
    const ada = await signedInPage(browser, auditor, "/plans");
    await ada.getByRole("link", { name: reference }).click();
    await expect(ada.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    await expect(ada.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
    const downloading = ada.waitForEvent("download");
    await ada.getByRole("link", { name: "Download version 1 as PDF" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${reference}-v1.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const refused = await ada.request.post(`/plans/${reference}`, { data: "x" });
    expect(refused.status()).toBe(403);
  });

  test("a lead drafts the plan's IMPOC and incident types, another lead approves: the incident form offers the new type and not the retired one, the IMPOC shows on incidents, the PDF lists both", async ({ browser }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Lee Commander" });
    const approver = await createUser({ roles: ["security_lead"], displayName: "Ann Approver" });
    const auditor = await createUser({ roles: ["auditor"], displayName: "Aude Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    const page = await signedInPage(browser, lead, "/plans");
    // An incident logged under a type the plan will retire.
    const oldIncident = await logIncident(page, "Unclear traffic from a build server", "Other");

    await page.goto("/plans");
    await page.getByRole("row").filter({ hasText: "Incident response plan" }).getByRole("link").first().click();
    await page.waitForURL(/\/plans\/POL-\d{4}-\d{4}$/);
    const planUrl = new URL(page.url()).pathname;
    const reference = planUrl.split("/").pop()!;
    await expect(page.getByRole("region", { name: "Roles and contacts" })).toContainText("names no Incident Management Point of Contact");
    await page.getByRole("link", { name: "Change who the plan names" }).click();

    // In the draft: name the IMPOC, add a type, retire "Other".
    await page.getByText("Name a contact").click();
    const contact = page.getByRole("form", { name: "Name a contact" });
    await contact.getByLabel("Role").selectOption({ label: "Incident Management Point of Contact (IMPOC)" });
    await contact.getByLabel("Name").fill("Lee Commander");
    await contact.getByLabel("Email").fill("impoc@seller.example");
    await contact.getByLabel("Phone").fill("+44 20 7946 0123");
    await contact.getByRole("button", { name: "Add to the draft" }).click();
    await expect(contact.getByRole("status")).toContainText("Added to the draft");
    const drafted = page.getByRole("region", { name: "People the draft names" });
    await expect(drafted.getByRole("link", { name: "impoc@seller.example" })).toBeVisible();

    const types = page.getByRole("region", { name: "Incident types in the draft" });
    await types.getByText("Add an incident type").click();
    const add = types.getByRole("form", { name: "Add an incident type" });
    await add.getByLabel("Name").fill("Payment card skimming");
    await add.getByLabel("Description").fill("Card data captured at a point of sale.");
    await add.getByLabel("Procedure").fill("1. Take the terminal offline. 2. Call the acquirer. 3. Preserve the device.");
    await add.getByLabel("Escalation path").fill("Security lead at once; Amazon within 24 hours if order data is involved.");
    await add.getByRole("button", { name: "Add to the draft" }).click();
    await expect(add.getByRole("status")).toContainText("Added to the draft");
    await expect(types.getByRole("listitem").filter({ hasText: "Payment card skimming" })).toBeVisible();
    await types.getByText("Other", { exact: true }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await types.getByRole("button", { name: "Retire Other" }).click();
    await expect(types.getByRole("listitem").filter({ hasText: /^Other/ })).toHaveCount(0);
    await shoot(page, "edit-lists");

    // Not in force yet: the incident form still offers what version 1 lists.
    await page.goto("/incidents/new");
    await expect(page.getByLabel("Type").locator("option", { hasText: "Payment card skimming" })).toHaveCount(0);

    // The draft compares with version 1, lists included; the author cannot approve it.
    await page.goto(planUrl);
    await expect(page.getByText("You wrote part of this draft, so another approver must approve it.")).toBeVisible();
    await page.getByRole("link", { name: "Compare with version 1" }).click();
    const listChanges = page.getByRole("list", { name: "Changes to incident types and contacts" });
    await expect(listChanges).toContainText("Added incident type: Payment card skimming");
    await expect(listChanges).toContainText("Removed incident type: Other");
    await expect(listChanges).toContainText("Added Incident Management Point of Contact (IMPOC): Lee Commander");
    await shoot(page, "compare-lists");

    // Another lead approves: version 2 is in force, with its people and types.
    const ann = await signedInPage(browser, approver, planUrl);
    ann.once("dialog", (dialog) => void dialog.accept());
    await ann.getByRole("button", { name: "Approve and publish" }).click();
    await expect(ann.getByRole("status")).toContainText("Version 2 approved");
    const roles = ann.getByRole("region", { name: "Roles and contacts" });
    await expect(roles).toContainText("Incident Management Point of Contact (IMPOC)");
    await expect(roles.getByRole("link", { name: "impoc@seller.example" })).toBeVisible();
    const inForceTypes = ann.getByRole("region", { name: "Incident types" });
    await expect(inForceTypes).toContainText("As version 2 lists them");
    await expect(inForceTypes.getByRole("listitem").filter({ hasText: "Payment card skimming" })).toBeVisible();
    await expect(inForceTypes.getByRole("listitem").filter({ hasText: /^Other/ })).toHaveCount(0);
    await shoot(ann, "plan-lists");

    // The incident form offers the new type and not the retired one.
    await page.goto("/incidents/new");
    const typeSelect = page.getByLabel("Type");
    await expect(typeSelect.locator("option", { hasText: "Payment card skimming" })).toHaveCount(1);
    await expect(typeSelect.locator("option", { hasText: /^Other$/ })).toHaveCount(0);
    const incident = await logIncident(page, "Skimmer found on the warehouse terminal", "Payment card skimming");

    // The IMPOC on the incident, with how to reach them.
    const contacts = page.getByRole("region", { name: "Incident contacts" });
    await expect(contacts).toContainText("Lee Commander");
    await expect(contacts.getByRole("link", { name: "impoc@seller.example" })).toBeVisible();
    await expect(contacts.getByRole("link", { name: "+44 20 7946 0123" })).toBeVisible();
    await shoot(page, "incident-contacts");

    // The old incident keeps its retired type.
    await page.goto(`/incidents/${oldIncident}`);
    await expect(page.getByRole("heading", { level: 2, name: "Procedure: Other" })).toBeVisible();

    // Auditors see who, not how to reach them; version 2's PDF lists the types and the people's names.
    const aude = await signedInPage(browser, auditor, `/incidents/${incident}`);
    const seen = aude.getByRole("region", { name: "Incident contacts" });
    await expect(seen).toContainText("Lee Commander");
    await expect(seen).not.toContainText("impoc@seller.example");
    await expect(seen).not.toContainText("7946");
    await expect(seen).toContainText("Names and roles only");
    await aude.goto(`/plans/${reference}/versions/2`);
    await expect(aude.getByRole("region", { name: "Incident types listed" })).toContainText("Payment card skimming");
    await expect(aude.getByRole("region", { name: "Roles and contacts named" })).toContainText("Lee Commander");
    await shoot(aude, "version-lists");
    const downloading = aude.waitForEvent("download");
    await aude.getByRole("link", { name: "Download as PDF" }).click();
    const text = await pdfText(readFileSync((await (await downloading).path())!));
    expect(text).toContain("Payment card skimming");
    expect(text).toContain("Take the terminal offline");
    expect(text).toContain("Lee Commander");
    expect(text).not.toContain("impoc@seller.example");
  });

  test("a lead schedules the two-weekly audit log review and records one with its evidence; the auditor reads it", async ({ browser }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Morgan Lead" });
    const auditor = await createUser({ roles: ["auditor"], displayName: "Otto Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    const page = await signedInPage(browser, lead, "/plans");
    // The export the review looked at, kept as an evidence item (evidence items belong to an incident).
    await logIncident(page, "Audit log review, fortnight 48", "Unauthorized access");
    await page.getByRole("link", { name: "Add evidence" }).click();
    const upload = page.getByRole("form", { name: "Upload evidence file" });
    await upload.getByLabel("File").setInputFiles({ name: "audit-log-export.csv", mimeType: "text/csv", buffer: Buffer.from("at,actor,action\n2026-11-30T10:00Z,usr_x,auth.sign-in\n") });
    await upload.getByLabel("Description").fill("Vigil audit log export for the last two weeks");
    await upload.getByLabel("How and where it was collected").fill("Exported from Settings, Audit log, by the reviewer");
    await upload.getByLabel("Source system").fill("Vigil");
    await upload.getByRole("button", { name: "Upload and record" }).click();
    await page.waitForURL(/\/evidence\/EV-\d{4}-\d{4}$/, { timeout: 60_000 });
    const evidence = new URL(page.url()).pathname.split("/").pop()!;

    await page.goto("/plans");
    await page.getByRole("navigation", { name: "Plans and policies" }).getByRole("link", { name: "Control activities" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Control activities" })).toBeVisible();
    await page.getByText("Schedule an activity").click();
    const schedule = page.getByRole("form", { name: "Schedule an activity" });
    await schedule.getByLabel("Kind").selectOption({ label: "Audit log review (every 14 days)" });
    await schedule.getByLabel("Owner").selectOption({ label: "Morgan Lead" });
    await schedule.getByRole("button", { name: "Schedule activity" }).click();
    await page.waitForURL(/\/plans\/activities\/ACT-\d{4}-\d{4}$/);
    const reference = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: "Audit log review" })).toBeVisible();
    await expect(page.locator(".badge-warn", { hasText: `Next due ${day(0)}, today` })).toBeVisible();

    const complete = page.getByRole("form", { name: "Record a completion" });
    // Nothing to show for it: refused, field by field.
    await complete.getByRole("button", { name: "Record completion" }).click();
    await expect(complete.getByText("Choose the outcome.")).toBeVisible();
    await complete.getByLabel("Outcome").selectOption({ label: "Done, no issues" });
    await complete.getByRole("button", { name: "Record completion" }).click();
    await expect(complete.getByText("Say what was done (at least 10 characters), or name an evidence item.")).toBeVisible();
    await complete.getByLabel("Note").fill("Reviewed Vigil's audit log and the VPN logs for the last two weeks: no unknown sign-ins.");
    await complete.getByLabel("Evidence item").fill(evidence);
    await complete.getByRole("button", { name: "Record completion" }).click();
    await expect(complete.getByRole("status")).toContainText(`Next due on ${day(14)}`);
    await page.reload();
    await expect(page.locator(".badge-ok", { hasText: `Next due ${day(14)}, in 14 days` })).toBeVisible();
    const row = page.getByRole("region", { name: "Completions" }).getByRole("row").filter({ hasText: day(0) });
    await expect(row).toContainText("Morgan Lead");
    await expect(row).toContainText("no unknown sign-ins");
    await expect(row.getByRole("link", { name: evidence })).toHaveAttribute("href", `/evidence/${evidence}`);
    await shoot(page, "activity");
    await page.goto("/plans/activities");
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText(day(14));
    await shoot(page, "activities");

    const otto = await signedInPage(browser, auditor, `/plans/activities/${reference}`);
    await expect(otto.getByRole("region", { name: "Completions" })).toContainText("no unknown sign-ins");
    await expect(otto.getByRole("region", { name: "Completions" })).toContainText(evidence);
    await expect(otto.getByRole("form", { name: "Record a completion" })).toHaveCount(0);
  });

  test("a member is asked to acknowledge the plan in force, acknowledges it, and the lead sees the rate", async ({ browser }) => {
    const member = await createUser({ roles: ["member"], displayName: "Mia Member" });
    const lead = await createUser({ roles: ["security_lead"], displayName: "Rae Lead" });
    const mia = await signedInPage(browser, member, "/");
    const due = mia.getByRole("row").filter({ hasText: "Read and acknowledge Incident response plan, version 2" });
    await expect(due).toContainText("Policy to acknowledge");
    const reference = (await due.getByRole("link").first().textContent())!.trim();
    await due.getByRole("link", { name: reference }).click();
    const ack = mia.getByRole("region", { name: "Your acknowledgement" });
    await expect(ack).toContainText("Version 2 applies to you.");
    await shoot(mia, "acknowledge");
    await ack.getByRole("button", { name: "I have read it" }).click();
    await expect(ack).toContainText("You acknowledged version 2 on");
    await expect(mia.getByRole("region", { name: "Acknowledgements" })).toContainText(/Version 2: acknowledged by 1 of \d+/);
    await mia.goto("/");
    await expect(mia.getByRole("row").filter({ hasText: "Read and acknowledge Incident response plan" })).toHaveCount(0);

    const rae = await signedInPage(browser, lead, `/plans/${reference}`);
    const acks = rae.getByRole("region", { name: "Acknowledgements" });
    await expect(acks).toContainText(/acknowledged by 1 of \d+/);
    await expect(acks).toContainText("Not yet:");
    await expect(acks).toContainText("Rae Lead");
    await expect(acks).not.toContainText("Mia Member");
  });
});

async function logIncident(page: Page, title: string, type: string): Promise<string> {
  await page.goto("/incidents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("What happened").fill("Found during a routine check by the warehouse team.");
  await page.getByLabel("Type").selectOption({ label: type });
  await page.getByLabel("Severity").selectOption({ label: "SEV3 — Moderate" });
  // The policy's question has no default answer.
  await page.getByRole("group", { name: /Is this a Security Incident/ }).getByRole("radio", { name: /^No\b/ }).check();
  await page.getByRole("button", { name: "Log incident" }).click();
  await page.waitForURL(/\/incidents\/INC-\d{4}-\d{4}$/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}
