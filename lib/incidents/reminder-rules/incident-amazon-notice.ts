import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { noticeReminderRecipients } from "@/lib/notices";
import { UNDELIVERED_NOTICE_HORIZON_MS, type TPendingNotice } from "@/lib/notices/types";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { INCIDENT_NOTICE_RULE, incidentNoticeReminder, incidentUndeliveredNoticeReminder } from "./incident-amazon-notice.pure";

export const incidentNoticeRule: TReminderRule = {
  name: INCIDENT_NOTICE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Notices to Amazon not yet given, as the clock registry lists them (every open clock: a held
    // or failed notice is reported at once; the thresholds start 12 hours before due); the rule
    // itself stays quiet once the incident is no longer open.
    const items = await clockSource("incident.amazon-notice").listOpen(database, now, {
      dueBefore: new Date(now.getTime() + UNDELIVERED_NOTICE_HORIZON_MS),
      scope: { kind: "all" },
    });
    if (items.length === 0) return [];
    const recipients = await noticeReminderRecipients(database);
    return items.flatMap((item) => {
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
      return [incidentUndeliveredNoticeReminder(incident, now, recipients), incidentNoticeReminder(incident, now, recipients)].filter((r) => r !== null);
    });
  },
};
