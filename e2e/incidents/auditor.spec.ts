import { expect, test } from "@playwright/test";
import { createUser, logIncident, signInAs, sql } from "./helpers";

test.describe("an auditor", () => {
  test("sees the incident without personal data and without edit controls; a direct call of the mutation is refused", async ({ page, request }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const reference = await logIncident(page, { title: "Phished support mailbox", amazon: true, pii: "Jane Roe, 12 Elm Street" });
    // The lead moves the incident to triaged; the server-action request is kept to be replayed.
    const statusForm = page.getByRole("form", { name: "Change status" });
    await statusForm.getByLabel("Move to").selectOption({ label: "Triaged" });
    const [mutation] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      statusForm.getByRole("button", { name: "Change status" }).click(),
    ]);
    await expect(page.getByRole("region", { name: "Timeline" }).getByText(/Detected → Triaged/)).toBeVisible();

    const privacy = await createUser(["privacy_officer"], "Priya Privacy");
    await signInAs(page, privacy);
    await page.goto(`/incidents/${reference}`);
    await expect(page.getByTestId("pii-details")).toHaveText("Jane Roe, 12 Elm Street");

    const auditor = await createUser(["auditor"], "Alex Auditor");
    await signInAs(page, auditor);
    await page.goto(`/incidents/${reference}`);
    await expect(page.getByRole("heading", { level: 1, name: "Phished support mailbox" })).toBeVisible();
    await expect(page.getByText("Jane Roe")).toHaveCount(0);
    await expect(page.getByText("Details recorded; only the privacy officer can read them.")).toBeVisible();
    for (const name of ["Change status", "Close incident", "Send notice", "Comment", "Add entry"]) {
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(page.getByRole("form")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/e2e-incident-auditor.png", fullPage: true });

    // The auditor's session replays the mutation directly, bypassing the screen: same action,
    // same form data, moving the incident on to contained.
    const cookies = await page.context().cookies();
    const headers = mutation.headers();
    const body = mutation.postDataBuffer()!.toString("utf8").replace(/triaged/g, "contained");
    const response = await request.post(`/incidents/${reference}`, {
      headers: {
        cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: "text/x-component",
      },
      data: body,
    });
    // A read-only session's server action never runs: 403, logged as refused.
    expect(response.status()).toBe(403);
    const rows = await sql<{ status: string }>(`SELECT "status"::text AS status FROM "Incident" WHERE "reference" = $1`, [reference]);
    expect(rows[0]!.status).toBe("triaged");
    const denials = await sql(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'authorization.read-only-refused' AND outcome = 'denied'`, [auditor.id]);
    expect(denials.length).toBeGreaterThan(0);
  });
});

test.describe("an auditor reading an incident", () => {
  test("sees the record, its free text, the clock and its verdict, the notices and their copy, and no personal-data field, not even in the HTML", async ({ page }) => {
    const stamp = Date.now().toString(36);
    const details = `Jordan Example-${stamp}, 12 Elm Street`;
    const customer = `Erika Mustermann-${stamp}`;
    const reporterEmail = `reporter.${stamp}@example.org`;
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const reference = await logIncident(page, { title: "Order export sent to the wrong buyer", amazon: true, pii: details });
    // A customer notified, by name (a personal-data field), through the incident's form.
    await page.getByText("Record a notification", { exact: true }).click();
    const form = page.getByRole("form", { name: "Record a third-party notification" });
    await form.getByLabel("Who").selectOption({ label: "Customer" });
    await form.getByRole("textbox", { name: "Name", exact: true }).fill(customer);
    await form.getByLabel("What was communicated").fill("Told the buyer their order lines went to someone else.");
    await form.getByLabel("Basis").selectOption({ label: "Legal obligation" });
    await form.getByRole("textbox", { name: "Legal obligation", exact: true }).fill("GDPR Article 34");
    await form.getByRole("button", { name: "Record notification" }).click();
    await expect(page.getByRole("region", { name: "Regulators and customers notified" }).getByText(/Told the buyer/)).toBeVisible();

    // Free text naming people by email, and a notice to Amazon recorded as given by phone, on time.
    const [incident] = await sql<{ id: string; notificationDueAt: Date }>(`SELECT "id", "notificationDueAt" FROM "Incident" WHERE "reference" = $1`, [reference]);
    await sql(`UPDATE "Incident" SET "summary" = $2 WHERE "id" = $1`, [incident!.id, `The export went to the wrong buyer; first reported by ${reporterEmail} to the service desk.`]);
    await sql(`INSERT INTO "IncidentComment" ("id", "incidentId", "authorId", "body") VALUES ($1, $2, $3, $4)`, [`icm_e2e_${stamp}`, incident!.id, lead.id, `Mail logs requested from ${lead.email}.`]);
    await sql(
      `INSERT INTO "AmazonNotice" ("id", "incidentId", "status", "channel", "toAddress", "subject", "body", "sentAt", "sender", "dueAt", "onTime", "recordedById")
       VALUES ($1, $2, 'recorded', 'phone', 'security@amazon.com', 'Security incident notice', $3, now(), $4, $5, true, $6)`,
      [`ntc_e2e_${stamp}`, incident!.id, `Told the Amazon security team by phone; call back ${lead.email}.`, `Dana Lead (${lead.email})`, incident!.notificationDueAt, lead.id],
    );
    await sql(`UPDATE "Incident" SET "amazonNotifiedAt" = now(), "amazonNoticeOnTime" = true WHERE "id" = $1`, [incident!.id]);

    const auditor = await createUser(["auditor"], "Alex Auditor");
    await signInAs(page, auditor);
    await page.goto("/auditor");
    await page.getByRole("navigation", { name: "Records" }).getByRole("link", { name: "Incidents" }).click();
    await page.getByRole("link", { name: reference, exact: true }).click();
    await page.waitForURL(new RegExp(`/incidents/${reference}$`));

    // The record and its free text, people's emails replaced before it left the server.
    await expect(page.getByRole("heading", { level: 1, name: "Order export sent to the wrong buyer" })).toBeVisible();
    const summary = page.getByRole("region", { name: "Summary" });
    await expect(summary.getByText("The export went to the wrong buyer; first reported by [email address hidden] to the service desk.")).toBeVisible();
    await expect(summary.getByText("Email addresses in this record are hidden.")).toBeVisible();
    await expect(summary.getByText("Details recorded; only the privacy officer can read them.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Comments" }).getByText("Mail logs requested from [email address hidden].")).toBeVisible();
    // The clock and its verdict, and the notice with its copy.
    await expect(page.getByLabel("Amazon notice clock")).toBeVisible();
    const notice = page.getByRole("region", { name: "Notice to Amazon" });
    await expect(notice.getByTestId("notified")).toContainText("On time");
    await notice.getByText(/Phone ·/).click();
    await expect(notice.getByText("Security incident notice")).toBeVisible();
    await expect(notice.getByText(/Told the Amazon security team by phone/)).toBeVisible();
    await expect(notice.getByText("security@amazon.com", { exact: true })).toBeVisible();
    // The third party's entry, without the name.
    const notified = page.getByRole("region", { name: "Regulators and customers notified" });
    await expect(notified.getByText("Name hidden: only the privacy officer can read it.")).toBeVisible();
    await expect(notified.getByText(/Told the buyer/)).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-incident-auditor-view.png", fullPage: true });

    // None of the personal-data fields reached the browser: not in the page, not in the HTML
    // or the data the server sent with it.
    const html = await page.content();
    const served = await (await page.request.get(`/incidents/${reference}`)).text();
    for (const needle of [details, "Jordan Example", customer, reporterEmail, lead.email]) {
      expect(html.includes(needle), `${needle} in the page`).toBe(false);
      expect(served.includes(needle), `${needle} in the HTML served`).toBe(false);
    }
  });
});
