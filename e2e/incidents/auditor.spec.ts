import { expect, test } from "@playwright/test";
import { createUser, logIncident, signInAs, sql } from "./helpers";

test.describe("an auditor", () => {
  test("sees the incident without personal data and without edit controls; a direct call of the mutation is refused", async ({ page, request }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const reference = await logIncident(page, { title: "Phished support mailbox", amazon: true, pii: "Jane Roe, 12 Elm Street" });
    // The hidden fields that identify the "Change status" action, as any browser sees them:
    // posting them is what a form without JavaScript does, i.e. a direct call of the mutation.
    const hidden = await page
      .getByRole("form", { name: "Change status" })
      .locator('input[type="hidden"][name^="$ACTION"]')
      .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as [string, string]));
    expect(hidden.length).toBeGreaterThan(0);

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

    // The auditor's browser posts the mutation directly, bypassing the screen.
    const cookies = await page.context().cookies();
    const response = await request.post(`/incidents/${reference}`, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
      multipart: { ...Object.fromEntries(hidden), status: "triaged" },
    });
    expect(response.status()).toBeLessThan(500);
    const rows = await sql<{ status: string }>(`SELECT "status"::text AS status FROM "Incident" WHERE "reference" = $1`, [reference]);
    expect(rows[0]!.status).toBe("detected");
    const denials = await sql(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'authorization.denied'`, [auditor.id]);
    expect(denials.length).toBeGreaterThan(0);
  });
});
