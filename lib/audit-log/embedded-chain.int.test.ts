import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deployMigrations } from "@/lib/db/migrations";
import { appendAuditEvent } from "./append-event";
import { runDailyCheckpoint } from "./checkpoints";
import { pgAuditReader, verifyAuditLog } from "./verify-audit-log";

// The quick start runs on PGlite: the append function, triggers and verification work there too.
describe("the audit chain on the embedded database", () => {
  const pglite = new PGlite();
  afterAll(() => pglite.close());

  it("appends through the database function, refuses changes, and verifies intact", async () => {
    await deployMigrations({ pglite });
    const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
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
    await expect(pglite.query(`UPDATE "AuditEvent" SET "action" = 'x' WHERE "sequence" = 3`)).rejects.toThrow(/append-only/);
    await expect(pglite.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    const result = await verifyAuditLog(pgAuditReader(pglite as unknown as Pick<pg.Pool, "query">));
    expect(result.summary).toMatch(/^intact: 21 events, head [0-9a-f]{64}$/);
    expect(result.checkpoints).toMatchObject({ total: 1, checked: 1, problems: [] });
    await client.$disconnect();
  });
});
