// Personal data outside the incident's own PII field (issue 14, item 12): the name of a third
// party notified about an incident (often a customer) is stored encrypted, read only with
// pii.read and kept out of the timeline; notices to Amazon show users' email addresses only to
// those who may read them; and names stored before encryption are encrypted by the step
// `npm run db:deploy` (and `npm start`) run after the SQL migrations, which rewrites nothing in
// the append-only tables and changes nothing when run again.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { createIncident, draftAmazonNotice, getIncident, recordThirdPartyNotification, sendAmazonNotice } from "@/lib/incidents";
import { fixedClockForEachTest } from "@/test/support/signed-up-user";
import { baseIncident, makeUser } from "./fixtures";

const NAME = "Erika Mustermann-Olejnik";
fixedClockForEachTest(new Date("2026-11-28T12:00:00Z"));
let lead: Actor & { kind: "user" }, responder: Actor & { kind: "user" }, auditor: Actor, privacy: Actor & { kind: "user" };

beforeAll(async () => {
  [lead, responder, auditor, privacy] = await Promise.all([makeUser(["security_lead"]), makeUser(["responder"]), makeUser(["auditor"]), makeUser(["privacy_officer"])]);
});
afterAll(() => db().$disconnect());

const notification = { recipientKind: "customer" as const, recipientName: NAME, notifiedAt: "", timeZone: "UTC", summary: "Told the customer their order data was on the laptop", basis: "legal_obligation" as const, legalObligation: "GDPR Article 34" };

/** Every stored column of the incident's third-party notifications, as text. */
async function storedNotifications(incidentId: string): Promise<string> {
  const rows = await db().$queryRaw<{ row: string }[]>`SELECT to_jsonb(t)::text AS "row" FROM "ThirdPartyNotification" t WHERE "incidentId" = ${incidentId}`;
  return rows.map((r) => r.row).join("\n");
}

const timelineTexts = async (incidentId: string) => (await db().incidentTimelineEntry.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" } })).map((e) => e.text);

async function auditLog(): Promise<string> {
  const rows = await db().$queryRaw<{ row: string }[]>`SELECT to_jsonb(a)::text AS "row" FROM "AuditEvent" a ORDER BY "sequence"`;
  return rows.map((r) => r.row).join("\n");
}

describe("a third party's name", () => {
  it("is stored encrypted, shown only with pii.read (and that read is audited), and kept out of the timeline and the audit log", async () => {
    const { id } = await createIncident(responder, baseIncident);
    await recordThirdPartyNotification(lead, id, notification);

    expect(await storedNotifications(id)).not.toContain("Mustermann");
    const timeline = await timelineTexts(id);
    expect(timeline.some((text) => text.startsWith("Customer notified"))).toBe(true);
    expect(timeline.join("\n")).not.toContain("Mustermann");
    expect(await auditLog()).not.toContain("Mustermann");

    const asPrivacyOfficer = await getIncident(privacy, id);
    expect(asPrivacyOfficer.thirdPartyNotifications[0]).toMatchObject({ recipientKind: "customer", recipientName: NAME, summary: notification.summary });
    const reads = await db().auditEvent.findMany({ where: { action: "incident.pii.read", targetId: id, actorId: privacy.userId } });
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0]!.details)).toContain("recipientName");

    for (const withoutPii of [lead, responder, auditor]) {
      const detail = await getIncident(withoutPii, id);
      expect(detail.thirdPartyNotifications).toHaveLength(1);
      expect(detail.thirdPartyNotifications[0]!.recipientName).toBeNull();
      expect(JSON.stringify(detail)).not.toContain("Mustermann");
    }
  });
});

describe("the notice to Amazon", () => {
  it("shows the contact's email address only to those who may read users' email addresses", async () => {
    const { id } = await createIncident(responder, { ...baseIncident, teamIds: [lead.userId] });
    const leadEmail = (await db().user.findUniqueOrThrow({ where: { id: lead.userId } })).email;
    const draft = await draftAmazonNotice(lead, id);
    expect(draft.body).toContain(leadEmail);
    await sendAmazonNotice(lead, id, { toAddress: draft.toAddress, subject: draft.subject, body: draft.body });

    expect((await getIncident(lead, id)).notices[0]!.body).toContain(leadEmail);
    for (const withoutEmails of [responder, auditor, privacy]) {
      const notice = (await getIncident(withoutEmails, id)).notices[0]!;
      expect(notice.body).not.toContain(leadEmail);
      // The rest of the notice is there as sent.
      expect(notice.body).toContain(draft.body.split("\n")[0]!);
      expect(notice.toAddress).toBe(draft.toAddress);
    }
  });
});

describe("names stored before encryption", { timeout: 120_000 }, () => {
  const deploy = () =>
    promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/db-deploy.ts"], {
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });

  it("are encrypted by `npm run db:deploy`, which leaves the timeline and the audit log as they were and changes nothing the second time", async () => {
    const { id } = await createIncident(responder, baseIncident);
    // A notification as the code before encryption stored it, with its timeline entry.
    const legacyId = newId("tpn");
    await db().$executeRaw`INSERT INTO "ThirdPartyNotification" ("id", "incidentId", "recipientKind", "recipientName", "notifiedAt", "basis", "legalObligation", "summary", "recordedById")
      VALUES (${legacyId}, ${id}, 'customer', ${NAME}, now(), 'legal_obligation', 'GDPR Article 34', 'Told the customer', ${lead.userId})`;
    await db().$executeRaw`INSERT INTO "IncidentTimelineEntry" ("id", "incidentId", "occurredAt", "kind", "text", "authorId")
      VALUES (${newId("itl")}, ${id}, now(), 'third-party.notified', ${`Customer notified: ${NAME}, under GDPR Article 34.`}, ${lead.userId})`;
    const timelineBefore = await timelineTexts(id);
    const auditBefore = await auditLog();

    await deploy();
    const stored = await storedNotifications(id);
    expect(stored).not.toContain("Mustermann");
    expect((await getIncident(privacy, id)).thirdPartyNotifications[0]!.recipientName).toBe(NAME);
    // Append-only history is not rewritten: the old timeline text stays as it was written.
    expect(await timelineTexts(id)).toEqual(timelineBefore);
    expect((await auditLog()).startsWith(auditBefore)).toBe(true);

    const auditAfterFirst = await auditLog();
    await deploy();
    expect(await storedNotifications(id)).toBe(stored);
    expect(await auditLog()).toBe(auditAfterFirst);
  });
});
