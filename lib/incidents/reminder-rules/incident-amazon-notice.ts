import "server-only";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { noticeReminderRecipients } from "@/lib/notices";
import { UNDELIVERED_NOTICE_HORIZON_MS, type TPendingNotice } from "@/lib/notices/types";
import { collectFromClock, type TReminderRule } from "@/lib/reminders";
import { INCIDENT_NOTICE_RULE, incidentNoticeReminder, incidentUndeliveredNoticeReminder } from "./incident-amazon-notice.pure";

// Notices to Amazon not yet given, as the clock registry lists them (every open clock: a held or
// failed notice is reported at once; the thresholds start 12 hours before due); the rule itself
// stays quiet once the incident is no longer open.
export const incidentNoticeRule: TReminderRule = {
  name: INCIDENT_NOTICE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: "incident.amazon-notice",
      dueBefore: new Date(now.getTime() + UNDELIVERED_NOTICE_HORIZON_MS),
      recipients: noticeReminderRecipients,
      remind: (item, recipients) => {
        const incident = {
          id: item.id,
          reference: item.reference,
          title: item.title,
          status: item.facts!.status as IncidentStatus,
          commanderId: item.ownerIds[0] ?? null,
          notificationDueAt: item.dueAt,
          amazonNotifiedAt: null,
          notice: item.facts?.notice as TPendingNotice | undefined,
        };
        return [incidentUndeliveredNoticeReminder(incident, now, recipients), incidentNoticeReminder(incident, now, recipients)];
      },
    }),
};
