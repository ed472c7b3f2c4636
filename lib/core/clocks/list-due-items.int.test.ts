import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { addIncidentTask } from "@/lib/incidents/add-incident-task";
import { newId } from "@/lib/ids";
import { baseIncident, makeUser } from "@/test/incidents/fixtures";
import { HOURS, DAYS } from "./clock-state";
import { getDashboard } from "@/lib/incidents/get-dashboard";
import { listDueItems } from "./list-due-items";
import { CLOCK_SOURCES } from "./registry";

// "now" for the lists: 2026-11-30 10:00 UTC.
const clock = fixedClock("2026-11-30T10:00:00Z");
const NOW = new Date("2026-11-30T10:00:00Z");
const WEEK = DAYS(7);
let restore: () => void;
let lead: Actor, responder: Actor & { kind: "user" }, outsider: Actor & { kind: "user" }, auditor: Actor, admin: Actor;
const ref: Record<string, string> = {};

beforeAll(async () => {
  restore = setClock(clock);
  lead = await makeUser(["security_lead"], "Lead");
  responder = await makeUser(["responder"], "Resp");
  outsider = await makeUser(["responder"], "Out");
  auditor = await makeUser(["auditor"], "Aud");
  admin = await makeUser(["admin"], "Admin");

  // The responder's incident, detected 20 h ago: its notice is due in 4 h.
  clock.set("2026-11-29T14:00:00Z");
  ref.mine = (await createIncident(responder, { ...baseIncident, detectedAt: "2026-11-29T14:00:00Z" })).reference;
  // Someone else's, detected 30 h ago: overdue by 6 h.
  clock.set("2026-11-29T04:00:00Z");
  ref.theirs = (await createIncident(outsider, { ...baseIncident, detectedAt: "2026-11-29T04:00:00Z" })).reference;
  // No Amazon information: no clock at all.
  ref.none = (await createIncident(outsider, { ...baseIncident, amazonInfoAnswer: "no", detectedAt: "2026-11-29T04:00:00Z" })).reference;
  clock.set(NOW);

  const mine = await db().incident.findUniqueOrThrow({ where: { reference: ref.mine } });
  await addIncidentTask(responder, ref.mine!, { title: "Wipe the laptop remotely", ownerId: responder.userId, dueDate: "2026-12-02" });
  await addIncidentTask(responder, ref.mine!, { title: "Later review", ownerId: responder.userId, dueDate: "2027-01-15" });

  await db().legalRequest.create({
    data: { id: newId("lpr"), reference: "LPR-2026-0901", receivedAt: new Date(NOW.getTime() - HOURS(14)), requestingParty: "District court", dataSought: "Orders", notificationDueAt: new Date(NOW.getTime() + HOURS(10)), createdById: "usr_x" },
  });
  await db().auditFinding.create({
    data: { id: newId("fnd"), reference: "FND-2026-0901", controlId: "PII-5b", title: "VPN logs kept 30 days", description: "d", severity: "high", ownerId: responder.userId, dueDate: new Date("2026-11-29T00:00:00Z"), createdById: "usr_x" },
  });
  await db().auditFinding.create({
    data: { id: newId("fnd"), reference: "FND-2026-0902", controlId: "PII-5b", title: "Far away", description: "d", severity: "low", ownerId: responder.userId, dueDate: new Date("2027-03-01T00:00:00Z"), createdById: "usr_x" },
  });
  await db().controlAttestation.create({
    data: { id: newId("cat"), controlId: "A-1", policyVersion: "2025", status: "met", statement: "TLS scan of every endpoint: TLS 1.2 or later only, report TLS-2025-12.", attestedById: "usr_x", attestedAt: new Date("2025-12-03T00:00:00Z"), nextDueAt: new Date("2026-12-03T00:00:00Z"), signedAt: new Date("2025-12-03T00:00:00Z") },
  });
  const evidenceId = newId("evd");
  await db().evidenceItem.create({
    data: { id: evidenceId, label: "EVD-2026-0901", incidentId: mine.id, kind: "physical", description: "Laptop", collectedById: responder.userId, collectedAt: NOW, collectionMethod: "Seized", custodianId: responder.userId, storageLocation: "Safe" },
  });
  // Requested 19 h ago: the receiver has 5 h left.
  await db().custodyTransfer.create({
    data: { id: newId("ctr"), evidenceId, fromUserId: responder.userId, toUserId: outsider.userId, purpose: "Imaging", location: "Lab", requestedAt: new Date(NOW.getTime() - HOURS(19)) },
  });
  await db().task.create({
    data: { id: newId("tsk"), subjectType: "asset", subjectId: "ast_1", subjectReference: "AST-1", link: "/assets/AST-1", title: "Patch the VPN", ownerId: outsider.userId, dueAt: new Date(NOW.getTime() + HOURS(30)), createdById: "usr_x" },
  });
});
afterAll(async () => {
  restore();
  await db().$disconnect();
});

