import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { testDb } from "../support/db";
import { createUser, signIn, type TTestUser } from "../support/users";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/findings-e2e-${name}.png`, fullPage: true });
}

/** A finding written straight into the database, for screens that only read it. */
async function insertFinding(owner: TTestUser, createdBy: TTestUser, fields: { title: string; controlId: string; dueDate: string }): Promise<string> {
  const reference = `FND-${new Date().getUTCFullYear()}-9${String(randomBytes(2).readUInt16BE() % 1000).padStart(3, "0")}`;
  await testDb().query(
    `INSERT INTO "AuditFinding" ("id", "reference", "controlId", "title", "description", "severity", "ownerId", "dueDate", "createdById", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, 'Found during the e2e audit.', 'medium', $5, $6::date, $7, now(), now())`,
    [`fnd_e2e${randomBytes(6).toString("hex")}`, reference, fields.controlId, fields.title, owner.id, fields.dueDate, createdBy.id],
  );
  return reference;
}

test.describe("audit findings", () => {
  test("a security lead records a finding, sees its deadline on the list and the map, and closes it only with evidence", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    await createUser({ roles: ["responder"], displayName: "Rory Owner" });
    await signIn(page, lead, "/compliance");
    await page.getByRole("link", { name: "Findings", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit findings" })).toBeVisible();

    await page.getByRole("link", { name: "Record a finding" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a finding" })).toBeVisible();
    const form = page.getByRole("form", { name: "Record a finding" });
    await form.getByLabel("Control").selectOption({ label: "PII-5b Tamper-proof logs kept 90 days" });
    await form.getByLabel("Title").fill("VPN logs kept for 30 days only");
    await form.getByLabel("What the audit found").fill("The VPN concentrator keeps its logs for 30 days; the policy asks for at least 12 months.");
    await form.getByLabel("Severity").selectOption({ label: "High" });
    await form.getByLabel("Owner").selectOption({ label: "Rory Owner" });
    await form.getByLabel("Remediation due").fill(day(5));
    await shoot(page, "new");
    await form.getByRole("button", { name: "Record finding" }).click();

    await page.waitForURL(/\/compliance\/findings\/FND-\d{4}-\d{4}$/);
    const reference = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("heading", { level: 1, name: "VPN logs kept for 30 days only" })).toBeVisible();
    await expect(page.locator(".badge-warn", { hasText: `Due ${day(5)}, in 5 days` })).toBeVisible();
    await expect(page.getByRole("region", { name: "History" })).toContainText("Recorded against PII-5b, severity high, owner Rory Owner");

    // The list: the finding with its amber deadline.
    await page.getByRole("link", { name: "All findings" }).click();
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText("PII-5b");
    await expect(row).toContainText("Rory Owner");
    await expect(row.locator(".badge-warn", { hasText: "in 5 days" })).toBeVisible();
    await shoot(page, "list");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "list-phone");
    await page.setViewportSize({ width: 1280, height: 800 });

    // The compliance map row counts it and links to it.
    await page.goto("/compliance");
    await expect(page.locator("#control-PII-5b")).toContainText("1 open audit finding");
    await page.locator("#control-PII-5b").screenshot({ path: "/tmp/findings-e2e-map-row.png" });
    await page.locator("#control-PII-5b").getByRole("link", { name: "1 open audit finding" }).click();
    await expect(page.getByRole("row").filter({ hasText: reference })).toBeVisible();

    // Closing without evidence is refused with a clear message; with it, the finding closes.
    await page.goto(`/compliance/findings/${reference}`);
    const close = page.getByRole("form", { name: "Close with evidence" });
    await close.getByLabel("How it was remediated").fill("Retention raised to 400 days on the VPN concentrator.");
    await close.getByRole("button", { name: "Close finding" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
    await expect(close).toContainText("Name what shows the fix: documents, tickets, links or evidence labels.");
    await shoot(page, "close-refused");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "detail-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
    await close.getByLabel("Evidence of the fix").fill("Change CHG-2291; configuration export EV-2026-0042");
    await close.getByRole("button", { name: "Close finding" }).click();
    await expect(page.getByRole("region", { name: "Closed" })).toContainText("Change CHG-2291; configuration export EV-2026-0042");
    await expect(page.getByRole("region", { name: "History" })).toContainText("Closed.");
    await expect(page.locator(".badges-row")).toContainText("Closed");
    await shoot(page, "closed");

    await page.goto("/compliance/findings");
    await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(0);
    await page.getByLabel("Status").selectOption("closed");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText("Closed");
  });

  test("a later due date needs a reason, and an overdue finding shows red", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Finn Findlead" });
    const owner = await createUser({ roles: ["responder"], displayName: "Ola Owner" });
    const reference = await insertFinding(owner, lead, { title: "Quarterly access review not evidenced", controlId: "GS-2b", dueDate: day(-3) });
    await signIn(page, lead, `/compliance/findings/${reference}`);
    await expect(page.locator(".badge-danger", { hasText: "3 days overdue" })).toBeVisible();
    await page.locator("summary", { hasText: "Change due date" }).click();
    const move = page.getByRole("form", { name: "Change due date" });
    await move.getByLabel("New due date").fill(day(20));
    await move.getByRole("button", { name: "Change due date" }).click();
    await expect(move).toContainText("Say why the due date moves later.");
    await move.getByLabel("Reason").fill("The review tool is replaced in December; agreed with the auditor.");
    await move.getByRole("button", { name: "Change due date" }).click();
    await expect(page.getByRole("region", { name: "History" })).toContainText(`Due date moved later, from ${day(-3)} to ${day(20)}.`);
    await expect(page.getByRole("region", { name: "History" })).toContainText("The review tool is replaced in December; agreed with the auditor.");
    await shoot(page, "detail");
  });

  test("an auditor reads findings without any form, using GET requests only", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"] });
    const owner = await createUser({ roles: ["responder"], displayName: "Pat Owner" });
    const reference = await insertFinding(owner, lead, { title: "Encryption in transit not attested", controlId: "GS-3", dueDate: day(30) });
    const auditor = await createUser({ roles: ["auditor"], displayName: "Alex Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() !== "GET") posts.push(`${request.method()} ${request.url()}`);
    });
    await signIn(page, auditor, "/auditor");
    posts.length = 0; // signing in posts; reading must not
    await page.getByRole("link", { name: "Audit findings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit findings" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Record a finding" })).toHaveCount(0);
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row.locator(".badge-ok")).toHaveText("in 30 days");
    await row.getByRole("link", { name: reference }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Encryption in transit not attested" })).toBeVisible();
    await expect(page.getByText("Pat Owner").first()).toBeVisible();
    await expect(page.locator("main form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Close finding" })).toHaveCount(0);
    await shoot(page, "auditor-detail");
    const response = await page.goto("/compliance/findings/new");
    expect(response?.status()).toBe(404);
    expect(posts).toEqual([]);
  });
});

test.describe("the dashboard's deadlines", () => {
  test("list an overdue incident task, an overdue finding and an assigned task, nearest first, each a link with its state, and only to who may see them", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    const responder = await createUser({ roles: ["responder"], displayName: "Rory Responder" });
    const suffix = randomBytes(3).toString("hex");
    const finding = await insertFinding(lead, lead, { title: `Backups not encrypted ${suffix}`, controlId: "PII-5b", dueDate: day(-3) });
    // An incident of the lead's, not involving Amazon Information, with a task overdue by a day.
    const incident = `INC-2099-${String(randomBytes(2).readUInt16BE() % 10000).padStart(4, "0")}`;
    await testDb().query(
      `INSERT INTO "Incident" ("id", "reference", "title", "summary", "typeId", "severity", "status", "detectedAt", "reportedById", "createdById", "memberIds", "amazonInfoAnswer", "amazonInfoInvolved", "updatedAt")
       VALUES ($1, $2, $3, 'Found during the e2e run.', 'lost-device', 'SEV3', 'triaged', now() - interval '3 days', $4, $4, ARRAY[$4], 'no', false, now())`,
      [`inc_e2e${suffix}`, incident, `Lost badge ${suffix}`, lead.id],
    );
    await testDb().query(
      `INSERT INTO "IncidentTask" ("id", "incidentId", "title", "ownerId", "dueDate", "createdById") VALUES ($1, $2, $3, $4, current_date - 1, $4)`,
      [`itk_e2e${suffix}`, `inc_e2e${suffix}`, `Revoke the badge ${suffix}`, lead.id],
    );
    // A task assigned to the lead (lib/core/tasks), due in 6 hours.
    await testDb().query(
      `INSERT INTO "Task" ("id", "subjectType", "subjectId", "subjectReference", "link", "title", "ownerId", "dueAt", "createdById", "updatedAt")
       VALUES ($1, 'finding', 'fnd_x', $2, $3, $4, $5, now() + interval '6 hours', $5, now())`,
      [`tsk_e2e${suffix}`, finding, `/compliance/findings/${finding}`, `Confirm the backup key rotation ${suffix}`, lead.id],
    );

    await signIn(page, lead);
    const due = page.getByRole("region", { name: /Overdue and falling due/ });
    const rows = due.getByRole("row");
    const findingRow = rows.filter({ hasText: `Backups not encrypted ${suffix}` });
    const taskRow = rows.filter({ hasText: `Revoke the badge ${suffix}` });
    const assignedRow = rows.filter({ hasText: `Confirm the backup key rotation ${suffix}` });
    await expect(findingRow).toHaveAttribute("data-state", "overdue");
    await expect(findingRow.locator(".badge-danger")).toHaveText("Overdue");
    await expect(findingRow).toContainText("Finding");
    await expect(taskRow).toHaveAttribute("data-state", "overdue");
    await expect(taskRow).toContainText("Incident task");
    await expect(assignedRow).toHaveAttribute("data-state", "due-soon");
    await expect(assignedRow.locator(".badge-warn")).toHaveText("Due soon");
    // Nearest first: the finding (3 days overdue), then the incident task (1 day), then the task due later today.
    const texts = await rows.allInnerTexts();
    const at = (text: string) => texts.findIndex((t) => t.includes(text));
    expect(at(`Backups not encrypted ${suffix}`)).toBeLessThan(at(`Revoke the badge ${suffix}`));
    expect(at(`Revoke the badge ${suffix}`)).toBeLessThan(at(`Confirm the backup key rotation ${suffix}`));
    await page.screenshot({ path: "/tmp/e2e-dashboard-deadlines.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/e2e-dashboard-deadlines-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    // Each is a link to its record.
    await taskRow.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/incidents/${incident}$`));
    await page.goBack();
    await findingRow.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/compliance/findings/${finding}$`));

    // A responder not on the incident sees none of them.
    await page.context().clearCookies();
    await signIn(page, responder);
    const theirs = page.getByRole("region", { name: /Overdue and falling due/ });
    await expect(theirs).toBeVisible();
    await expect(theirs).not.toContainText(suffix);
  });
});

test.describe("compliance certificates", () => {
  test("a lead issues a certificate and downloads it; an auditor lists and downloads it without a form", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Fischer" });
    await signIn(page, lead, "/compliance");
    await page.getByRole("link", { name: "Certificates", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Compliance certificates" })).toBeVisible();
    const form = page.getByRole("form", { name: "Issue a certificate" });
    await expect(form.getByLabel("Certifying officer")).toHaveValue("Dana Fischer");
    await expect(form.getByLabel("As of")).toHaveValue(day(0));
    await form.getByLabel("As of").fill(day(3));
    await form.getByLabel("Organisation").fill("Example Fulfilment Ltd");
    await form.getByLabel("Officer's title").fill("Chief Information Security Officer");
    await form.getByLabel("Requested by").fill("Amazon letter DPP-AUD-2026-117");
    await form.getByRole("button", { name: "Issue certificate" }).click();
    await expect(form).toContainText("A certificate cannot speak for a day still to come.");
    await form.getByLabel("As of").fill(day(0));
    await form.getByRole("button", { name: "Issue certificate" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Certificate issued." })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "Amazon letter DPP-AUD-2026-117" });
    await expect(row).toContainText(/CERT-\d{4}-\d{4}/);
    await expect(row).toContainText("Dana Fischer");
    await shoot(page, "certificates");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "certificates-phone");
    await page.setViewportSize({ width: 1280, height: 800 });

    const href = await row.getByRole("link", { name: /Download CERT-/ }).getAttribute("href");
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(pdf.headers()["x-content-sha256"]);
    expect((await page.request.get("/api/compliance/certificates/CERT-2026-9999")).status()).toBe(404);

    const auditor = await createUser({ roles: ["auditor"], displayName: "Alex Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    await page.context().clearCookies();
    await signIn(page, auditor, "/compliance/certificates");
    await expect(page.getByRole("form")).toHaveCount(0);
    const auditorRow = page.getByRole("row").filter({ hasText: "Amazon letter DPP-AUD-2026-117" });
    const again = await page.request.get((await auditorRow.getByRole("link", { name: /Download CERT-/ }).getAttribute("href"))!);
    expect(Buffer.compare(await again.body(), bytes)).toBe(0);
    await shoot(page, "certificates-auditor");
  });
});
