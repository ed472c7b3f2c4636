import "server-only";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { collectFromClock, type TReminderRule, noRecipients } from "@/lib/reminders";
import { INCIDENT_TASK_RULE, incidentTaskReminder, utcDay } from "./incident-task.pure";

// Open tasks of open incidents due tomorrow or earlier, as the clock registry lists them (due
// days are dates: before the day after tomorrow).
export const incidentTaskRule: TReminderRule = {
  name: INCIDENT_TASK_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: "incident.task",
      dueBefore: utcDay(now, 2),
      recipients: noRecipients,
      remind: (item) =>
        incidentTaskReminder(
          {
            id: item.id,
            title: item.title,
            ownerId: item.ownerIds[0]!,
            dueDate: item.dueAt,
            doneAt: null,
            incident: { reference: item.reference, status: item.facts!.status as IncidentStatus, commanderId: item.facts?.commanderId ?? null },
          },
          now,
        ),
    }),
};
