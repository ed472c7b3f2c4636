import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAs } from "./session";

// The audit log screen as its users work it. Needs the identity module (sign-in) merged.
const tag = `e2e${randomBytes(3).toString("hex")}`;

test.beforeAll(async () => {
  // 120 chained events through the database's own append function, as Vigil writes them.
  const { canonicalEventTemplate } = await import("@/lib/audit-log/canonical");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    for (let i = 0; i < 120; i++) {
      const fields = {
        occurredAt: new Date(),
        // Ids as long as Vigil's own (a prefix and 20 characters), so the table is laid out as it is in use.
        actorId: i % 2 ? `usr_${tag}a00000000000` : `usr_${tag}b00000000000`,
        action: i % 4 ? `${tag}.viewed` : `${tag}.changed`,
        targetType: "incident",
        targetId: `inc_${tag}0000000000${i % 3}`,
        outcome: (i % 10 === 0 ? "denied" : "success") as "denied" | "success",
        requestId: null,
        ipHash: null,
        userAgentHash: null,
        details: { fields: ["status", "severity", "affectedSystems"], from: "triaged", to: "contained" },
      };
      const { before, after } = canonicalEventTemplate(fields);
      await pool.query(`SELECT * FROM vigil_append_audit_event($1, $2, $3, $4, $5, $6, NULL, NULL, NULL, $7::jsonb, $8, $9)`, [
        fields.occurredAt, fields.actorId, fields.action, fields.targetType, fields.targetId, fields.outcome, JSON.stringify(fields.details), before, after,
      ]);
    }
  } finally {
    await pool.end();
  }
});

test("without a session the audit log sends people to sign in", async ({ page }) => {
  await page.goto("/audit-log");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a security lead filters the log, pages through it, exports it and verifies the chain", async ({ page }) => {
  const lead = await signInAs(page, "security_lead");
  await page.goto(`/audit-log?action=${tag}.*`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await page.screenshot({ path: "/tmp/audit-log-list.png", fullPage: true });
  // At 1280 px the details are in view beside the ids: the table does not scroll sideways.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("columnheader", { name: "Details" })).toBeInViewport();
  expect(await page.locator(".table-wrap").evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(rows).toHaveCount(50);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(rows).toHaveCount(20);
  await expect(page.getByRole("link", { name: "Older →" })).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(rows).toHaveCount(50);

  await page.getByLabel("Outcome").selectOption("denied");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=denied/);
  await expect(rows).toHaveCount(12);
  for (const badge of await page.locator("tbody tr td:nth-child(6)").allTextContents()) expect(badge).toBe("denied");

  await page.getByLabel("Action").fill("Not an action!");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("Letters, digits, dots and dashes; end with * for a prefix.")).toBeVisible();

  await page.goto(`/audit-log?action=${tag}.changed`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await downloading).path();
  const lines = fs.readFileSync(file, "utf8").trim().split("\r\n");
  expect(lines[0]).toMatch(/^sequence,occurredAt,actorId,action/);
  expect(lines).toHaveLength(31);
  await page.goto(`/audit-log?action=audit.exported&actor=${lead.id}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('"recordCount":30');

  await page.getByRole("link", { name: "Verification and checkpoints" }).click();
  await page.getByRole("button", { name: "Verify the chain now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^intact: \d+ events, head [0-9a-f]{64}/ })).toBeVisible();
  await page.getByRole("button", { name: "Sign a checkpoint now" }).click();
  await expect(page.getByText(/Signed a checkpoint at event \d+/)).toBeVisible();
  await page.screenshot({ path: "/tmp/audit-log-verify.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/audit-log?action=${tag}.*`);
  await expect(rows).toHaveCount(50);
  await page.screenshot({ path: "/tmp/audit-log-phone.png", fullPage: false });
});

test("a security lead acknowledges and closes an alarm and marks a canary", async ({ page }) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const alarmId = `alm_${tag}`;
  try {
    await pool.query(
      `INSERT INTO "Alarm" ("id", "rule", "subjectKey", "title", "details", "firstSeenAt", "lastSeenAt", "count")
       VALUES ($1, 'access.denied-requests', 'user:usr_e2e_x', '10 or more denied requests by one user within 10 minutes', '{}', now(), now(), 10)`,
      [alarmId],
    );
  } finally {
    await pool.end();
  }
  await signInAs(page, "security_lead");
  await page.goto("/audit-log/alarms");
  const row = page.locator("tbody tr").filter({ hasText: "user:usr_e2e_x" });
  await row.getByRole("button", { name: "Acknowledge" }).click();
  await expect(row.getByText("acknowledged", { exact: true })).toBeVisible();
  await page.reload();
  await expect(row.getByText("acknowledged", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Close" }).click();
  // Closed alarms leave the default view (open and acknowledged) and show under "Closed".
  await expect(row).toHaveCount(0);
  await page.getByRole("link", { name: "Closed" }).click();
  await expect(page.locator("tbody tr").filter({ hasText: "user:usr_e2e_x" }).getByText("closed", { exact: true })).toBeVisible();

  await page.getByLabel("Record type").fill("incident");
  await page.getByLabel("Record id").fill(`inc_${tag}_canary`);
  await page.getByRole("button", { name: "Mark as canary" }).click();
  await expect(page.getByText("Record marked as a canary.")).toBeVisible();
  await page.screenshot({ path: "/tmp/audit-log-alarms.png", fullPage: true });
});

test("an auditor reads and verifies but cannot sign checkpoints or change settings; a responder is refused", async ({ page, browser }) => {
  await signInAs(page, "auditor");
  await page.goto("/audit-log/verify");
  await expect(page.getByRole("button", { name: "Verify the chain now" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign a checkpoint now" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);

  const other = await browser.newPage();
  await signInAs(other, "responder");
  await other.goto("/audit-log");
  await expect(other.getByRole("alert").filter({ hasText: "You do not have permission" })).toContainText("You do not have permission to see this page.");
  const exported = await other.request.get("/api/audit-log/export");
  expect(exported.status()).toBe(403);
  await other.close();
});

test("a security lead opens an incident from an alarm in one action", async ({ page }) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const alarmId = `alm_${tag}_inc`;
  try {
    await pool.query(
      `INSERT INTO "Alarm" ("id", "rule", "subjectKey", "title", "details", "firstSeenAt", "lastSeenAt", "count")
       VALUES ($1, 'auth.failed-sign-ins.account', 'user:usr_e2e_inc', 'Repeated failed sign-ins for one account', '{}', now() - interval '5 minutes', now(), 11)`,
      [alarmId],
    );
  } finally {
    await pool.end();
  }
  await signInAs(page, "security_lead");
  await page.goto("/audit-log/alarms");
  const row = page.locator("tbody tr").filter({ hasText: "user:usr_e2e_inc" });
  await row.getByRole("button", { name: "Open incident" }).click();
  await page.waitForURL(/\/incidents\/INC-\d{4}-\d{4}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Alarm: Repeated failed sign-ins for one account" })).toBeVisible();
  await page.goto("/audit-log/alarms");
  await expect(page.locator("tbody tr").filter({ hasText: "user:usr_e2e_inc" }).getByText("acknowledged", { exact: true })).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: "user:usr_e2e_inc" }).getByRole("button", { name: "Open incident" })).toHaveCount(0);
});
