import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { CONTROL_ACTIVITY_CLOCK } from "../clock-source";
import { ACTIVITY_DUE_RULE, activityDueReminder } from "./activity-due.pure";

export const activityDueRule: TReminderRule = {
  name: ACTIVITY_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Activities due within 3 days or overdue, as the clock registry lists them.
    const items = await clockSource(CONTROL_ACTIVITY_CLOCK).listOpen(database, now, { dueBefore: utcDay(now, 4), scope: { kind: "all" } });
    if (items.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return items.flatMap((item) => {
      const reminder = activityDueReminder({ id: item.id, reference: item.reference, title: item.title, ownerId: item.ownerIds[0]!, dueOn: item.dueAt }, now, leads);
      return reminder ? [reminder] : [];
    });
  },
};
