// Issue 15, item 3: clocks cannot be stopped quietly. The answer to the policy's question
// (yes / no / not known yet), who may stop the clock or move it later, and the record kept of it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { gatherComplianceFacts } from "@/lib/compliance/gather-facts";
import { evaluateControls } from "@/lib/compliance/evaluate";
import { db } from "@/lib/db/client";
import { changeAmazonInfoAnswer, changeDetectionTime, createIncident, getIncident, listClockChanges, markFalsePositive } from "@/lib/incidents";
import { fixedClockForEachTest } from "@/test/support/signed-up-user";
import { baseIncident, expectAppError, makeUser } from "./fixtures";

const clockOf = fixedClockForEachTest(new Date("2026-11-28T12:00:00Z"));
let lead: Actor & { kind: "user" }, responder: Actor & { kind: "user" };

const REASON = "Only synthetic test data was in the bucket; confirmed with the owner.";
const denials = (userId: string) => db().auditEvent.findMany({ where: { action: "authorization.denied", actorId: userId } });
const row = (id: string) => db().incident.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  lead = await makeUser(["security_lead"], "Lead");
  responder = await makeUser(["responder"], "Responder");
});
afterAll(async () => {
  await db().$disconnect();
});

describe("logging an incident answers the policy's question", () => {
  it("refuses an incident without an answer: there is no default", async () => {
    const { amazonInfoAnswer: _, ...unanswered } = baseIncident;
    expect(await expectAppError(createIncident(responder, unanswered), "VALIDATION")).toMatchObject({ amazonInfoAnswer: "Answer the question: yes, no, or not known yet." });
    expect(await expectAppError(createIncident(responder, { ...baseIncident, amazonInfoAnswer: "maybe" }), "VALIDATION")).toHaveProperty("amazonInfoAnswer");
  });

  it("runs the clock for not known yet as for yes, and none for no", async () => {
    const unknown = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "unknown", detectedAt: "2026-11-28T10:00", timeZone: "UTC" });
    expect(await row(unknown.id)).toMatchObject({ amazonInfoAnswer: "unknown", amazonInfoInvolved: true, amazonInfoAnsweredBefore: false, notificationDueAt: new Date("2026-11-29T10:00:00Z") });
    expect((await getIncident(responder, unknown.id)).clock).toBe("green");
    const no = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" });
    expect(await row(no.id)).toMatchObject({ amazonInfoAnswer: "no", amazonInfoInvolved: false, notificationDueAt: null });
    const created = await db().auditEvent.findFirstOrThrow({ where: { action: "incident.created", targetId: unknown.id } });
    expect(created.details).toMatchObject({ amazonInfoAnswer: "unknown", amazonInfoInvolved: true });
  });

  it("keeps the answer and the clock in step in the database itself", async () => {
    const { id } = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" });
    await expect(db().incident.update({ where: { id }, data: { amazonInfoInvolved: true } })).rejects.toThrow(/Incident_amazonInfoInvolved_follows_answer|check constraint/i);
  });
});

describe("incidents logged before the question changed", () => {
  it("keep their answer, marked as answered before; a stored no stays no until someone answers again", async () => {
    const { id } = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" });
    // As the migration leaves an incident whose checkbox was unticked.
    await db().incident.update({ where: { id }, data: { amazonInfoAnsweredBefore: true } });
    expect(await getIncident(responder, id)).toMatchObject({ amazonInfoAnswer: "no", amazonInfoAnsweredBefore: true, clock: "not-required" });
    // Answering the current question (the same no) clears the mark, and needs no lead: no clock stops.
    await changeAmazonInfoAnswer(responder, id, { amazonInfoAnswer: "no" });
    expect(await getIncident(responder, id)).toMatchObject({ amazonInfoAnswer: "no", amazonInfoAnsweredBefore: false });
    expect((await getIncident(responder, id)).timeline.at(-1)?.text).toBe("Security Incident under the policy: answer “No” confirmed on the current question.");
  });
});

