import "server-only";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { auditorAccessReminder } from "./auditor-access-ending.pure";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export const auditorAccessEndingRule: TReminderRule = {
  name: "auditor.access-ending",
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const auditors = await database.user.findMany({
      where: {
        roles: { has: "auditor" },
        status: { not: "deactivated" },
        accessEndsAt: { gt: now, lte: new Date(now.getTime() + WEEK_MS) },
      },
      select: { id: true, roles: true, status: true, accessEndsAt: true },
    });
    if (auditors.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return auditors.flatMap((a) => {
      const reminder = auditorAccessReminder({ userId: a.id, roles: a.roles, status: a.status, accessEndsAt: a.accessEndsAt }, now, leads);
      return reminder ? [reminder] : [];
    });
  },
};