const summary = (items: Awaited<ReturnType<typeof listDueItems>>) => items.map((i) => `${i.kind} ${i.reference} ${i.state}`);

describe("listDueItems", () => {
  it("gives a security lead every kind, overdue first then nearest due, each with its colour and link", async () => {
    const items = await listDueItems(lead, NOW, { within: WEEK });
    expect(summary(items)).toEqual([
      "finding.due FND-2026-0901 overdue",
      `incident.amazon-notice ${ref.theirs} overdue`,
      `incident.amazon-notice ${ref.mine} due-soon`,
      "evidence.transfer-waiting EVD-2026-0901 due-soon",
      "legal-request.amazon-notice LPR-2026-0901 due-soon",
      // A task due on a day is late only once that day has ended: after an attestation due that day.
      "compliance.attestation-due A-1 due-soon",
      `incident.task ${ref.mine} on-time`,
    ]);
    expect(items.find((i) => i.kind === "incident.amazon-notice")).toMatchObject({ link: `/incidents/${ref.theirs}`, ownerIds: [] });
    expect(items.find((i) => i.kind === "evidence.transfer-waiting")).toMatchObject({ ownerIds: [outsider.userId], link: "/evidence/EVD-2026-0901" });
  });

  it("gives a responder only the items of their incidents and what they own", async () => {
    expect(summary(await listDueItems(responder, NOW, { within: WEEK }))).toEqual([
      `incident.amazon-notice ${ref.mine} due-soon`,
      "evidence.transfer-waiting EVD-2026-0901 due-soon",
      `incident.task ${ref.mine} on-time`,
    ]);
    // The receiver of the transfer sees it, and the task they own; not the responder's incident.
    expect(summary(await listDueItems(outsider, NOW, { within: WEEK }))).toEqual([
      `incident.amazon-notice ${ref.theirs} overdue`,
      "evidence.transfer-waiting EVD-2026-0901 due-soon",
      "task.due AST-1 on-time",
    ]);
  });

  it("shows an auditor the records they may read and an administrator no incident content", async () => {
    expect((await listDueItems(auditor, NOW, { within: WEEK })).map((i) => i.kind)).not.toContain("task.due");
    expect((await listDueItems(auditor, NOW, { within: WEEK })).length).toBe(7);
    expect(await listDueItems(admin, NOW, { within: WEEK })).toEqual([]);
  });

  it("puts every registered kind on the dashboard, nearest first, each scoped to the person", async () => {
    // The plans module's clocks: a plan whose review falls due in 3 days, a control activity due in
    // 2, and its version in force (approved 5 days ago) for the security leads to acknowledge.
    const documentId = newId("pdoc");
    const versionId = newId("pver");
    await db().policyDocument.create({
      data: { id: documentId, reference: "POL-2026-0901", kind: "ir_plan", title: "Incident response plan", createdById: "usr_x", createdAt: new Date("2026-05-01T00:00:00Z"), reviewDueOn: new Date("2026-12-03T00:00:00Z"), reviewDueBasis: "periodic", audienceRoles: ["security_lead"] },
    });
    await db().policyDocumentVersion.create({
      data: { id: versionId, documentId, number: 1, status: "approved", body: "# Plan", changeSummary: "First version", authorId: "usr_x", contributorIds: ["usr_x"], createdAt: new Date("2026-11-20T00:00:00Z"), updatedAt: new Date("2026-11-25T10:00:00Z"), approvedById: "usr_y", approvedAt: new Date("2026-11-25T10:00:00Z") },
    });
    await db().policyDocument.update({ where: { id: documentId }, data: { inForceVersionId: versionId } });
    await db().controlActivity.create({
      data: { id: newId("cta"), reference: "ACT-2026-0901", kind: "audit_log_review", title: "Audit log review", frequencyDays: 14, ownerId: outsider.userId, evidenceExpected: "The review notes", nextDueOn: new Date("2026-12-02T00:00:00Z"), createdById: "usr_x", createdAt: NOW },
    });
    // The access module's clocks: an open review due in 4 days, a leaver whose 24 hours end at
    // midnight, a credential whose rotation falls due in 5 days.
    const systemId = newId("ast");
    await db().asset.create({ data: { id: systemId, reference: "SYS-2026-0901", kind: "system", name: "CRM", createdById: "usr_x", createdAt: NOW } });
    const personId = newId("per");
    await db().person.create({ data: { id: personId, reference: "PER-2026-0901", displayName: "Leo Leaver", kind: "employee", endsOn: new Date("2026-11-29T00:00:00Z"), createdById: "usr_x", createdAt: NOW } });
    await db().accessAccount.create({ data: { id: newId("acc"), systemId, identifier: "leo", identifierKey: "leo", kind: "human", personId, createdById: "usr_x", createdAt: NOW } });
    await db().accessCredential.create({
      data: { id: newId("crd"), reference: "CRD-2026-0901", systemId, kind: "api_key", name: "CRM API key", createdOn: new Date("2026-09-05T00:00:00Z"), rotationPeriodDays: 90, nextRotationDueOn: new Date("2026-12-04T00:00:00Z"), createdById: "usr_x", createdAt: NOW },
    });
    await db().accessReviewCampaign.create({ data: { id: newId("acr"), reference: "ACR-2026-0901", dueOn: new Date("2026-12-03T00:00:00Z"), opensOn: new Date("2026-11-19T00:00:00Z"), openedAt: NOW, createdAt: NOW } });
    // The asset inventory's clocks: a data store recorded three months ago (its first inventory
    // review falls due in 2 days) and its retention rule, whose purge is due in 4.
    const assetId = newId("ast");
    await db().asset.create({ data: { id: assetId, reference: "AST-2026-0901", kind: "data_store", name: "Orders database", createdById: "usr_x", createdAt: new Date("2026-09-02T09:00:00Z") } });
    await db().retentionRule.create({
      data: { id: newId("ret"), reference: "RET-2026-0901", assetId, category: "pii", keepDays: 30, basis: "policy", purgeEveryDays: 7, nextPurgeDueOn: new Date("2026-12-04T00:00:00Z"), createdById: "usr_x", createdAt: NOW },
    });
    const forLead = await getDashboard(lead);
    const forOutsider = await getDashboard(outsider);
    // Every kind the registry has appears for someone: the lead's all-records kinds, the outsider's own task.
    const kinds = new Set([...forLead.due, ...forOutsider.due].map((i) => i.kind));
    expect([...kinds].sort()).toEqual(CLOCK_SOURCES.map((s) => s.kind).sort());
    for (const dashboard of [forLead, forOutsider]) {
      // Nearest deadline first, a calendar day's deadline being the end of that day.
      const times = dashboard.due.map((i) => i.dueAt.getTime() + (i.allDay ? 86_400_000 : 0));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(dashboard.dueTruncated).toBe(false);
    }
    expect(forLead.due.map((i) => `${i.kind} ${i.reference} ${i.state} ${i.link}`)).toEqual((await listDueItems(lead, NOW, { within: WEEK })).map((i) => `${i.kind} ${i.reference} ${i.state} ${i.link}`));
    // The responder sees their incident's items and nothing of the outsider's incident, findings or attestations.
    const forResponder = (await getDashboard(responder)).due.map((i) => i.reference);
    expect(forResponder).toContain(ref.mine);
    expect(forResponder).not.toContain(ref.theirs);
    expect(forResponder.filter((r) => r.startsWith("FND-") || r === "A-1" || r === "AST-1" || r.startsWith("RET-"))).toEqual([]);
  });

  it("leaves out what falls due later than asked, and what is done", async () => {
    expect(summary(await listDueItems(lead, NOW, { within: HOURS(1) }))).toEqual(["finding.due FND-2026-0901 overdue", `incident.amazon-notice ${ref.theirs} overdue`]);
    await db().incident.update({ where: { reference: ref.theirs }, data: { amazonNotifiedAt: NOW, amazonNoticeOnTime: false } });
    expect(summary(await listDueItems(lead, NOW, { within: HOURS(1) }))).toEqual(["finding.due FND-2026-0901 overdue"]);
    expect(await listDueItems(lead, NOW, { within: WEEK, limit: 2 })).toHaveLength(2);
  });
});
