import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { fixedClock, setClock } from "@/lib/clock";
import { getComplianceMap } from "@/lib/compliance/get-compliance-map";
import { db } from "@/lib/db/client";
import { runSweep } from "@/lib/reminders/run-sweep";
import { changeFindingDueDate } from "./change-finding-due-date";
import { changeFindingOwner } from "./change-finding-owner";
import { closeFinding } from "./close-finding";
import { getFinding } from "./get-finding";
import { listFindings } from "./list-findings";
import { recordFinding } from "./record-finding";
import { reopenFinding } from "./reopen-finding";

const run = randomBytes(3).toString("hex");
const clock = fixedClock("2026-11-29T10:00:00Z");
let restoreClock: () => void;

type TUserActor = Actor & { kind: "user" };
async function user(key: string, roles: Role[], status: "active" | "deactivated" = "active"): Promise<TUserActor> {
  const id = `usr_fn_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status, roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

let lead: TUserActor;
let owner: TUserActor;
let responder: TUserActor;
let auditor: TUserActor;
let privacy: TUserActor;
let gone: TUserActor;

const finding = (overrides: Record<string, unknown> = {}) => ({
  controlId: "PII-5b",
  title: "Log retention below twelve months on the VPN concentrator",
  description: "The auditor found VPN logs kept for 30 days only.",
  severity: "high",
  ownerId: owner.userId,
  dueDate: "2026-12-20",
  ...overrides,
});

beforeAll(async () => {
  restoreClock = setClock(clock);
  lead = await user("lead", ["security_lead"]);
  owner = await user("owner", ["responder"]);
  responder = await user("resp", ["responder"]);
  auditor = await user("aud", ["auditor"]);
  privacy = await user("priv", ["privacy_officer"]);
  gone = await user("gone", ["responder"], "deactivated");
});
afterAll(async () => {
  restoreClock();
  await db().$disconnect();
});

describe("audit findings", () => {

  it("records a finding with a yearly FND reference and its audit event", async () => {
    const first = await recordFinding(lead, finding());
    const second = await recordFinding(lead, finding({ controlId: "GS-3", severity: "low" }));
    expect(first.reference).toMatch(/^FND-2026-\d{4}$/);
    expect(Number(second.reference.slice(-4))).toBe(Number(first.reference.slice(-4)) + 1);
    const stored = await db().auditFinding.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({ status: "open", controlId: "PII-5b", ownerId: owner.userId, createdById: lead.userId });
    expect(stored.dueDate.toISOString()).toBe("2026-12-20T00:00:00.000Z");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "finding.recorded", targetId: first.id } });
    expect(event.actorId).toBe(lead.userId);
    expect(event.details).toMatchObject({ reference: first.reference, controlId: "PII-5b", ownerId: owner.userId, dueDate: "2026-12-20" });
  });

  it("refuses a due date in the past, an unknown control, a wording-only control and an owner who cannot act", async () => {
    await expect(recordFinding(lead, finding({ dueDate: "2026-11-28" }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { dueDate: "The due date cannot be in the past." } });
    await expect(recordFinding(lead, finding({ dueDate: "2026-02-30" }))).rejects.toMatchObject({ fieldErrors: { dueDate: "Enter a real calendar day." } });
    await expect(recordFinding(lead, finding({ controlId: "GS-99" }))).rejects.toMatchObject({ fieldErrors: { controlId: expect.any(String) } });
    await expect(recordFinding(lead, finding({ controlId: "R25-1" }))).rejects.toMatchObject({ fieldErrors: { controlId: expect.any(String) } });
    await expect(recordFinding(lead, finding({ ownerId: gone.userId }))).rejects.toMatchObject({ fieldErrors: { ownerId: "Choose a person with an active account." } });
    await expect(recordFinding(lead, finding({ ownerId: auditor.userId }))).rejects.toMatchObject({ fieldErrors: { ownerId: expect.stringMatching(/auditor/) } });
    await expect(recordFinding(lead, finding({ engagementId: "eng_unknown" }))).rejects.toMatchObject({ fieldErrors: { engagementId: expect.any(String) } });
    // A finding due today is allowed: it is the last day, not the past.
    await expect(recordFinding(lead, finding({ dueDate: "2026-11-29" }))).resolves.toMatchObject({ reference: expect.any(String) });
  });

  it("accepts a finding of a 2025 revision control only while the revision is the policy version", async () => {
    await db().setting.upsert({ where: { key: "compliance.policyVersion" }, create: { key: "compliance.policyVersion", value: "2021" }, update: { value: "2021" } });
    await expect(recordFinding(lead, finding({ controlId: "R25-9" }))).rejects.toMatchObject({ fieldErrors: { controlId: expect.any(String) } });
    await db().setting.update({ where: { key: "compliance.policyVersion" }, data: { value: "2025" } });
    await expect(recordFinding(lead, finding({ controlId: "R25-9" }))).resolves.toBeDefined();
  });

  it("moves the due date: earlier without a reason, later only with one, kept as a note the audit event names", async () => {
    const { id, reference } = await recordFinding(lead, finding());
    await changeFindingDueDate(lead, reference, { dueDate: "2026-12-10" });
    await expect(changeFindingDueDate(lead, reference, { dueDate: "2027-01-31" })).rejects.toMatchObject({ fieldErrors: { reason: "Say why the due date moves later." } });
    await expect(changeFindingDueDate(lead, reference, { dueDate: "2026-11-01", reason: "typo" })).rejects.toMatchObject({ fieldErrors: { dueDate: "The due date cannot be in the past." } });
    await changeFindingDueDate(lead, reference, { dueDate: "2027-01-31", reason: "Vendor patch ships in January (ticket SEC-412)." });
    expect((await db().auditFinding.findUniqueOrThrow({ where: { id } })).dueDate.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    const events = await db().auditEvent.findMany({ where: { action: "finding.due-date-changed", targetId: id }, orderBy: { sequence: "asc" } });
    // The reason is kept as a note the event names by id: no free text in the audit log.
    const [note] = await db().auditFindingNote.findMany({ where: { findingId: id } });
    expect(note).toMatchObject({ kind: "reason", text: "Vendor patch ships in January (ticket SEC-412).", authorId: lead.userId });
    expect(events.map((e) => e.details)).toEqual([
      { reference, fromDueDate: "2026-12-20", toDueDate: "2026-12-10", later: false, noteIds: [] },
      { reference, fromDueDate: "2026-12-10", toDueDate: "2027-01-31", later: true, noteIds: [note!.id] },
    ]);
    const detail = await getFinding(lead, reference);
    expect(detail.history.at(-1)!.notes).toEqual([{ label: "Reason", text: "Vendor patch ships in January (ticket SEC-412)." }]);
  });

  it("changes the owner to an active colleague, audit-logged by id", async () => {
    const { id, reference } = await recordFinding(lead, finding());
    await changeFindingOwner(lead, reference, { ownerId: responder.userId });
    expect((await db().auditFinding.findUniqueOrThrow({ where: { id } })).ownerId).toBe(responder.userId);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "finding.owner-changed", targetId: id } });
    expect(event.details).toEqual({ reference, fromOwnerId: owner.userId, toOwnerId: responder.userId });
    await expect(changeFindingOwner(lead, reference, { ownerId: gone.userId })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("closes only with a closure note and evidence, then reopens with a reason; the history tells it all", async () => {
    const { id, reference } = await recordFinding(lead, finding());
    await expect(closeFinding(lead, reference, { closureNote: "", closureEvidence: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { closureNote: expect.any(String), closureEvidence: expect.any(String) },
    });
    await expect(closeFinding(lead, reference, { closureNote: "Retention raised to 400 days on the VPN concentrator.", closureEvidence: "" })).rejects.toMatchObject({
      fieldErrors: { closureEvidence: expect.any(String) },
    });
    expect((await db().auditFinding.findUniqueOrThrow({ where: { id } })).status).toBe("open");

    await closeFinding(lead, reference, { closureNote: "Retention raised to 400 days on the VPN concentrator.", closureEvidence: "Change CHG-2291; config export EV-2026-0042" });
    const closed = await db().auditFinding.findUniqueOrThrow({ where: { id } });
    expect(closed).toMatchObject({ status: "closed", closedById: lead.userId, closureEvidence: "Change CHG-2291; config export EV-2026-0042" });
    await expect(closeFinding(lead, reference, { closureNote: "Again, with feeling.", closureEvidence: "Nothing new" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(changeFindingOwner(lead, reference, { ownerId: responder.userId })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(changeFindingDueDate(lead, reference, { dueDate: "2099-01-31", reason: "Needs a vendor patch" })).rejects.toMatchObject({ code: "INVALID_STATE" });

    await expect(reopenFinding(lead, reference, { reason: "" })).rejects.toMatchObject({ fieldErrors: { reason: expect.any(String) } });
    await reopenFinding(lead, reference, { reason: "The retention setting was reverted by the firmware update." });
    expect(await db().auditFinding.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "open", closedAt: null, closureNote: null, closureEvidence: null });
    await expect(reopenFinding(lead, reference, { reason: "Twice is too many" })).rejects.toMatchObject({ code: "INVALID_STATE" });

    const detail = await getFinding(auditor, reference);
    expect(detail.canManage).toBe(false);
    expect(detail.history.map((h) => h.what)).toEqual([
      "Recorded against PII-5b, severity high, owner Person owner, due 2026-12-20.",
      "Closed.",
      "Reopened.",
    ]);
    expect(detail.history[1]!.notes).toEqual([
      { label: "How it was remediated", text: "Retention raised to 400 days on the VPN concentrator." },
      { label: "Evidence of the fix", text: "Change CHG-2291; config export EV-2026-0042" },
    ]);
    expect(detail.history[2]!.notes).toEqual([{ label: "Reason", text: "The retention setting was reverted by the firmware update." }]);
    expect(detail.history[0]!.who).toBe("Person lead");
    const logged = JSON.stringify((await db().auditEvent.findMany({ where: { targetId: id } })).map((e) => e.details));
    expect(logged).not.toContain("VPN concentrator");
    expect(logged).not.toContain("firmware");
  });

  it("lists findings filtered by status and control, sorted in the database, with the deadline colour", async () => {
    const soon = await recordFinding(lead, finding({ controlId: "GS-4d", dueDate: "2026-12-02", title: "Soon" }));
    const later = await recordFinding(lead, finding({ controlId: "GS-4d", dueDate: "2027-03-01", title: "Later" }));
    const page = await listFindings(auditor, { control: "GS-4d", sort: "dueDate", dir: "asc" });
    expect(page.rows.map((r) => [r.reference, r.dueTone, r.dueText])).toEqual([
      [soon.reference, "amber", "in 3 days"],
      [later.reference, "green", "in 92 days"],
    ]);
    expect(page.canManage).toBe(false);
    expect((await listFindings(lead, { control: "GS-4d", sort: "dueDate", dir: "desc" })).rows[0]!.reference).toBe(later.reference);
    await closeFinding(lead, soon.reference, { closureNote: "Ledger re-verified after the repair.", closureEvidence: "Integrity report EV-2026-0007" });
    expect((await listFindings(lead, { control: "GS-4d" })).rows.map((r) => r.reference)).toEqual([later.reference]);
    const closed = await listFindings(lead, { control: "GS-4d", status: "closed" });
    expect(closed.rows.map((r) => [r.reference, r.status, r.dueTone])).toEqual([[soon.reference, "closed", null]]);
    expect((await listFindings(lead, { control: "GS-4d", status: "all" })).total).toBe(2);
  });

  it("the compliance map counts open and overdue findings, and an overdue finding makes its control not met", async () => {
    const { reference } = await recordFinding(lead, finding({ controlId: "PII-4", dueDate: "2026-12-01" }));
    let pii4 = (await getComplianceMap(auditor)).results.find((r) => r.control.id === "PII-4")!;
    // PII-4 covers every system holding Amazon data: not tracked until the access module exists.
    expect(pii4.status).toBe("not_tracked");
    expect(pii4.findings).toEqual({ open: 1, overdue: 0 });
    clock.set("2026-12-02T09:00:00Z");
    try {
      pii4 = (await getComplianceMap(auditor)).results.find((r) => r.control.id === "PII-4")!;
      expect(pii4.status).toBe("not_met");
      expect(pii4.findings).toEqual({ open: 1, overdue: 1 });
      expect(pii4.problems).toContain(`${reference}: audit finding overdue since 2026-12-01`);
    } finally {
      clock.set("2026-11-29T10:00:00Z");
    }
  });

  it("denies: only compliance.manage writes, only compliance.read reads; every denial is logged", async () => {
    const { id, reference } = await recordFinding(lead, finding());
    for (const actor of [auditor, responder, privacy]) {
      await expect(recordFinding(actor, finding())).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(changeFindingOwner(actor, reference, { ownerId: owner.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(changeFindingDueDate(actor, reference, { dueDate: "2026-12-01" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(closeFinding(actor, reference, { closureNote: "Fixed it myself, honestly.", closureEvidence: "Trust me" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reopenFinding(actor, reference, { reason: "Because I can" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Checked against the locked finding, so each refusal names it by id.
    expect(await db().auditEvent.count({ where: { action: "authorization.denied", actorId: auditor.userId, targetId: id } })).toBe(4);
    // Reading: auditors and privacy officers read findings; responders do not.
    await expect(listFindings(auditor, {})).resolves.toBeDefined();
    await expect(getFinding(privacy, reference)).resolves.toMatchObject({ reference, canManage: false });
    await expect(listFindings(responder, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getFinding(responder, reference)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getFinding(auditor, "FND-2026-9999")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the reminder sweep watches remediation due dates", () => {
  it("queues the owner's reminder 7 days ahead, and copies the security leads once overdue, each once", async () => {
    const lead2 = await user("lead2", ["security_lead"]);
    const owner2 = await user("owner2", ["responder"]);
    const { id } = await recordFinding(lead2, finding({ ownerId: owner2.userId, dueDate: "2026-12-04", controlId: "GS-2b" }));
    const outboxFor = (userId: string) => db().outboxEmail.findMany({ where: { template: "reminder:finding.due", toUserId: userId }, orderBy: { createdAt: "asc" }, select: { subject: true } });

    await runSweep(new Date("2026-11-29T10:00:00Z"), { jobs: [], smtp: null });
    expect((await outboxFor(owner2.userId)).map((e) => e.subject)).toContain(`Audit finding ${(await db().auditFinding.findUniqueOrThrow({ where: { id } })).reference}: remediation due in 5 days`);
    expect(await outboxFor(lead2.userId)).toEqual([]);
    expect(await db().sentReminder.count({ where: { key: `finding.due:${id}:2026-12-04:7d` } })).toBe(1);

    // A second sweep the same day sends nothing new.
    await runSweep(new Date("2026-11-29T11:00:00Z"), { jobs: [], smtp: null });
    expect(await db().sentReminder.count({ where: { key: { startsWith: `finding.due:${id}:` } } })).toBe(1);

    await runSweep(new Date("2026-12-06T08:00:00Z"), { jobs: [], smtp: null });
    expect(await db().sentReminder.count({ where: { key: `finding.due:${id}:2026-12-04:overdue-1` } })).toBe(1);
    const leadMail = await outboxFor(lead2.userId);
    expect(leadMail.some((e) => e.subject.startsWith("OVERDUE: remediation of audit finding"))).toBe(true);

    // Closed: no more reminders, even weeks later.
    const reference = (await db().auditFinding.findUniqueOrThrow({ where: { id } })).reference;
    await closeFinding(lead2, reference, { closureNote: "Access review done and signed off.", closureEvidence: "Review record AR-2026-Q4" });
    await runSweep(new Date("2026-12-20T08:00:00Z"), { jobs: [], smtp: null });
    expect(await db().sentReminder.count({ where: { key: { startsWith: `finding.due:${id}:` } } })).toBe(2);
  });
});
