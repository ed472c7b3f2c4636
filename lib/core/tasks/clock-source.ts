import "server-only";
// Open generic tasks with a due time, for the clock registry (lib/core/clocks). Tasks belong to
// many kinds of record, each with its own permissions, so the list shows each person the tasks
// they own; a module that wants its records' tasks shown to everyone who may read the record
// registers its own source.
import { DAYS, stateRule } from "@/lib/core/clocks/clock-state";
import type { TClockSource } from "@/lib/core/clocks/types";

const taskState = stateRule({ dueSoonWithinMs: DAYS(1) });

export const taskDueClock: TClockSource = {
  kind: "task.due",
  label: "Task",
  permission: "assignment.acknowledge",
  scoping: "own",
  state: taskState,
  async listOpen(database, now, { dueBefore, scope, limit }) {
    if (scope.kind !== "member") return [];
    // The ("ownerId", "state", "dueAt") index.
    const tasks = await database.task.findMany({
      where: { ownerId: scope.userId, state: "open", dueAt: { lt: dueBefore } },
      select: { id: true, title: true, ownerId: true, dueAt: true, subjectReference: true, link: true },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit,
    });
    return tasks.map((task) => ({
      kind: "task.due",
      id: task.id,
      title: task.title,
      reference: task.subjectReference,
      dueAt: task.dueAt!,
      ownerIds: [task.ownerId],
      link: task.link,
      state: taskState(task.dueAt!, now),
    }));
  },
};
