import "server-only";
import { collectFromClock, type TReminderRule, securityLeads } from "@/lib/reminders";
import { utcDay } from "../due-rules";
import { FINDING_DUE_RULE, findingDueReminder } from "./finding-due.pure";

// Open findings due within a week or already overdue, as the clock registry lists them.
export const findingDueRule: TReminderRule = {
  name: FINDING_DUE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: "finding.due",
      dueBefore: utcDay(now, 8),
      recipients: securityLeads,
      remind: (item, leads) =>
        findingDueReminder(
          { id: item.id, reference: item.reference, title: item.title, controlId: item.facts?.controlId ?? "", ownerId: item.ownerIds[0]!, dueDate: item.dueAt, status: "open" },
          now,
          leads,
        ),
    }),
};
