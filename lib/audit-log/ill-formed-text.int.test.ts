// Text a browser can send but PostgreSQL cannot store as sent: a lone UTF-16 surrogate (stored as
// U+FFFD) and NUL (refused by PostgreSQL text and jsonb). An audit event carrying either is
// stored, and hashed exactly as stored, so the chain still verifies (issue 14 item 2).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { appendAuditEvent } from "./append-event";
import { prismaAuditReader, verifyAuditLog } from "./verify-audit-log";

const lead: Actor = { kind: "user", userId: "usr_lead", roles: ["security_lead"] };

describe("ill-formed text in audit events", () => {
  it("stores lone surrogates and NULs as U+FFFD and hashes what it stored: the chain verifies", async () => {
    await withTransaction((tx) =>
      appendAuditEvent(tx, {
        actor: lead,
        action: "authorization.denied",
        target: { type: "finding", id: "F-\ud800" },
        outcome: "denied",
        details: { reason: "close\udc00finding", note: "a\u0000b", ["key\u0000"]: ["\ud83d"] },
        context: { requestId: "req_\u0000", userAgent: "agent\ud800" },
      }),
    );
    await withTransaction((tx) => appendAuditEvent(tx, { actor: lead, action: "settings.changed", target: { type: "settings", id: "after" } }));
    const stored = await db().auditEvent.findFirst({ where: { action: "authorization.denied" }, orderBy: { sequence: "desc" } });
    expect(stored).toMatchObject({ targetId: "F-\ufffd", requestId: "req_\ufffd", details: { reason: "close\ufffdfinding", note: "a\ufffdb", ["key\ufffd"]: ["\ufffd"] } });
    const verification = await verifyAuditLog(prismaAuditReader(db()));
    expect(verification.summary).toMatch(/^intact/);
    expect(verification.intact).toBe(true);
  });
});
