import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { INCIDENT_TASK_RULE, incidentTaskReminder, utcDay } from "./incident-task.pure";

export const incidentTaskRule: TReminderRule = {
  name: INCIDENT_TASK_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open tasks of open incidents due tomorrow or earlier, as the clock registry lists them (due
    // days are dates: before the day after tomorrow).
    const items = await clockSource("incident.task").listOpen(database, now, { dueBefore: utcDay(now, 2), scope: { kind: "all" } });
    return items.flatMap((item) => {
      const task = {
        id: item.id,
        title: item.title,
        ownerId: item.ownerIds[0]!,
        dueDate: item.dueAt,
        doneAt: null,
        incident: { reference: item.reference, status: item.facts!.status as IncidentStatus, commanderId: item.facts?.commanderId ?? null },
      };
      return incidentTaskReminder(task, now) ?? [];
    });
  },
};
