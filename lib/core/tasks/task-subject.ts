import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Task } from "@/lib/generated/prisma/client";

/**
 * The record a task belongs to, as the owning module hands it over: found and scoped by that
 * module, with the permissions that guard its tasks. The module decides; the task services only
 * check what they are given (e.g. incidents: { permission: "incident.update", readPermission:
 * "incident.read", memberIds: incident.memberIds }).
 */
export interface TTaskSubject {
  type: string;
  id: string;
  /** What people call it (INC-2026-0001); fixed, since references never change. */
  reference: string;
  /** Its screen, where tasks are worked. */
  link: string;
  /** For "assigned" grants: the people the record belongs to. */
  memberIds?: readonly string[];
  /** To add, complete, reopen or cancel its tasks. */
  permission: Permission;
  /** To list its tasks. */
  readPermission: Permission;
}

export async function authorizeSubject(actor: Actor, subject: TTaskSubject, permission: Permission): Promise<void> {
  await authorize(actor, permission, { type: subject.type, id: subject.id, memberIds: subject.memberIds });
}

/**
 * The task, found through its subject (never by id alone) and row-locked until the transaction
 * ends, so two people changing it at once take turns and the second sees the first's result.
 */
export async function lockTask(tx: Tx, subject: TTaskSubject, taskId: string): Promise<Task> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Task" WHERE "id" = ${taskId} AND "subjectType" = ${subject.type} AND "subjectId" = ${subject.id} FOR UPDATE`;
  const task = locked[0] ? await tx.task.findUnique({ where: { id: locked[0].id } }) : null;
  if (!task) throw new AppError("NOT_FOUND", "No such task on this record.");
  return task;
}

export function taskTarget(task: { id: string }) {
  return { type: "task", id: task.id };
}

/** What every task audit event carries: ids only. */
export function taskDetails(task: { subjectType: string; subjectId: string }, extra: Record<string, string | null> = {}) {
  return { subjectType: task.subjectType, subjectId: task.subjectId, ...extra };
}

/** Keeps typed text about a task; the audit event names the returned id, never the text. */
export async function addTaskNote(tx: Tx, taskId: string, authorId: string, at: Date, kind: "completion" | "reopened" | "cancelled", text: string): Promise<string> {
  const note = await tx.taskNote.create({ data: { id: newId("tkn"), taskId, kind, text, authorId, createdAt: at } });
  return note.id;
}
