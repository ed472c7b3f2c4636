import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { utcDay } from "../due-rules";
import { FINDING_DUE_RULE, findingDueReminder } from "./finding-due.pure";

export const findingDueRule: TReminderRule = {
  name: FINDING_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open findings due within a week or already overdue, as the clock registry lists them.
    const items = await clockSource("finding.due").listOpen(database, now, { dueBefore: utcDay(now, 8), scope: { kind: "all" } });
    if (items.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return items.flatMap((item) => {
      const finding = { id: item.id, reference: item.reference, title: item.title, controlId: item.facts?.controlId ?? "", ownerId: item.ownerIds[0]!, dueDate: item.dueAt, status: "open" as const };
      const reminder = findingDueReminder(finding, now, leads);
      return reminder ? [reminder] : [];
    });
  },
};
