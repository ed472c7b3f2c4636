import "server-only";
import { noticeReminderRecipients } from "@/lib/notices";
import { UNDELIVERED_NOTICE_HORIZON_MS, type TPendingNotice } from "@/lib/notices/types";
import { collectFromClock, type TReminderRule } from "@/lib/reminders";
import { LEGAL_REQUEST_NOTICE_RULE, legalRequestNoticeReminder, legalRequestUndeliveredNoticeReminder } from "./legal-request-amazon-notice.pure";

// Open requests not yet notified whose notice falls due within 12 hours or is overdue, as the
// clock registry lists them.
export const legalRequestNoticeRule: TReminderRule = {
  name: LEGAL_REQUEST_NOTICE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: "legal-request.amazon-notice",
      dueBefore: new Date(now.getTime() + UNDELIVERED_NOTICE_HORIZON_MS),
      recipients: noticeReminderRecipients,
      remind: (item, recipients) => {
        const request = {
          id: item.id,
          reference: item.reference,
          requestingParty: item.facts!.requestingParty!,
          createdById: item.ownerIds[0]!,
          notificationDueAt: item.dueAt,
          amazonNotifiedAt: null,
          closedAt: null,
          notice: item.facts?.notice as TPendingNotice | undefined,
        };
        return [legalRequestUndeliveredNoticeReminder(request, now, recipients), legalRequestNoticeReminder(request, now, recipients)];
      },
    }),
};
