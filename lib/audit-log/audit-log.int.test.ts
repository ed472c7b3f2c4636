import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createAppRole, createScratchDatabase, dropRole, type TScratchDatabase } from "@/test/scratch-database";
import { appendAuditEvent } from "./append-event";
import { db } from "@/lib/db/client";
import { changeAuditSettings } from "./change-audit-settings";
import { exportableCheckpoint, importCheckpoint, runDailyCheckpoint, signManualCheckpoint } from "./checkpoints";
import { getAuditSettings } from "./get-audit-settings";
import { runAuditRetention } from "./run-audit-retention";
import { signAuditCheckpoint } from "./sign-audit-checkpoint";
import { pgAuditReader, prismaAuditReader, verifyAuditLog } from "./verify-audit-log";

const lead: Actor = { kind: "user", userId: "usr_lead", roles: ["security_lead"] };
const admin: Actor = { kind: "user", userId: "usr_admin", roles: ["admin"] };
const responder: Actor = { kind: "user", userId: "usr_resp", roles: ["responder"] };
const root = path.resolve(import.meta.dirname, "../..");

async function writeEvents(client: PrismaClient, count: number, actor: Actor = lead, action = "incident.updated") {
  for (let i = 0; i < count; i++) {
    await client.$transaction((tx) => appendAuditEvent(tx, { actor, action, target: { type: "incident", id: `inc_${i}` }, details: { fields: ["status"] } }));
  }
}

