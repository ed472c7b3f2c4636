import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { expectAppError, makeUser } from "@/test/incidents/fixtures";
import { cancelTask } from "./cancel-task";
import { completeTask } from "./complete-task";
import { createTask } from "./create-task";
import { listTasksFor } from "./list-tasks-for";
import { reopenTask } from "./reopen-task";
import type { TTaskSubject } from "./task-subject";

const clock = fixedClock("2026-11-30T10:00:00Z");
let restore: () => void;
let lead: Actor & { kind: "user" }, member: Actor & { kind: "user" }, outsider: Actor & { kind: "user" }, auditor: Actor;
let subject: TTaskSubject;
let other: TTaskSubject;
let evidenceId: string;

// As the incident module would hand it over: its permissions, checked against its members.
const incidentSubject = (id: string, reference: string, memberIds: string[]): TTaskSubject => ({
  type: "incident",
  id,
  reference,
  link: `/incidents/${reference}`,
  memberIds,
  permission: "incident.update",
  readPermission: "incident.read",
});

beforeAll(async () => {
  restore = setClock(clock);
  lead = await makeUser(["security_lead"], "Lead");
  member = await makeUser(["responder"], "Member");
  outsider = await makeUser(["responder"], "Outsider");
  auditor = await makeUser(["auditor"], "Auditor");
  subject = incidentSubject("inc_task_a", "INC-2026-0701", [member.userId]);
  other = incidentSubject("inc_task_b", "INC-2026-0702", [outsider.userId]);
  const incident = await db().incident.create({
    data: { id: "inc_task_a", reference: "INC-2026-0701", title: "t", summary: "s", typeId: "lost-device", severity: "SEV3", detectedAt: new Date(), amazonInfoAnswer: "no", amazonInfoInvolved: false, reportedById: member.userId, createdById: member.userId, memberIds: [member.userId] },
  });
  evidenceId = newId("evd");
  await db().evidenceItem.create({
    data: { id: evidenceId, label: "EVD-2026-0701", incidentId: incident.id, kind: "digital", description: "Wipe log", collectedById: member.userId, collectedAt: new Date(), collectionMethod: "Export", custodianId: member.userId, storageLocation: "Vigil" },
  });
});
afterAll(async () => {
  restore();
  await db().$disconnect();
});

const eventsFor = (taskId: string) => db().auditEvent.findMany({ where: { targetType: "task", targetId: taskId }, orderBy: { sequence: "asc" } });

