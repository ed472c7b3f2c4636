import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { noticeReminderRecipients } from "@/lib/notices";
import { UNDELIVERED_NOTICE_HORIZON_MS, type TPendingNotice } from "@/lib/notices/types";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { LEGAL_REQUEST_NOTICE_RULE, legalRequestNoticeReminder, legalRequestUndeliveredNoticeReminder } from "./legal-request-amazon-notice.pure";

export const legalRequestNoticeRule: TReminderRule = {
  name: LEGAL_REQUEST_NOTICE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open requests not yet notified whose notice falls due within 12 hours or is overdue, as
    // the clock registry lists them.
    const items = await clockSource("legal-request.amazon-notice").listOpen(database, now, {
      dueBefore: new Date(now.getTime() + UNDELIVERED_NOTICE_HORIZON_MS),
      scope: { kind: "all" },
    });
    if (items.length === 0) return [];
    const recipients = await noticeReminderRecipients(database);
    return items.flatMap((item) => {
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
      return [legalRequestUndeliveredNoticeReminder(request, now, recipients), legalRequestNoticeReminder(request, now, recipients)].filter((r) => r !== null);
    });
  },
};
