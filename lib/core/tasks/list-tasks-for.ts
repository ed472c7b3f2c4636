import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db, type Db } from "@/lib/db/client";
import { authorizeSubject, type TTaskSubject } from "./task-subject";
import type { TTaskRow } from "./types";

/** The subject's tasks, open ones first by due time, then the rest newest first. */
export async function listTasksFor(actor: Actor, subject: TTaskSubject, database: Db = db()): Promise<TTaskRow[]> {
  await authorizeSubject(actor, subject, subject.readPermission);
  // The ("subjectType", "subjectId", "createdAt") index.
  const tasks = await database.task.findMany({ where: { subjectType: subject.type, subjectId: subject.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const rank = (state: string) => (state === "open" ? 0 : 1);
  return tasks
    .sort((a, b) => rank(a.state) - rank(b.state) || (a.state === "open" ? (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) : b.createdAt.getTime() - a.createdAt.getTime()))
    .map((task) => ({
      id: task.id,
      title: task.title,
      ownerId: task.ownerId,
      dueAt: task.dueAt?.toISOString() ?? null,
      state: task.state,
      completionNote: task.completionNote,
      completionEvidenceId: task.completionEvidenceId,
      completedById: task.completedById,
      completedAt: task.completedAt?.toISOString() ?? null,
      createdAt: task.createdAt.toISOString(),
    }));
}
