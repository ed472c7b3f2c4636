import "server-only";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { openAlarmReminder } from "./open-alarm.pure";

export const openAlarmRule: TReminderRule = {
  name: "alarm.open",
  async collect(database: Db): Promise<TDueReminder[]> {
    const alarms = await database.alarm.findMany({
      where: { status: "open" },
      select: { id: true, rule: true, title: true, status: true },
    });
    if (alarms.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return alarms.flatMap((a) => {
      const reminder = openAlarmReminder(a, leads);
      return reminder ? [reminder] : [];
    });
  },
};
