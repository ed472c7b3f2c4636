import { z } from "zod";
import type { Db } from "@/lib/db/client";

/**
 * A reminder that is due now. Rules read the current state of records, so a moved deadline or
 * a closed record changes what they return with no cleanup. The key names rule, record and
 * threshold; the engine records it when sent, so one key goes out once, ever.
 */
export interface TDueReminder {
  /** e.g. "incident.amazon-notice:inc_123:12h" */
  key: string;
  recipientUserIds: string[];
  /** Due within 24 hours or overdue: always sent at once, never held for a digest. */
  urgent: boolean;
  subject: string;
  /** Plain-text paragraphs; the mail template wraps them in Vigil's look with the link. */
  lines: string[];
  /** A warning shown first, in red (a notice to Amazon held or failed). */
  alert?: string;
  /** Path inside Vigil, e.g. "/incidents/INC-2026-0001". */
  link: string;
}

export interface TReminderRule {
  /** Stable name, the first part of every key it makes. */
  name: string;
  collect(database: Db, now: Date): Promise<TDueReminder[]>;
}

export const ZNotificationPreferences = z.object({
  mode: z.enum(["immediate", "digest"], { message: "Choose immediate emails or a daily digest" }),
  digestHour: z.coerce
    .number({ message: "Choose an hour" })
    .int("Choose a whole hour")
    .min(0, "Choose an hour between 00:00 and 23:00")
    .max(23, "Choose an hour between 00:00 and 23:00"),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export interface TNotificationPreferencesView extends TNotificationPreferences {
  timeZone: string;
}
