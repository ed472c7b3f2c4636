import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { captureLogs, findNeedles, findPersonalDataInAuditLog } from "@/test/personal-data-scan";
import { recordAuditEvent } from "./record-audit-event";
import { listAuditEvents } from "./list-audit-events";
import { csvCell } from "@/lib/csv";
import { exportAuditEventsCsv } from "./export-audit-events";
import { exportCheckpoints } from "./export-checkpoints";
import { getAuditOverview } from "./get-audit-overview";
import { signAuditCheckpoint } from "./sign-audit-checkpoint";
import { verifyAuditLogNow } from "./verify-audit-log-now";

const lead: Actor = { kind: "user", userId: "usr_lead", roles: ["security_lead"] };
const auditor: Actor = { kind: "user", userId: "usr_auditor", roles: ["auditor"] };
const admin: Actor = { kind: "user", userId: "usr_admin", roles: ["admin"] };
const responder: Actor = { kind: "user", userId: "usr_responder", roles: ["responder"] };
const member: Actor = { kind: "user", userId: "usr_member", roles: ["member"] };
const tag = `t${Date.now().toString(36)}`;

let pool: pg.Pool;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  for (let i = 0; i < 130; i++) {
    await withTransaction((tx) =>
      recordAuditEvent(tx, {
        actor: i % 2 ? lead : responder,
        action: i % 3 ? `${tag}.viewed` : `${tag}.changed`,
        target: { type: "incident", id: `inc_${tag}_${i % 5}` },
        outcome: i % 10 === 0 ? "denied" : "success",
        details: { fields: ["status"] },
      }),
    );
  }
});
afterAll(async () => {
  await pool.end();
  await db().$disconnect();
});

describe("the audit log screen's services", () => {
  it("lets security leads, admins and auditors read the log, and no one else", async () => {
    for (const actor of [lead, auditor, admin]) expect((await listAuditEvents(actor, {})).ok).toBe(true);
    for (const actor of [responder, member]) await expect(listAuditEvents(actor, {})).rejects.toThrow(/permission/);
  });

  it("filters in the database and pages by sequence with no gap or overlap", async () => {
    const seen: string[] = [];
    let page = await listAuditEvents(auditor, { action: `${tag}.*`, limit: "50" });
    for (;;) {
      if (!page.ok) throw new Error("invalid filter");
      seen.push(...page.rows.map((r) => r.sequence));
      expect(page.rows.every((r) => r.action.startsWith(`${tag}.`))).toBe(true);
      if (!page.older) break;
      page = await listAuditEvents(auditor, { action: `${tag}.*`, limit: "50", before: page.older });
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    const numbers = seen.map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    // Back to newer pages from the last one.
    const last = await listAuditEvents(auditor, { action: `${tag}.*`, limit: "50", before: seen[99] });
    expect(last.ok && last.rows.map((r) => r.sequence)).toEqual(seen.slice(100));
    const back = await listAuditEvents(auditor, { action: `${tag}.*`, limit: "50", after: seen[100] });
    expect(back.ok && back.rows.map((r) => r.sequence)).toEqual(seen.slice(50, 100));
    expect(back.ok && back.newer).toBe(seen[50]);

    const denied = await listAuditEvents(auditor, { action: `${tag}.*`, outcome: "denied", actor: "usr_responder", targetType: "incident", targetId: `inc_${tag}_0` });
    expect(denied.ok && denied.rows.length).toBe(13);
    expect(denied.ok && denied.rows.every((r) => r.outcome === "denied" && r.actorId === "usr_responder")).toBe(true);
  });

  it("refuses bad filters with a message per field", async () => {
    const page = await listAuditEvents(auditor, { action: "DROP TABLE", from: "tomorrow", outcome: "maybe" });
    expect(page).toEqual({
      ok: false,
      fieldErrors: {
        action: "Letters, digits, dots and dashes; end with * for a prefix.",
        from: "Enter a date and time.",
        outcome: expect.any(String),
      },
    });
    const reversed = await listAuditEvents(auditor, { from: "2026-11-02T00:00", to: "2026-11-01T00:00" });
    expect(reversed).toEqual({ ok: false, fieldErrors: { to: "The start must be before the end." } });
  });

  it("exports the filtered log as CSV, records the export, and refuses those without audit.export", async () => {
    const { csv, count } = await exportAuditEventsCsv(auditor, { action: `${tag}.changed` }, { ip: "198.51.100.23", requestId: "req_exp" });
    expect(count).toBe(44);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("sequence,occurredAt,actorId,action,targetType,targetId,outcome,requestId,ipHash,details,hash");
    expect(lines).toHaveLength(45);
    const logged = await db().auditEvent.findFirst({ where: { action: "audit.exported", actorId: "usr_auditor" }, orderBy: { sequence: "desc" } });
    expect(logged?.details).toEqual({ recordCount: 44, filters: ["action"] });
    expect(logged?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(exportAuditEventsCsv(responder, {})).rejects.toThrow(/permission/);
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  });

  it("verifies, signs and exports checkpoints on the application database with the right permissions", async () => {
    const verification = await verifyAuditLogNow(auditor);
    expect(verification.summary).toMatch(/^intact: \d+ events, head [0-9a-f]{64}$/);
    await expect(verifyAuditLogNow(responder)).rejects.toThrow(/permission/);
    const checkpoint = await signAuditCheckpoint(admin);
    await expect(signAuditCheckpoint(auditor)).rejects.toThrow(/permission/);
    const overview = await getAuditOverview(auditor);
    expect(overview.checkpoints[0]).toMatchObject({ id: checkpoint.id, currentKey: true, sequence: checkpoint.sequence.toString() });
    const exported = await exportCheckpoints(auditor);
    expect(exported.checkpoints.map((c) => c.id)).toContain(checkpoint.id);
    await expect(exportCheckpoints(member)).rejects.toThrow(/permission/);
    expect((await verifyAuditLogNow(lead)).intact).toBe(true);
  });
});

describe("no personal data in audit events or logs", () => {
  it("keeps a client's IP address, user agent and a person's name and email out of rows and output", async () => {
    const person = { name: "Marguerite Okonkwo-Lindqvist", email: "marguerite.ol@example.org", ip: "203.0.113.77" };
    const logs = captureLogs();
    try {
      await withTransaction((tx) =>
        recordAuditEvent(tx, {
          actor: systemActor("setup"),
          actorIdOverride: "anonymous",
          action: "auth.sign-in.failed",
          outcome: "failed",
          target: { type: "account", id: "acct_hash_only" },
          details: { reason: "bad-password", fields: ["email"] },
          context: { ip: person.ip, userAgent: `Mozilla/5.0 (${person.name})`, requestId: "req_pii" },
        }),
      );
      await exportAuditEventsCsv(auditor, { action: "auth.sign-in.failed" }, { ip: person.ip });
    } finally {
      logs.stop();
    }
    const needles = [person.name, person.email, person.ip];
    expect(await findPersonalDataInAuditLog(pool, needles)).toEqual([]);
    expect(findNeedles(logs.text(), needles, "output")).toEqual([]);
    // The helper does find what is there.
    expect(await findPersonalDataInAuditLog(pool, ["acct_hash_only"])).not.toEqual([]);
    expect(findNeedles("a line with 203.0.113.77", needles)).toEqual([{ where: "text", needle: "203.0.113.77" }]);
  });
});
