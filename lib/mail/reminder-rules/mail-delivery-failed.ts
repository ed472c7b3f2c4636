import "server-only";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { DELIVERY_FAILED_RULE, deliveryFailedReminder } from "./mail-delivery-failed.pure";

/** Only recent failures are considered: older ones were reminded about long ago. */
const LOOK_BACK_MS = 7 * 24 * 60 * 60 * 1000;

export const mailDeliveryFailedRule: TReminderRule = {
  name: DELIVERY_FAILED_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const failed = await database.outboxEmail.findMany({
      where: { status: "failed", failedAt: { gte: new Date(now.getTime() - LOOK_BACK_MS) } },
      select: { id: true, template: true, status: true, failedAt: true },
    });
    if (failed.length === 0) return [];
    const admins = await activeUserIdsWithRole(database, "admin");
    return failed.flatMap((e) => {
      const reminder = deliveryFailedReminder(e, admins);
      return reminder ? [reminder] : [];
    });
  },
};