describe("stopping the clock: an answer that had a clock changed to no", () => {
  let id: string;
  beforeEach(async () => {
    id = (await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "unknown", detectedAt: "2026-11-28T10:00", timeZone: "UTC" })).id;
  });

  it("is refused to the assigned responder, whatever the reason, with the refusal logged once and nothing changed", async () => {
    const before = (await denials(responder.userId)).length;
    await expectAppError(changeAmazonInfoAnswer(responder, id, { amazonInfoAnswer: "no", reason: REASON }), "FORBIDDEN");
    const after = await denials(responder.userId);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ targetId: id, outcome: "denied", details: { permission: "incident.notify-amazon" } });
    expect(await row(id)).toMatchObject({ amazonInfoAnswer: "unknown", notificationDueAt: new Date("2026-11-29T10:00:00Z") });
    expect(await db().incidentClockChange.count({ where: { incidentId: id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "incident.amazon-answer-changed", targetId: id } })).toBe(0);
  });

  it("is refused to the lead with a reason under 20 characters", async () => {
    expect(await expectAppError(changeAmazonInfoAnswer(lead, id, { amazonInfoAnswer: "no", reason: "Not Amazon data." }), "VALIDATION")).toMatchObject({ reason: expect.stringMatching(/at least 20 characters/) });
    expect((await row(id)).amazonInfoAnswer).toBe("unknown");
  });

  it("is the security lead's, with a reason: the clock stops, and the change shows on the incident, its timeline, the audit log and GS-4e", async () => {
    clockOf().set("2026-11-28T13:00:00Z");
    await changeAmazonInfoAnswer(lead, id, { amazonInfoAnswer: "no", reason: REASON });
    expect(await row(id)).toMatchObject({ amazonInfoAnswer: "no", amazonInfoInvolved: false, notificationDueAt: null });

    const incident = await getIncident(lead, id);
    expect(incident.clock).toBe("not-required");
    expect(incident.clockChanges).toEqual([
      expect.objectContaining({ kind: "stopped", fromAnswer: "unknown", toAnswer: "no", fromDueAt: "2026-11-29T10:00:00.000Z", toDueAt: null, reason: REASON, changedAt: "2026-11-28T13:00:00.000Z", changedBy: { id: lead.userId, name: expect.stringMatching(/^Lead/) } }),
    ]);
    const entry = incident.timeline.find((e) => e.kind === "amazon-answer.changed")!;
    expect(entry.text).toBe(`Security Incident under the policy: answer changed from “Not known yet” to “No”. The 24-hour clock stops. Reason: ${REASON}`);
    expect(entry.author?.id).toBe(lead.userId);

    const events = await db().auditEvent.findMany({ where: { action: "incident.amazon-answer-changed", targetId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ from: "unknown", to: "no", clockStopped: true, fields: ["amazonInfoAnswer", "notificationDueAt", "reason"] });
    // Ids and field names only: never the reason's text.
    expect(JSON.stringify(events[0]!.details)).not.toContain("synthetic");

    const changes = await listClockChanges(db(), new Date("2026-01-01T00:00:00Z"));
    expect(changes.find((c) => c.reference === incident.reference)).toMatchObject({ kind: "stopped", reason: REASON, changedByName: expect.stringMatching(/^Lead/) });
    const facts = await gatherComplianceFacts(db(), new Date("2026-11-28T14:00:00Z"), null, true);
    const gs4e = evaluateControls(facts, new Date("2026-11-28T14:00:00Z")).find((r) => r.control.id === "GS-4e")!;
    expect(gs4e.evidence).toContain(`${incident.reference}: clock stopped (answer Not known yet → No) by Lead`);
    expect(gs4e.evidence).toContain(REASON);
  });

  it("lets the responder start or keep a clock without a reason: no to yes, not known yet to yes", async () => {
    await changeAmazonInfoAnswer(responder, id, { amazonInfoAnswer: "yes" });
    expect(await row(id)).toMatchObject({ amazonInfoAnswer: "yes", notificationDueAt: new Date("2026-11-29T10:00:00Z") });
    const no = (await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no", detectedAt: "2026-11-27T08:00", timeZone: "UTC" })).id;
    await changeAmazonInfoAnswer(responder, no, { amazonInfoAnswer: "unknown" });
    // The clock runs from detection, not from the change: already overdue.
    expect(await row(no)).toMatchObject({ amazonInfoAnswer: "unknown", amazonInfoInvolved: true, notificationDueAt: new Date("2026-11-28T08:00:00Z") });
    expect((await getIncident(responder, no)).clock).toBe("overdue");
    expect(await db().incidentClockChange.count({ where: { incidentId: { in: [id, no] } } })).toBe(0);
  });
});

