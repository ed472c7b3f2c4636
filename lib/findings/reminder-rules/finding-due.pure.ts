import type { TDueReminder } from "@/lib/reminders/types";
import { daysLeft, dueText, formatDay } from "../due-rules";

export const FINDING_DUE_RULE = "finding.due";

/**
 * The latest threshold an open finding's due date has crossed: 7 days before, 1 day before,
 * the due day, then one per week while overdue ("overdue-1", "overdue-2", ...). None while more
 * than 7 days are left.
 */
export function findingDueThreshold(dueDate: Date, now: Date): string | null {
  const left = daysLeft(dueDate, now);
  if (left > 7) return null;
  if (left >= 2) return "7d";
  if (left === 1) return "1d";
  if (left === 0) return "due";
  return `overdue-${Math.floor((-left - 1) / 7) + 1}`;
}

export interface TFindingDueState {
  id: string;
  reference: string;
  title: string;
  controlId: string;
  ownerId: string;
  dueDate: Date;
  status: "open" | "closed";
}

/**
 * Reminds the owner of an open finding as its remediation deadline nears, and weekly once it
 * is overdue, copying the security leads then. The due day is part of the key, so a moved
 * deadline reminds afresh; a closed finding reminds no one.
 */
export function findingDueReminder(finding: TFindingDueState, now: Date, securityLeadIds: readonly string[]): TDueReminder | null {
  if (finding.status !== "open") return null;
  const threshold = findingDueThreshold(finding.dueDate, now);
  if (!threshold) return null;
  const overdue = threshold.startsWith("overdue");
  const due = formatDay(finding.dueDate);
  return {
    key: `${FINDING_DUE_RULE}:${finding.id}:${due}:${threshold}`,
    recipientUserIds: [...new Set([finding.ownerId, ...(overdue ? securityLeadIds : [])])],
    urgent: threshold !== "7d",
    subject: overdue
      ? `OVERDUE: remediation of audit finding ${finding.reference}`
      : `Audit finding ${finding.reference}: remediation due ${dueText(finding.dueDate, now)}`,
    lines: [
      `${finding.reference} (control ${finding.controlId}): ${finding.title}`,
      `Remediation is due on ${due}: ${dueText(finding.dueDate, now)}.`,
      overdue
        ? "Close it with the evidence of the fix, or agree a new due date with the security lead and record the reason."
        : "Close it in Vigil with a note and the evidence of the fix once it is remediated.",
    ],
    link: `/compliance/findings/${finding.reference}`,
  };
}
