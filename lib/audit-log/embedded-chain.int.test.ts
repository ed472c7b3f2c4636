// The quick start runs on the embedded PostgreSQL server: the audit chain survives its owner
// being killed (SIGKILL leaves PostgreSQL running without anyone to stop it); the next start
// stops that server, starts again, and nothing is lost.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { embeddedPaths, isAlive, startEmbeddedServer, type TEmbeddedServer } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/migrations";
import { exitOf, spawnOwner } from "@/test/support/embedded-owner-process";
import { appendAuditEvent } from "./append-event";
import { runDailyCheckpoint } from "./checkpoints";
import { pgAuditReader, verifyAuditLog } from "./verify-audit-log";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-embedded-chain-"));
fs.chmodSync(folder, 0o755);
const dataDir = path.join(folder, "data");
let restarted: TEmbeddedServer | undefined;

afterAll(async () => {
  await restarted?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("the audit chain on the embedded database", () => {
  it("is intact, with every row, after the owner of the server was killed and Vigil started again", async () => {
    const owner = spawnOwner(dataDir);
    const result = await owner.result;
    if (!("ready" in result)) throw new Error(`the owner did not start: ${result.refused}`);
    const { url } = result.ready;

    await deployMigrations({ databaseUrl: url });
    // The pool is ours, so it is ended for certain before the server is killed and stopped (a
    // connection left idle in it would end with "terminating connection" as an uncaught error).
    const writerPool = new pg.Pool({ connectionString: url, max: 2 });
    writerPool.on("error", () => undefined);
    const client = new PrismaClient({ adapter: new PrismaPg(writerPool) });
    for (let i = 0; i < 20; i++) {
      await client.$transaction((tx) =>
        appendAuditEvent(tx, {
          actor: { kind: "user", userId: "usr_embedded", roles: ["admin"] },
          action: "settings.changed",
          target: { type: "settings", id: `s${i}` },
          details: { changed: { retentionDays: { from: 400, to: 365 } }, note: "é ✓" },
          context: { ip: "127.0.0.1", requestId: `req_${i}` },
        }),
      );
    }
    expect(await runDailyCheckpoint(client, new Date())).toMatchObject({ sequence: 21n });
    await client.setting.create({ data: { key: "organisation.name", value: { name: "Example Ltd" } } });
    await client.$disconnect();
    await writerPool.end();

    const { postmasterPid } = JSON.parse(fs.readFileSync(embeddedPaths({ dataDir }).stateFile, "utf8")) as { postmasterPid: number };
    owner.child.kill("SIGKILL");
    await exitOf(owner.child);
    expect(isAlive(postmasterPid)).toBe(true); // left running, owned by nobody

    restarted = await startEmbeddedServer({ dataDir });
    expect(isAlive(postmasterPid)).toBe(false);
    const pool = new pg.Pool({ connectionString: restarted.url, max: 2 });
    try {
      const verified = await verifyAuditLog(pgAuditReader(pool));
      expect(verified.summary).toMatch(/^intact: 21 events, head [0-9a-f]{64}$/);
      expect(verified.checkpoints).toMatchObject({ total: 1, checked: 1, problems: [] });
      const { rows } = await pool.query(`SELECT "value" FROM "Setting" WHERE "key" = 'organisation.name'`);
      expect(rows).toEqual([{ value: { name: "Example Ltd" } }]);
      await expect(pool.query(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "sequence" = 3`)).rejects.toThrow(/append-only/);
      await expect(pool.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await pool.end();
    }
  });
});