describe("moving detection later", () => {
  let id: string;
  beforeEach(async () => {
    id = (await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "yes", detectedAt: "2026-11-28T08:00", timeZone: "UTC" })).id;
  });

  it("is refused to the assigned responder (logged once), even with a long reason; earlier stays theirs", async () => {
    const before = (await denials(responder.userId)).length;
    await expectAppError(changeDetectionTime(responder, id, { detectedAt: "2026-11-28T11:00", timeZone: "UTC", reason: REASON }), "FORBIDDEN");
    expect(await denials(responder.userId)).toHaveLength(before + 1);
    expect((await row(id)).notificationDueAt?.toISOString()).toBe("2026-11-29T08:00:00.000Z");
    await changeDetectionTime(responder, id, { detectedAt: "2026-11-28T07:00", timeZone: "UTC", reason: "Logs" });
    expect((await row(id)).notificationDueAt?.toISOString()).toBe("2026-11-29T07:00:00.000Z");
    expect(await db().incidentClockChange.count({ where: { incidentId: id } })).toBe(0);
  });

  it("is the lead's with 20+ characters: the deadline moves, and the change is kept with who, when and why", async () => {
    expect(await expectAppError(changeDetectionTime(lead, id, { detectedAt: "2026-11-28T11:00", timeZone: "UTC", reason: "Typo." }), "VALIDATION")).toMatchObject({ reason: expect.stringMatching(/at least 20 characters/) });
    await changeDetectionTime(lead, id, { detectedAt: "2026-11-28T11:00", timeZone: "UTC", reason: REASON });
    expect((await row(id)).notificationDueAt?.toISOString()).toBe("2026-11-29T11:00:00.000Z");
    const [change] = (await getIncident(lead, id)).clockChanges;
    expect(change).toMatchObject({ kind: "moved_later", fromDueAt: "2026-11-29T08:00:00.000Z", toDueAt: "2026-11-29T11:00:00.000Z", reason: REASON, changedBy: { id: lead.userId } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "incident.detection-time-changed", targetId: id } });
    expect(event.details).toMatchObject({ movedLater: true, clockChangeId: expect.stringMatching(/^icc_/) });
    expect(JSON.stringify(event.details)).not.toContain("synthetic");
  });
});

describe("marking a false positive while the clock runs stops it", () => {
  it("needs 20+ characters while no notice is given, and is kept as a clock change shown with the others", async () => {
    const { id } = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "unknown", detectedAt: "2026-11-28T10:00", timeZone: "UTC" });
    expect(await expectAppError(markFalsePositive(lead, id, { reason: "Test alert" }), "VALIDATION")).toMatchObject({ reason: expect.stringMatching(/clock .* is running.*at least 20 characters/) });
    expect((await row(id)).status).toBe("detected");
    await markFalsePositive(lead, id, { reason: REASON });
    expect((await row(id)).status).toBe("false_positive");
    const [change] = (await getIncident(lead, id)).clockChanges;
    expect(change).toMatchObject({ kind: "false_positive", fromAnswer: "unknown", fromDueAt: "2026-11-29T10:00:00.000Z", toDueAt: null, reason: REASON, changedBy: { id: lead.userId } });
    expect((await listClockChanges(db(), new Date("2026-11-01T00:00:00Z"))).find((c) => c.kind === "false_positive" && c.reason === REASON)).toBeDefined();
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "incident.false-positive", targetId: id } });
    expect(event.details).toMatchObject({ clockChangeId: expect.stringMatching(/^icc_/) });
  });

  it("keeps a short reason enough, and records no clock change, when no clock runs", async () => {
    const { id } = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" });
    await markFalsePositive(lead, id, { reason: "Test alert" });
    expect((await row(id)).status).toBe("false_positive");
    expect(await db().incidentClockChange.count({ where: { incidentId: id } })).toBe(0);
  });
});