function runVerifyScript(url: string, extra: string[] = []) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/audit-verify.ts", ...extra], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("the audit log in PostgreSQL", () => {
  let scratch: TScratchDatabase;
  let app: { role: string; url: string };
  let client: PrismaClient;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    client = scratch.client();
    await writeEvents(client, 25);
    app = await createAppRole(scratch);
  });

  afterAll(async () => {
    await dropRole(scratch, app.role).catch(() => undefined);
    await scratch.drop();
  });

  it("lets the application's role append events but never update, delete or truncate them", async () => {
    const asApp = new pg.Client({ connectionString: app.url });
    await asApp.connect();
    try {
      const appClient = scratch.client(1);
      const appended = await appClient.$transaction((tx) => appendAuditEvent(tx, { actor: lead, action: "incident.viewed" }));
      expect(appended.sequence).toBe(26n);
      const who = await asApp.query<{ current_user: string; rolsuper: boolean }>(
        `SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user`,
      );
      expect(who.rows[0]).toEqual({ current_user: app.role, rolsuper: false });
      await expect(asApp.query(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "sequence" = 5`)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(asApp.query(`DELETE FROM "AuditEvent" WHERE "sequence" = 5`)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(asApp.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only: TRUNCATE refused/);
      await expect(asApp.query(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
      // Turning the guard on by hand still leaves young events undeletable.
      await asApp.query("BEGIN");
      await asApp.query(`SELECT set_config('vigil.audit_prune', 'on', true)`);
      await expect(asApp.query(`DELETE FROM "AuditEvent" WHERE "sequence" = 5`)).rejects.toThrow(/append-only: DELETE refused/);
      await asApp.query("ROLLBACK");
      await expect(asApp.query(`SELECT vigil_prune_audit_events(5)`)).rejects.toThrow(/No signed checkpoint/);
      await expect(asApp.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(asApp.query(`UPDATE "AuditChainHead" SET "sequence" = 3`)).rejects.toThrow(/only advances/);
      await expect(asApp.query(`DELETE FROM "AuditChainHead"`)).rejects.toThrow(/only advances/);
      const cp = await signManualCheckpoint(appClient, lead, new Date());
      await expect(asApp.query(`UPDATE "AuditCheckpoint" SET "hash" = 'x' WHERE "id" = $1`, [cp.id])).rejects.toThrow(/append-only/);
      await expect(asApp.query(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
      const count = await asApp.query(`SELECT count(*)::int AS n FROM "AuditEvent"`);
      expect(count.rows[0].n).toBe(27);
    } finally {
      await asApp.end();
    }
    const verified = await verifyAuditLog(pgAuditReader(scratch.admin));
    expect(verified.summary).toMatch(/^intact: 27 events, head [0-9a-f]{64}$/);
  });

  it("audit:verify finds an edit made by a superuser with the triggers bypassed, at its sequence", async () => {
    const intact = runVerifyScript(scratch.url);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/intact: 27 events, head [0-9a-f]{64}/);

    const edit = await scratch.admin.connect();
    try {
      await edit.query("SET session_replication_role = replica");
      await edit.query(`UPDATE "AuditEvent" SET "details" = '{"fields":["statux"]}' WHERE "sequence" = 12`);
      const broken = runVerifyScript(scratch.url);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain("broken at sequence 12 (edited)");
      expect((await verifyAuditLog(prismaAuditReader(client))).break).toMatchObject({ sequence: 12n, kind: "edited" });
      // Read in batches (the next read while one is hashed): the same break whether the edited
      // event ends a batch (4), starts one (11) or sits inside one (5), and every event counted.
      for (const batchSize of [4, 11, 5]) {
        const walked = await verifyAuditLog(prismaAuditReader(client), { batchSize });
        expect(walked).toMatchObject({ count: 27, totalBreaks: 1, break: { sequence: 12n, kind: "edited" } });
      }
      await edit.query(`UPDATE "AuditEvent" SET "details" = '{"fields":["status"]}' WHERE "sequence" = 12`);

      const saved = (await edit.query(`SELECT * FROM "AuditEvent" WHERE "sequence" = 20`)).rows[0];
      await edit.query(`DELETE FROM "AuditEvent" WHERE "sequence" = 20`);
      expect(runVerifyScript(scratch.url).out).toContain("broken at sequence 20 (missing)");
      for (const batchSize of [4, 19, 5]) {
        expect(await verifyAuditLog(prismaAuditReader(client), { batchSize })).toMatchObject({ count: 26, totalBreaks: 1, break: { sequence: 20n, kind: "missing" } });
      }
      await edit.query(
        `INSERT INTO "AuditEvent" SELECT * FROM json_populate_record(NULL::"AuditEvent", $1::json)`,
        [JSON.stringify(saved)],
      );
      await edit.query("SET session_replication_role = origin");
    } finally {
      edit.release();
    }
    expect(runVerifyScript(scratch.url).code).toBe(0);
  });

  it("a chain rewritten from the start is caught by a signed checkpoint, including an exported copy", async () => {
    const exported = (await client.auditCheckpoint.findMany()).map((c) => exportableCheckpoint({ ...c }));
    expect(exported).toHaveLength(1);
    const copy = exported.map(importCheckpoint);
    const edit = await scratch.admin.connect();
    try {
      await edit.query("BEGIN");
      await edit.query("SET LOCAL session_replication_role = replica");
      // Rewrite event 3 and recompute every later hash, as an operator with full access could.
      const rows = (await edit.query(`SELECT "sequence" FROM "AuditEvent" ORDER BY "sequence"`)).rows;
      await edit.query(`UPDATE "AuditEvent" SET "action" = 'incident.hidden' WHERE "sequence" = 3`);
      const { chainHash, GENESIS_HASH } = await import("./canonical");
      let prev = GENESIS_HASH;
      const reader = pgAuditReader(edit);
      for (const event of await reader.events(0n, rows.length)) {
        const hash = chainHash(prev, event);
        await edit.query(`UPDATE "AuditEvent" SET "prevHash" = $1, "hash" = $2 WHERE "sequence" = $3`, [prev, hash, event.sequence.toString()]);
        prev = hash;
      }
      await edit.query(`UPDATE "AuditChainHead" SET "hash" = $1`, [prev]);
      await edit.query(`DELETE FROM "AuditCheckpoint"`);
      const withExport = await verifyAuditLog(reader, { externalCheckpoints: copy });
      expect(withExport.intact).toBe(false);
      expect(withExport.break).toMatchObject({ sequence: copy[0]!.sequence, kind: "edited" });
      expect(withExport.summary).toContain("exported checkpoint");
      expect((await verifyAuditLog(reader)).intact).toBe(true);
      await edit.query("ROLLBACK");
    } finally {
      edit.release();
    }
    expect((await verifyAuditLog(pgAuditReader(scratch.admin))).intact).toBe(true);
  });

  it("8 concurrent writers adding 1,000 events leave a gap-free chain with no false break", async () => {
    const writers = Array.from({ length: 8 }, () => scratch.client(1));
    const before = (await client.auditChainHead.findUnique({ where: { id: 1 } }))!.sequence;
    await Promise.all(writers.map((w, i) => writeEvents(w, 125, { kind: "user", userId: `usr_w${i}`, roles: ["responder"] })));
    const verified = await verifyAuditLog(pgAuditReader(scratch.admin));
    expect(verified.break).toBeNull();
    expect(verified.intact).toBe(true);
    expect(verified.last.sequence).toBe(before + 1000n);
    const perWriter = await scratch.admin.query(`SELECT "actorId", count(*)::int AS n FROM "AuditEvent" WHERE "actorId" LIKE 'usr_w%' GROUP BY 1`);
    expect(perWriter.rows.map((r) => r.n)).toEqual(Array(8).fill(125));
    // The writers really overlapped: each one's events are spread through the chain.
    const spread = await scratch.admin.query(
      `SELECT max("sequence") - min("sequence") AS span FROM "AuditEvent" WHERE "actorId" = 'usr_w0'`,
    );
    expect(Number(spread.rows[0].span)).toBeGreaterThan(200);
  });
});

describe("checkpoints and retention", () => {
  // The services run on this file's own database (db()); `direct` reads and edits it directly.
  let direct: pg.Pool;
  const client = () => db();
  let restore: () => void = () => undefined;

  beforeAll(() => {
    direct = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  });
  afterAll(async () => {
    restore();
    await direct.end();
    await db().$disconnect();
  });

  it("signs one daily checkpoint per UTC day, and manual ones only with permission", async () => {
    const clock = fixedClock(new Date(Date.now() - 200 * 86_400_000));
    restore = setClock(clock);
    await writeEvents(client(), 10);
    const first = await runDailyCheckpoint(client(), clock.now());
    expect(first).toMatchObject({ sequence: 11n, reason: "daily" });
    expect(await runDailyCheckpoint(client(), clock.now())).toBeNull();
    // The refusal is itself an event of this chain (12).
    await expect(signAuditCheckpoint(responder)).rejects.toThrow(/permission/);
    clock.advance(86_400_000);
    expect(await runDailyCheckpoint(client(), clock.now())).toMatchObject({ sequence: 13n });
  });

  it("keeps 400 days by default, never less than 90, and prunes only up to a checkpoint, leaving the rest verifiable", async () => {
    const clock = fixedClock(new Date(Date.now() - 100 * 86_400_000));
    restore();
    restore = setClock(clock);
    await writeEvents(client(), 5);
    const manual = await signAuditCheckpoint(lead);
    expect(manual.sequence).toBe(19n);
    restore();
    restore = () => undefined;
    await writeEvents(client(), 3);

    expect(await getAuditSettings()).toEqual({ retentionDays: 400, exportAlarmThreshold: 200 });
    expect(await runAuditRetention(new Date())).toMatchObject({ prunedThroughSequence: null, deleted: 0 });

    await expect(changeAuditSettings(admin, { retentionDays: 89, exportAlarmThreshold: 50 })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { retentionDays: "Audit events must be kept at least 90 days." },
    });
    await expect(changeAuditSettings(lead, { retentionDays: 120, exportAlarmThreshold: 50 })).rejects.toThrow(/permission/);
    await expect(direct.query(`INSERT INTO "AuditSettings" ("id", "retentionDays", "updatedAt") VALUES (1, 30, now())`)).rejects.toThrow(
      /AuditSettings_retention_floor/,
    );
    await changeAuditSettings(admin, { retentionDays: 150, exportAlarmThreshold: 50 });
    // 150 days: only the two daily checkpoints (200 and 199 days old) are past retention.
    expect(await runAuditRetention(new Date())).toMatchObject({ prunedThroughSequence: 13n, deleted: 13 });

    await changeAuditSettings(admin, { retentionDays: 90, exportAlarmThreshold: 50 });
    const pruned = await runAuditRetention(new Date());
    expect(pruned).toMatchObject({ retentionDays: 90, prunedThroughSequence: 19n, deleted: 6 });

    const verified = await verifyAuditLog(pgAuditReader(direct));
    expect(verified.firstSequence).toBe(20n);
    expect(verified.intact).toBe(true);
    expect(verified.summary).toMatch(/^intact: \d+ events/);
    const remaining = await direct.query(`SELECT min("sequence")::int AS min, count(*)::int AS n FROM "AuditEvent"`);
    expect(remaining.rows[0]).toEqual({ min: 20, n: verified.count });
  });

  it("reports events removed from the start without a checkpoint as missing", async () => {
    const edit = await direct.connect();
    try {
      await edit.query("BEGIN");
      await edit.query("SET LOCAL session_replication_role = replica");
      await edit.query(`DELETE FROM "AuditCheckpoint"`);
      const verified = await verifyAuditLog(pgAuditReader(edit));
      expect(verified.break).toMatchObject({ sequence: 1n, kind: "missing" });
      await edit.query("ROLLBACK");
    } finally {
      edit.release();
    }
  });
});
