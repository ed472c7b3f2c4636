// One unit of work, one transaction, one connection: db() inside withTransaction is the
// transaction, nested calls join it, after-commit work waits for the commit, and the audit
// event is appended last so the chain head is not locked while the work runs.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { db } from "./client";
import { afterCommit, afterTransaction, withTransaction } from "./transaction";
import { TransactionClosedError } from "./transaction-scope";

const actor = { kind: "user" as const, userId: "usr_tx_test", roles: ["admin" as const] };
const key = () => `test.${newId("set")}`;
const exists = async (k: string) => (await db().setting.findUnique({ where: { key: k } })) !== null;

describe("withTransaction", () => {
  it("makes db() answer with the open transaction, so a helper's write rolls back with it", async () => {
    const k = key();
    await expect(
      withTransaction(async () => {
        await db().setting.create({ data: { key: k, value: {} } });
        expect(await exists(k)).toBe(true);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await exists(k)).toBe(false);
  });

  it("joins a nested withTransaction (and db().$transaction) to the outer one", async () => {
    const inner = key();
    const viaDollar = key();
    await expect(
      withTransaction(async () => {
        await withTransaction((tx) => tx.setting.create({ data: { key: inner, value: {} } }));
        await db().$transaction(async (tx) => tx.setting.create({ data: { key: viaDollar, value: {} } }));
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(await exists(inner)).toBe(false);
    expect(await exists(viaDollar)).toBe(false);
  });

  it("runs after-commit work after the commit only, and after-transaction work either way", async () => {
    const seen: string[] = [];
    const k = key();
    await withTransaction(async (tx) => {
      await tx.setting.create({ data: { key: k, value: {} } });
      await afterCommit(async () => seen.push(`commit:${String(await exists(k))}`));
      await afterTransaction(() => seen.push("ended"));
      seen.push("work");
    });
    expect(seen).toEqual(["work", "ended", "commit:true"]);

    seen.length = 0;
    await expect(
      withTransaction(async () => {
        await afterCommit(() => seen.push("commit"));
        await afterTransaction(() => seen.push("ended"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(seen).toEqual(["ended"]);
  });

  it("refuses to use the transaction's client after it has ended", async () => {
    let leaked: Parameters<Parameters<typeof withTransaction>[0]>[0] | undefined;
    await withTransaction(async (tx) => {
      leaked = tx;
    });
    expect(() => leaked!.setting.findMany()).toThrow(TransactionClosedError);
  });

  it("does not hold the audit chain's head while the work runs: the event is appended last", async () => {
    // A second client, as another web process would be: it writes an event and commits while
    // the first transaction has recorded its event but not finished its work.
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let recorded!: () => void;
      const hasRecorded = new Promise<void>((resolve) => (recorded = resolve));
      const first = withTransaction(async (tx) => {
        await recordAuditEvent(tx, { actor, action: "test.first" });
        recorded();
        await gate;
      });
      await hasRecorded;
      const started = Date.now();
      await other.$transaction((tx) => recordAuditEvent(tx, { actor, action: "test.second" }));
      expect(Date.now() - started).toBeLessThan(3_000);
      release();
      await first;
      const events = await db().auditEvent.findMany({ where: { action: { in: ["test.first", "test.second"] } }, orderBy: { sequence: "asc" } });
      expect(events.map((e) => e.action)).toEqual(["test.second", "test.first"]);
    } finally {
      await other.$disconnect();
    }
  });
});

afterAll(async () => {
  await db().setting.deleteMany({ where: { key: { startsWith: "test.set_" } } });
});
