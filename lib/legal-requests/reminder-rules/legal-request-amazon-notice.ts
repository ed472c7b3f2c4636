import "server-only";
import type { Db } from "@/lib/db/client";
import { noticeReminderRecipients } from "@/lib/notices";
import { NOTICE_REMINDER_HORIZON_MS } from "@/lib/notices/types";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { LEGAL_REQUEST_NOTICE_RULE, legalRequestNoticeReminder } from "./legal-request-amazon-notice.pure";

export const legalRequestNoticeRule: TReminderRule = {
  name: LEGAL_REQUEST_NOTICE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open requests not yet notified whose notice falls due within 12 hours or is overdue.
    const requests = await database.legalRequest.findMany({
      where: { amazonNotifiedAt: null, closedAt: null, notificationDueAt: { lte: new Date(now.getTime() + NOTICE_REMINDER_HORIZON_MS) } },
      select: { id: true, reference: true, requestingParty: true, createdById: true, notificationDueAt: true, amazonNotifiedAt: true, closedAt: true },
      orderBy: { notificationDueAt: "asc" },
    });
    if (requests.length === 0) return [];
    const recipients = await noticeReminderRecipients(database);
    return requests.flatMap((request) => legalRequestNoticeReminder(request, now, recipients) ?? []);
  },
};
