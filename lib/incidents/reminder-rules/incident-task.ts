import "server-only";
import type { Db } from "@/lib/db/client";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { OPEN_STATUSES } from "../status-rules";
import { INCIDENT_TASK_RULE, incidentTaskReminder, utcDay } from "./incident-task.pure";

export const incidentTaskRule: TReminderRule = {
  name: INCIDENT_TASK_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open tasks of open incidents due tomorrow or earlier (the ("doneAt", "dueDate") index).
    const tasks = await database.incidentTask.findMany({
      where: { doneAt: null, dueDate: { lte: utcDay(now, 1) }, incident: { status: { in: [...OPEN_STATUSES] } } },
      select: { id: true, title: true, ownerId: true, dueDate: true, doneAt: true, incident: { select: { reference: true, status: true, commanderId: true } } },
    });
    return tasks.flatMap((task) => incidentTaskReminder(task, now) ?? []);
  },
};