describe("generic tasks", () => {
  it("lets the owning module's permission decide who adds a task, and records it by ids", async () => {
    const { id } = await createTask(member, subject, { title: "Wipe the laptop remotely", ownerId: member.userId, dueAt: "2026-12-02" });
    const task = await db().task.findUniqueOrThrow({ where: { id } });
    expect(task).toMatchObject({ subjectType: "incident", subjectId: "inc_task_a", state: "open", link: "/incidents/INC-2026-0701", dueAt: new Date("2026-12-02T23:59:59.999Z") });
    const [event] = await eventsFor(id);
    expect(event).toMatchObject({ action: "task.created", details: { subjectType: "incident", subjectId: "inc_task_a", ownerId: member.userId } });

    await expectAppError(createTask(outsider, subject, { title: "Not my incident", ownerId: outsider.userId }), "FORBIDDEN");
    await expectAppError(createTask(auditor, subject, { title: "Read only", ownerId: lead.userId }), "FORBIDDEN");
    expect(await db().task.count({ where: { subjectId: "inc_task_a" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "authorization.denied", actorId: outsider.userId } })).toBe(1);
    await expectAppError(createTask(lead, subject, { title: "Owner unknown", ownerId: "usr_nobody" }), "VALIDATION");
  });

  it("refuses completion without proof, and keeps the note in the task, not the audit log", async () => {
    const { id } = await createTask(lead, subject, { title: "Rotate the API keys", ownerId: member.userId });
    const fields = await expectAppError(completeTask(member, subject, id, { note: "done" }), "VALIDATION");
    expect(fields).toHaveProperty("note");
    expect((await db().task.findUniqueOrThrow({ where: { id } })).state).toBe("open");

    const note = "Rotated all three LWA client secrets; old ones revoked.";
    await completeTask(member, subject, id, { note });
    const task = await db().task.findUniqueOrThrow({ where: { id } });
    expect(task).toMatchObject({ state: "done", completionNote: note, completedById: member.userId, completedAt: new Date("2026-11-30T10:00:00Z") });
    const completed = (await eventsFor(id)).find((e) => e.action === "task.completed")!;
    expect(JSON.stringify(completed.details)).not.toContain("Rotated");
    const noteId = (completed.details as { noteId: string }).noteId;
    expect(await db().taskNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({ taskId: id, kind: "completion", text: note });
    await expectAppError(completeTask(member, subject, id, { note }), "INVALID_STATE");
  });

  it("accepts an evidence item the actor may read as proof, and refuses one that does not exist", async () => {
    const { id } = await createTask(member, subject, { title: "Keep the wipe log", ownerId: member.userId });
    await expectAppError(completeTask(member, subject, id, { evidenceId: "evd_missing" }), "VALIDATION");
    await completeTask(member, subject, id, { evidenceId: "EVD-2026-0701" });
    expect(await db().task.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "done", completionEvidenceId: evidenceId, completionNote: null });
    expect((await eventsFor(id)).at(-1)!.details).toMatchObject({ evidenceId, noteId: null });
  });

  it("reopens with a reason (the old proof no longer stands) and cancels with a reason", async () => {
    const { id } = await createTask(lead, subject, { title: "Notify the carrier", ownerId: member.userId });
    await expectAppError(reopenTask(lead, subject, id, { reason: "Still open" }), "INVALID_STATE");
    await completeTask(member, subject, id, { note: "Called the carrier's security desk." });
    await expectAppError(reopenTask(lead, subject, id, { reason: "" }), "VALIDATION");
    await reopenTask(lead, subject, id, { reason: "Need their written confirmation." });
    expect(await db().task.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "open", completionNote: null, completedAt: null, completedById: null });
    await cancelTask(lead, subject, id, { reason: "Carrier no longer involved." });
    expect((await db().task.findUniqueOrThrow({ where: { id } })).state).toBe("cancelled");
    await expectAppError(cancelTask(lead, subject, id, { reason: "Again" }), "INVALID_STATE");
    const events = await eventsFor(id);
    expect(events.map((e) => e.action)).toEqual(["task.created", "task.completed", "task.reopened", "task.cancelled"]);
    expect(events.map((e) => JSON.stringify(e.details)).join()).not.toMatch(/carrier|confirmation/i);
    const notes = await db().taskNote.findMany({ where: { taskId: id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.kind).sort()).toEqual(["cancelled", "completion", "reopened"]);
  });

  it("finds a task only through its own subject", async () => {
    const { id } = await createTask(lead, subject, { title: "Only here", ownerId: member.userId });
    await expectAppError(completeTask(outsider, other, id, { note: "Done by someone else entirely." }), "NOT_FOUND");
    await expectAppError(cancelTask(outsider, subject, id, { reason: "Not mine" }), "FORBIDDEN");
    expect((await db().task.findUniqueOrThrow({ where: { id } })).state).toBe("open");
  });

  it("lists a subject's tasks to those who may read it, open ones first by due time", async () => {
    await createTask(lead, subject, { title: "Due soonest", ownerId: member.userId, dueAt: "2026-12-01T08:00:00Z" });
    const rows = await listTasksFor(member, subject);
    expect(rows[0]!.title).toBe("Due soonest");
    expect(rows.findIndex((r) => r.state !== "open")).toBeGreaterThan(rows.findLastIndex((r) => r.state === "open"));
    expect(rows.filter((r) => r.state === "open").map((r) => r.title)).toEqual(["Due soonest", "Wipe the laptop remotely", "Only here"]);
    expect((await listTasksFor(auditor, subject)).length).toBe(rows.length);
    await expectAppError(listTasksFor(outsider, subject), "FORBIDDEN");
  });
});
