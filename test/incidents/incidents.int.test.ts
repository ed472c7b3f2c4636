import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { decryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { addIncidentComment, addIncidentTask, addManualTimelineEntry, changeDetectionTime, changeIncidentStatus, closeIncident, createIncident, draftAmazonNotice, getIncident, markFalsePositive, recordAmazonNotice, recordThirdPartyNotification, sendAmazonNotice, setIncidentTaskDone, updateIncident } from "@/lib/incidents";
import { baseIncident, expectAppError, makeUser } from "./fixtures";

const clock = fixedClock("2026-11-28T12:00:00Z");
let restore: () => void;
let lead: Actor, responder: Actor & { kind: "user" }, outsider: Actor, auditor: Actor, privacy: Actor, admin: Actor;

const audit = (action: string, targetId: string) => db().auditEvent.findMany({ where: { action, targetId } });
const closing = {
  closureDescription: "Laptop stolen from a car; disk was encrypted.",
  rootCause: "Laptop left in a parked car.",
  remediationActions: "Device wiped remotely, sessions revoked.",
  correctiveControls: "No exports on laptops; DLP rule added.",
  lessonsLearned: "Remind staff about travel rules.",
};

beforeAll(async () => {
  lead = await makeUser(["security_lead"], "Lead");
  responder = await makeUser(["responder"], "Responder");
  outsider = await makeUser(["responder"], "Other responder");
  auditor = await makeUser(["auditor"], "Auditor");
  privacy = await makeUser(["privacy_officer"], "Privacy");
  admin = await makeUser(["admin"], "Admin");
});
beforeEach(() => {
  clock.set("2026-11-28T12:00:00Z");
  restore = setClock(clock);
});
afterEach(() => restore());
afterAll(async () => {
  await db().$disconnect();
});

describe("createIncident", () => {
  it("logs an incident with its reference, 24-hour due time, timeline entry and audit event together", async () => {
    const { id, reference } = await createIncident(responder, { ...baseIncident, detectedAt: "2026-11-28T10:30" });
    expect(reference).toMatch(/^INC-2026-\d{4}$/);
    const incident = await db().incident.findUniqueOrThrow({ where: { id } });
    // 10:30 in Berlin (UTC+1) is 09:30 UTC; due 24 hours later.
    expect(incident.detectedAt.toISOString()).toBe("2026-11-28T09:30:00.000Z");
    expect(incident.notificationDueAt?.toISOString()).toBe("2026-11-29T09:30:00.000Z");
    expect(incident.status).toBe("detected");
    expect(incident.memberIds).toEqual([responder.userId]);
    expect(incident.affectedSystems).toEqual(["Support laptop L-113", "Order export share"]);
    expect(await db().incidentTimelineEntry.count({ where: { incidentId: id } })).toBe(1);
    const events = await audit("incident.created", id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(responder.userId);
  });

  it("defaults detection to now and has no clock without Amazon Information", async () => {
    const { id } = await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" });
    const incident = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(incident.detectedAt.toISOString()).toBe("2026-11-28T12:00:00.000Z");
    expect(incident.notificationDueAt).toBeNull();
  });

  it("refuses bad input with one message per field and writes nothing", async () => {
    const before = await db().incident.count();
    const errors = await expectAppError(createIncident(responder, { ...baseIncident, title: "", summary: "short", typeId: "", severity: "SEV9" as "SEV1" }), "VALIDATION");
    expect(errors).toMatchObject({
      title: expect.stringMatching(/short title/),
      summary: expect.stringMatching(/what happened/),
      typeId: "Choose the type of incident.",
      severity: "Choose a severity.",
    });
    const future = await expectAppError(createIncident(responder, { ...baseIncident, detectedAt: "2026-11-28T14:00" }), "VALIDATION");
    expect(future).toEqual({ detectedAt: "The detection time cannot be in the future." });
    const unknownType = await expectAppError(createIncident(responder, { ...baseIncident, typeId: "no-such-type" }), "VALIDATION");
    expect(unknownType).toEqual({ typeId: "Choose the type of incident." });
    expect(await db().incident.count()).toBe(before);
  });

  it("is refused to an auditor, writes nothing, and logs the denial", async () => {
    const before = await db().incident.count();
    await expectAppError(createIncident(auditor, baseIncident), "FORBIDDEN");
    expect(await db().incident.count()).toBe(before);
    const denial = await db().auditEvent.findFirst({ where: { action: "authorization.denied", actorId: (auditor as { userId: string }).userId }, orderBy: { sequence: "desc" } });
    expect(denial).toMatchObject({ outcome: "denied", details: { permission: "incident.create" } });
  });

  it("gives concurrent creations distinct consecutive references", async () => {
    clock.set("2031-01-01T00:10:00Z");
    const created = await Promise.all(Array.from({ length: 5 }, () => createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" })));
    expect(created.map((c) => c.reference).sort()).toEqual(["INC-2031-0001", "INC-2031-0002", "INC-2031-0003", "INC-2031-0004", "INC-2031-0005"]);
  });

  it("encrypts personal data details bound to the record and field", async () => {
    const { id } = await createIncident(lead, { ...baseIncident, piiInvolved: true, piiDetails: "Jane Roe, 12 Elm St" });
    const row = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(row.piiDetailsEnc).toMatch(/^enc1\./);
    expect(row.piiDetailsEnc).not.toContain("Jane");
    expect(decryptField(row.piiDetailsEnc!, `incident:${id}:piiDetails`)).toBe("Jane Roe, 12 Elm St");
    expect(() => decryptField(row.piiDetailsEnc!, `incident:inc_other:piiDetails`)).toThrow();
    const events = await audit("incident.created", id);
    expect(JSON.stringify(events[0]!.details)).not.toContain("Jane");
  });
});

describe("getIncident", () => {
  let id: string;
  beforeAll(async () => {
    clock.set("2026-11-28T12:00:00Z");
    const r = setClock(clock);
    id = (await createIncident(responder, { ...baseIncident, piiInvolved: true, piiDetails: "John Doe" })).id;
    r();
  });

  it("shows the incident to its members with a running clock, and refuses other responders", async () => {
    const detail = await getIncident(responder, id);
    expect(detail.clock).toBe("green");
    expect(detail.can).toMatchObject({ update: true, close: false, notify: false, readPii: false });
    expect(detail.piiDetails).toBeNull();
    expect(detail.piiHidden).toBe(true);
    await expectAppError(getIncident(outsider, id), "FORBIDDEN");
  });

  it("shows an auditor everything but personal data, and no edit rights", async () => {
    const detail = await getIncident(auditor, id);
    expect(detail.piiDetails).toBeNull();
    expect(detail.can).toEqual({ update: false, close: false, notify: false, readPii: false, writePii: false });
    expect(await audit("incident.pii.read", id)).toHaveLength(0);
  });

  it("decrypts personal data for the privacy officer and logs that read", async () => {
    const detail = await getIncident(privacy, id);
    expect(detail.piiDetails).toBe("John Doe");
    expect(await audit("incident.pii.read", id)).toHaveLength(1);
  });

  it("turns amber from 12 hours and red from 4 hours before due", async () => {
    clock.set("2026-11-29T00:00:00Z");
    expect((await getIncident(lead, id)).clock).toBe("amber");
    clock.set("2026-11-29T08:00:00Z");
    expect((await getIncident(lead, id)).clock).toBe("red");
    clock.set("2026-11-29T12:00:01Z");
    expect((await getIncident(lead, id)).clock).toBe("overdue");
  });

  it("is refused to an administrator, who has no incident permission", async () => {
    await expectAppError(getIncident(admin, id), "FORBIDDEN");
  });
});

describe("working an incident", () => {
  let id: string;
  beforeEach(async () => {
    id = (await createIncident(responder, { ...baseIncident, detectedAt: "2026-11-28T10:00" })).id;
  });

  it("updates fields, leaves the answer and the clock alone, and keeps the team in scope", async () => {
    // The answer changes only through changeAmazonInfoAnswer: a field posted here is ignored.
    await updateIncident(responder, id, { severity: "SEV1", amazonInfoAnswer: "no", amazonInfoInvolved: false });
    let row = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(row.severity).toBe("SEV1");
    expect(row).toMatchObject({ amazonInfoAnswer: "yes", amazonInfoInvolved: true });
    expect(row.notificationDueAt?.toISOString()).toBe("2026-11-29T09:00:00.000Z");
    await updateIncident(lead, id, { teamIds: [(outsider as { userId: string }).userId] });
    row = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(row.memberIds).toContain((outsider as { userId: string }).userId);
    expect(await audit("incident.updated", id)).toHaveLength(2);
    await expect(getIncident(outsider, id)).resolves.toBeTruthy();
  });

  it("refuses updates from a responder not on the incident, and personal data from an auditor", async () => {
    await expectAppError(updateIncident(outsider, id, { severity: "SEV4" }), "FORBIDDEN");
    await expectAppError(updateIncident(auditor, id, { piiDetails: "x" }), "FORBIDDEN");
    expect((await db().incident.findUniqueOrThrow({ where: { id } })).severity).toBe("SEV2");
  });

  it("moves status only along allowed transitions", async () => {
    await changeIncidentStatus(responder, id, { status: "triaged" });
    const errors = await expectAppError(changeIncidentStatus(responder, id, { status: "recovered" }), "INVALID_STATE");
    expect(errors?.status).toMatch(/Not allowed from triaged/);
    await expectAppError(changeIncidentStatus(outsider, id, { status: "contained" }), "FORBIDDEN");
    expect((await db().incident.findUniqueOrThrow({ where: { id } })).status).toBe("triaged");
    expect(await audit("incident.status-changed", id)).toHaveLength(1);
  });

  it("moves the detection time earlier with a reason, never into the future", async () => {
    await changeDetectionTime(responder, id, { detectedAt: "2026-11-27T22:00", timeZone: "Europe/Berlin", reason: "Proxy logs show the first access" });
    const row = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(row.detectedAt.toISOString()).toBe("2026-11-27T21:00:00.000Z");
    expect(row.notificationDueAt?.toISOString()).toBe("2026-11-28T21:00:00.000Z");
    const entry = await db().incidentTimelineEntry.findFirstOrThrow({ where: { incidentId: id, kind: "detection-time.changed" } });
    expect(entry.text).toContain("Reason: Proxy logs show the first access");
    expect(await audit("incident.detection-time-changed", id)).toHaveLength(1);
    expect(await expectAppError(changeDetectionTime(responder, id, { detectedAt: "2026-11-28T13:01", timeZone: "UTC", reason: "typo" }), "VALIDATION")).toEqual({
      detectedAt: "The detection time cannot be in the future.",
    });
    expect(await expectAppError(changeDetectionTime(responder, id, { detectedAt: "2026-11-27T20:00", timeZone: "UTC", reason: "" }), "VALIDATION")).toEqual({
      reason: "Say why the detection time changes.",
    });
    await expectAppError(changeDetectionTime(outsider, id, { detectedAt: "2026-11-27T20:00", timeZone: "UTC", reason: "Because" }), "FORBIDDEN");
  });

  it("adds manual timeline entries, tasks and comments for members only", async () => {
    await addManualTimelineEntry(responder, id, { occurredAt: "2026-11-28T11:00", timeZone: "UTC", text: "Called the police" });
    const { id: taskId } = await addIncidentTask(responder, id, { title: "Wipe the laptop", ownerId: responder.userId, dueDate: "2026-11-29" });
    await setIncidentTaskDone(responder, id, taskId, true);
    await addIncidentComment(responder, id, { body: "MDM confirms the wipe command was queued." });
    const detail = await getIncident(responder, id);
    // Ordered by when things happened: the manual entry (11:00) before the creation (12:00).
    expect(detail.timeline.map((e) => e.kind)).toEqual(["manual", "incident.created", "task.added", "task.done"]);
    expect(detail.timeline.find((e) => e.kind === "manual")).toMatchObject({ text: "Called the police", occurredAt: "2026-11-28T11:00:00.000Z" });
    expect(detail.tasks).toEqual([expect.objectContaining({ title: "Wipe the laptop", dueDate: "2026-11-29", doneAt: "2026-11-28T12:00:00.000Z" })]);
    expect(detail.comments).toHaveLength(1);
    for (const action of ["incident.timeline-entry.added", "incident.task.added", "incident.task.done", "incident.comment.added"]) {
      expect(await audit(action, id)).toHaveLength(1);
    }
    await expectAppError(addManualTimelineEntry(outsider, id, { text: "x y" }), "FORBIDDEN");
    await expectAppError(addIncidentTask(auditor, id, { title: "Task", ownerId: responder.userId }), "FORBIDDEN");
    await expectAppError(setIncidentTaskDone(outsider, id, taskId, false), "FORBIDDEN");
    await expectAppError(addIncidentComment(auditor, id, { body: "hi" }), "FORBIDDEN");
    expect(await expectAppError(addManualTimelineEntry(responder, id, { occurredAt: "2026-11-29T00:00", timeZone: "UTC", text: "Later" }), "VALIDATION")).toEqual({
      occurredAt: "A timeline entry cannot be in the future.",
    });
  });
});

describe("the notice to Amazon", () => {
  let id: string;
  beforeEach(async () => {
    id = (await createIncident(responder, { ...baseIncident, detectedAt: "2026-11-28T10:00" })).id;
  });
  const recorded = { sentAt: "2026-11-28T11:30", timeZone: "UTC", channel: "email" as const, sender: "Dana from our mail client", toAddress: "security@amazon.com", subject: "Security incident notice", body: "We are notifying you of a security incident involving Amazon Information." };

  it("drafts the notice for a security lead, to the configured address", async () => {
    await db().setting.upsert({ where: { key: "incidents.amazonNoticeAddress" }, create: { key: "incidents.amazonNoticeAddress", value: "security-notices@amazon.example" }, update: { value: "security-notices@amazon.example" } });
    const draft = await draftAmazonNotice(lead, id);
    expect(draft.toAddress).toBe("security-notices@amazon.example");
    expect(draft.body).toContain("Detected at: 2026-11-28 10:00 (Europe/Berlin, UTC+01:00)");
    await db().setting.delete({ where: { key: "incidents.amazonNoticeAddress" } });
    // Without an address of its own, the one the policy version names: the November 2025 revision by default.
    expect((await draftAmazonNotice(lead, id)).toAddress).toBe("security@amazon.com");
    await expectAppError(draftAmazonNotice(responder, id), "FORBIDDEN");
  });

  it("records a notice sent another way, on time, for good", async () => {
    const result = await recordAmazonNotice(lead, id, recorded);
    expect(result.onTime).toBe(true);
    let detail = await getIncident(lead, id);
    expect(detail.clock).toBe("met");
    expect(detail.amazonNotifiedAt).toBe("2026-11-28T11:30:00.000Z");
    expect(detail.notices[0]).toMatchObject({ channel: "email", sender: "Dana from our mail client", state: "recorded", body: recorded.body });
    // A later follow-up, and a detection time moved far earlier, leave the verdict as it was.
    clock.set("2026-12-03T12:00:00Z");
    await recordAmazonNotice(lead, id, { ...recorded, sentAt: "2026-12-03T11:00" });
    await changeDetectionTime(lead, id, { detectedAt: "2026-11-20T00:00", timeZone: "UTC", reason: "Earlier traces found" });
    detail = await getIncident(lead, id);
    expect(detail.clock).toBe("met");
    expect(detail.amazonNoticeOnTime).toBe(true);
    expect(detail.notices).toHaveLength(2);
    expect(await audit("incident.amazon-notice.recorded", id)).toHaveLength(2);
  });

  it("a notice sent through Vigil is sending, not given: no verdict, the clock runs on, the timeline claims nothing", async () => {
    clock.set("2026-11-29T08:00:00Z");
    const result = await sendAmazonNotice(lead, id, { toAddress: "security@amazon.com", subject: "Notice", body: "We are notifying you of a security incident." });
    expect(result.state).toBe("sending");
    const detail = await getIncident(lead, id);
    expect(detail.amazonNotifiedAt).toBeNull();
    expect(detail.amazonNoticeOnTime).toBeNull();
    expect(detail.clock).toBe("red");
    // No mail server in this run: the email is held, and so is the notice.
    expect(detail.notices[0]).toMatchObject({ channel: "vigil_mail", onTime: null, acceptedAt: null });
    expect(["sending", "held"]).toContain(detail.notices[0]!.state);
    const entry = detail.timeline.find((e) => e.kind === "amazon-notice.sent")!;
    expect(entry.text).toMatch(/queued in Vigil's outbox for security@amazon.com: sending/);
    expect(entry.text).not.toMatch(/on time|late/);
    expect(await audit("incident.amazon-notice.sent", id)).toHaveLength(1);
  });

  it("refuses a responder, a future time and missing fields, writing nothing", async () => {
    await expectAppError(recordAmazonNotice(responder, id, recorded), "FORBIDDEN");
    await expectAppError(sendAmazonNotice(auditor, id, { toAddress: "3p-security@amazon.com", subject: "Notice", body: "We are notifying you of a security incident." }), "FORBIDDEN");
    expect(await expectAppError(recordAmazonNotice(lead, id, { ...recorded, sentAt: "2026-11-28T12:01" }), "VALIDATION")).toEqual({ sentAt: "The time given cannot be in the future." });
    const errors = await expectAppError(recordAmazonNotice(lead, id, { ...recorded, sender: "", body: "" }), "VALIDATION");
    expect(Object.keys(errors!).sort()).toEqual(["body", "sender"]);
    expect(await db().amazonNotice.count({ where: { incidentId: id } })).toBe(0);
  });
});

describe("closing", () => {
  let id: string;
  beforeEach(async () => {
    id = (await createIncident(responder, { ...baseIncident, detectedAt: "2026-11-28T10:00" })).id;
    for (const status of ["triaged", "contained", "recovered"] as const) await changeIncidentStatus(responder, id, { status });
  });

  it("needs every closing field", async () => {
    const errors = await expectAppError(closeIncident(lead, id, { ...closing, rootCause: "", lessonsLearned: "" }), "VALIDATION");
    expect(errors).toMatchObject({ rootCause: "Root cause is required to close the incident.", lessonsLearned: "Lessons learned is required to close the incident." });
  });

  it("cannot close an incident involving Amazon Information without its notice, then can", async () => {
    const errors = await expectAppError(closeIncident(lead, id, closing), "INVALID_STATE");
    expect(errors).toEqual({ form: "The 24-hour clock runs (Security Incident: yes or not known yet): send or record the notice to Amazon before closing." });
    await recordAmazonNotice(lead, id, { sentAt: "2026-11-28T11:00", timeZone: "UTC", channel: "portal", sender: "Dana", toAddress: "security@amazon.com", subject: "Notice", body: "Notice submitted through the Amazon portal form." });
    await closeIncident(lead, id, closing);
    const row = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "closed", rootCause: closing.rootCause, closedById: (lead as { userId: string }).userId });
    expect(await audit("incident.closed", id)).toHaveLength(1);
    await expectAppError(updateIncident(lead, id, { title: "Changed after closing" }), "INVALID_STATE");
  });

  it("is refused to a responder, even on their own incident", async () => {
    await expectAppError(closeIncident(responder, id, closing), "FORBIDDEN");
  });

  it("marks a false positive with a reason before containment only", async () => {
    const fresh = (await createIncident(responder, baseIncident)).id;
    await expectAppError(markFalsePositive(responder, fresh, { reason: "Red team exercise" }), "FORBIDDEN");
    expect(await expectAppError(markFalsePositive(lead, fresh, { reason: "" }), "VALIDATION")).toEqual({ reason: "Say why this is a false positive." });
    await markFalsePositive(lead, fresh, { reason: "Red team exercise, announced" });
    const detail = await getIncident(lead, fresh);
    expect(detail.status).toBe("false_positive");
    expect(detail.clock).toBe("not-required");
    await expectAppError(markFalsePositive(lead, id, { reason: "Too late" }), "INVALID_STATE");
  });
});

describe("third-party notifications", () => {
  let id: string;
  beforeEach(async () => {
    id = (await createIncident(responder, baseIncident)).id;
  });
  const base = { recipientKind: "regulator" as const, recipientName: "Data protection authority", notifiedAt: "", timeZone: "UTC", summary: "Initial breach notification" };

  it("records a notification with Amazon's written approval or a named obligation", async () => {
    await recordThirdPartyNotification(lead, id, { ...base, basis: "amazon_approval", amazonApproval: "Email from Amazon security, 2026-11-28 11:40: approved." });
    await recordThirdPartyNotification(lead, id, { ...base, basis: "legal_obligation", legalObligation: "GDPR Article 33" });
    const detail = await getIncident(lead, id);
    expect(detail.thirdPartyNotifications.map((n) => n.basis)).toEqual(["amazon_approval", "legal_obligation"]);
    expect(await audit("incident.third-party-notification.recorded", id)).toHaveLength(2);
  });

  it("without approval or obligation, demands a reason and flags it", async () => {
    expect(await expectAppError(recordThirdPartyNotification(lead, id, { ...base, basis: "none" }), "VALIDATION")).toHaveProperty("reasonWithoutBasis");
    const result = await recordThirdPartyNotification(lead, id, { ...base, basis: "none", reasonWithoutBasis: "Customer contract requires notice within 24 hours" });
    expect(result.withoutBasis).toBe(true);
    const entry = await db().incidentTimelineEntry.findFirstOrThrow({ where: { incidentId: id, kind: "third-party.notified" } });
    expect(entry.text).toContain("WITHOUT Amazon's approval");
  });

  it("is refused to a responder", async () => {
    await expectAppError(recordThirdPartyNotification(responder, id, { ...base, basis: "legal_obligation", legalObligation: "GDPR Article 33" }), "FORBIDDEN");
  });
});

describe("a closed incident", () => {
  const entry = { occurredAt: "2026-11-28T11:00", timeZone: "UTC", text: "Called the police" };
  const notification = { recipientKind: "regulator" as const, recipientName: "Data protection authority", notifiedAt: "", timeZone: "UTC", summary: "Initial breach notification", basis: "legal_obligation" as const, legalObligation: "GDPR Article 33" };

  it("takes timeline entries, comments, tasks and notifications while open, none once closed, and writes nothing", async () => {
    const id = (await createIncident(responder, { ...baseIncident, amazonInfoAnswer: "no" })).id;
    // Open: each change is taken.
    await addManualTimelineEntry(responder, id, entry);
    await addIncidentComment(responder, id, { body: "Wipe confirmed." });
    const { id: doneTask } = await addIncidentTask(responder, id, { title: "Wipe the laptop", ownerId: responder.userId });
    const { id: openTask } = await addIncidentTask(responder, id, { title: "Tell the insurer", ownerId: responder.userId });
    await setIncidentTaskDone(responder, id, doneTask, true);
    await recordThirdPartyNotification(lead, id, notification);
    for (const status of ["triaged", "contained", "recovered"] as const) await changeIncidentStatus(responder, id, { status });
    await closeIncident(lead, id, closing);

    // Closed: each is refused with the reason, and nothing is written.
    const timeline = await db().incidentTimelineEntry.count({ where: { incidentId: id } });
    const refused = [
      addManualTimelineEntry(responder, id, entry),
      addIncidentComment(responder, id, { body: "Late remark" }),
      addIncidentTask(responder, id, { title: "Another task", ownerId: responder.userId }),
      setIncidentTaskDone(responder, id, openTask, true),
      setIncidentTaskDone(responder, id, doneTask, false),
      recordThirdPartyNotification(lead, id, notification),
    ];
    for (const attempt of refused) {
      await expect(attempt).rejects.toMatchObject({ code: "INVALID_STATE", message: "This incident is closed: a closed incident cannot be changed." });
    }
    expect(await db().incidentTimelineEntry.count({ where: { incidentId: id } })).toBe(timeline);
    expect(await db().incidentComment.count({ where: { incidentId: id } })).toBe(1);
    expect(await db().incidentTask.count({ where: { incidentId: id } })).toBe(2);
    expect((await db().incidentTask.findUniqueOrThrow({ where: { id: doneTask } })).doneAt).not.toBeNull();
    expect(await db().thirdPartyNotification.count({ where: { incidentId: id } })).toBe(1);
  });

  it("refuses changes to a false positive until it is reopened for triage", async () => {
    const id = (await createIncident(responder, baseIncident)).id;
    await markFalsePositive(lead, id, { reason: "Red team exercise, announced" });
    await expect(addIncidentComment(responder, id, { body: "Still here" })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/false positive: reopen it for triage/) });
    await changeIncidentStatus(lead, id, { status: "triaged" });
    await addIncidentComment(responder, id, { body: "Back in triage" });
    expect(await db().incidentComment.count({ where: { incidentId: id } })).toBe(1);
  });
});

