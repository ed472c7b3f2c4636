import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { parseKeyRing } from "@/lib/crypto/keys";
import { encryptField } from "@/lib/crypto/field-encryption";
import { signAlarmRequest } from "@/lib/alarms/request-signature";

// Another system posting alarms to the production build: signed, fresh and never replayed.
test.describe("POST /api/alarms", () => {
  const sourceId = `als_e2e${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  let pool: pg.Pool;

  test.beforeAll(async () => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    // The server's key ring, from the same settings Playwright gave the server.
    const ring = parseKeyRing(process.env.E2E_ENCRYPTION_KEYS!);
    await pool.query(`INSERT INTO "AlarmSource" ("id", "name", "secretEnc", "createdById") VALUES ($1, $2, $3, 'usr_e2e')`, [
      sourceId,
      `e2e-${sourceId}`,
      encryptField(secret, `alarm-source:${sourceId}:secret`, ring),
    ]);
  });
  test.afterAll(async () => {
    await pool.end();
  });

  const body = JSON.stringify({ rule: "ids.port-scan", subject: "host-42", title: "Port scan from outside", details: { ports: 1200 } });
  const headers = (timestamp: string, signature: string) => ({
    "content-type": "application/json",
    "x-vigil-source": sourceId,
    "x-vigil-timestamp": timestamp,
    "x-vigil-signature": signature,
  });

  test("accepts a signed alarm once, and refuses a bad signature, an old timestamp and a replay", async ({ request }) => {
    const now = String(Math.floor(Date.now() / 1000));
    const accepted = await request.post("/api/alarms", { data: body, headers: headers(now, signAlarmRequest(secret, now, body)) });
    expect(accepted.status()).toBe(202);
    const { alarmId } = (await accepted.json()) as { alarmId: string };
    const stored = await pool.query(`SELECT "rule", "subjectKey", "source", "status" FROM "Alarm" WHERE "id" = $1`, [alarmId]);
    expect(stored.rows[0]).toEqual({ rule: "external.ids.port-scan", subjectKey: "host-42", source: sourceId, status: "open" });

    const replay = await request.post("/api/alarms", { data: body, headers: headers(now, signAlarmRequest(secret, now, body)) });
    expect(replay.status()).toBe(401);
    expect(await replay.json()).toEqual({ error: "This request was already received." });

    const wrong = await request.post("/api/alarms", { data: body, headers: headers(now, signAlarmRequest("not-the-secret", now, body)) });
    expect(wrong.status()).toBe(401);
    expect(await wrong.json()).toEqual({ error: "The signature does not match the body." });

    const old = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const stale = await request.post("/api/alarms", { data: body, headers: headers(old, signAlarmRequest(secret, old, body)) });
    expect(stale.status()).toBe(401);
    expect(await stale.json()).toEqual({ error: "The timestamp is more than 5 minutes away from now." });

    const refusals = await pool.query(
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'alarm.ingest.refused' AND "targetId" = $1 AND "outcome" = 'denied'`,
      [sourceId],
    );
    // Refusals are logged once per address and 10 minutes and counted otherwise: these three
    // wrote one event at most (none when this address was refused earlier in the window).
    expect(refusals.rows[0].n).toBeLessThanOrEqual(1);
    const counted = await pool.query(`SELECT coalesce(max("refusals"), 0)::int AS n FROM "AlarmIngestThrottle"`);
    expect(counted.rows[0].n).toBeGreaterThanOrEqual(3);
  });
});
