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
