import type { TDueReminder } from "@/lib/reminders/types";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TAccessThreshold = "7d" | "1d";

/** The nearest threshold crossed before an auditor's access ends; none once it has ended. */
export function auditorAccessThreshold(accessEndsAt: Date, now: Date): TAccessThreshold | null {
  const remaining = accessEndsAt.getTime() - now.getTime();
  if (remaining <= 0) return null;
  if (remaining <= DAY_MS) return "1d";
  if (remaining <= 7 * DAY_MS) return "7d";
  return null;
}

export interface TAuditorState {
  userId: string;
  roles: readonly string[];
  status: string;
  accessEndsAt: Date | null;
}

/**
 * An auditor's access ends in 7 days, then in 1 day: tell the auditor and the security leads.
 * The end date is part of the key, so extending the access starts its reminders afresh.
 */
export function auditorAccessReminder(auditor: TAuditorState, now: Date, securityLeadIds: readonly string[]): TDueReminder | null {
  if (!auditor.roles.includes("auditor") || auditor.status === "deactivated" || !auditor.accessEndsAt) return null;
  const threshold = auditorAccessThreshold(auditor.accessEndsAt, now);
  if (!threshold) return null;
  const ends = auditor.accessEndsAt.toISOString();
  const when = `${ends.slice(0, 16).replace("T", " ")} UTC`;
  return {
    key: `auditor.access-ending:${auditor.userId}:${ends}:${threshold}`,
    recipientUserIds: [...new Set([auditor.userId, ...securityLeadIds])],
    urgent: threshold === "1d",
    subject: threshold === "1d" ? "Auditor access to Vigil ends within a day" : "Auditor access to Vigil ends in 7 days",
    lines: [
      `An auditor account's access to Vigil ends on ${when}.`,
      "After that the auditor can no longer sign in. A security lead can extend the access if the audit is still running.",
    ],
    link: `/settings/users/${auditor.userId}`,
  };
}
