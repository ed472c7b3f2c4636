import "server-only";
import type { Db } from "@/lib/db/client";
import { noticeReminderRecipients } from "@/lib/notices";
import { NOTICE_REMINDER_HORIZON_MS } from "@/lib/notices/types";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { OPEN_STATUSES } from "../status-rules";
import { INCIDENT_NOTICE_RULE, incidentNoticeReminder } from "./incident-amazon-notice.pure";

export const incidentNoticeRule: TReminderRule = {
  name: INCIDENT_NOTICE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open incidents not yet notified whose notice falls due within 12 hours or is overdue.
    const incidents = await database.incident.findMany({
      where: { amazonNotifiedAt: null, status: { in: [...OPEN_STATUSES] }, notificationDueAt: { lte: new Date(now.getTime() + NOTICE_REMINDER_HORIZON_MS) } },
      select: { id: true, reference: true, title: true, status: true, commanderId: true, notificationDueAt: true, amazonNotifiedAt: true },
      orderBy: { notificationDueAt: "asc" },
    });
    if (incidents.length === 0) return [];
    const recipients = await noticeReminderRecipients(database);
    return incidents.flatMap((incident) => incidentNoticeReminder(incident, now, recipients) ?? []);
  },
};
