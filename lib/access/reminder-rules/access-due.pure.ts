// The three access governance reminders as pure rules (fixed-clock tests in access-due.test.ts):
// the review campaign, a leaver's 24 hours, a credential's rotation. Keys carry the due time, so
// a moved deadline reminds afresh; each threshold goes out once.
import type { TDueReminder } from "@/lib/reminders/types";
import { daysLeft, dueText, formatDay } from "@/lib/findings/types";

export const ACCESS_CAMPAIGN_RULE = "access.campaign-due";
export const ACCESS_LEAVER_RULE = "access.leaver";
export const ACCESS_ROTATION_RULE = "access.rotation-due";

const HOUR = 3_600_000;

/** Campaign: when it opens (14 days), 7 days, 1 day, and weekly once overdue (then the security leads too). */
export function campaignThreshold(dueOn: Date, now: Date): string | null {
  const left = daysLeft(dueOn, now);
  if (left > 14) return null;
  if (left > 7) return "open";
  if (left > 1) return "7d";
  if (left >= 0) return "1d";
  return `overdue-${Math.floor((-left - 1) / 7) + 1}`;
}

export function campaignReminder(campaign: { id: string; reference: string; dueOn: Date; reviewerIds: readonly string[]; undecided: number }, now: Date, leadIds: readonly string[]): TDueReminder | null {
  const threshold = campaignThreshold(campaign.dueOn, now);
  if (!threshold) return null;
  const overdue = threshold.startsWith("overdue");
  const recipients = [...new Set([...campaign.reviewerIds, ...(overdue || campaign.reviewerIds.length === 0 ? leadIds : [])])];
  if (recipients.length === 0) return null;
  const due = formatDay(campaign.dueOn);
  return {
    key: `${ACCESS_CAMPAIGN_RULE}:${campaign.id}:${due}:${threshold}`,
    recipientUserIds: recipients,
    urgent: threshold !== "open" && threshold !== "7d",
    subject: overdue ? `OVERDUE: access review ${campaign.reference}` : `Access review ${campaign.reference} due ${dueText(campaign.dueOn, now)}`,
    lines: [
      `The quarterly access review ${campaign.reference} is due on ${due}: ${dueText(campaign.dueOn, now)}.`,
      campaign.undecided > 0 ? `${campaign.undecided} account(s) still need a decision: keep, revoke or change.` : "Every account has a decision: it waits for sign-off by someone who did not review it.",
    ],
    link: `/access/campaigns/${campaign.reference}`,
  };
}

/** Leaver: once the end day has passed, 12 hours before the 24 hours end, then each day overdue (the administrators too). */
export function leaverThreshold(dueAt: Date, now: Date): string | null {
  const left = dueAt.getTime() - now.getTime();
  if (left > 24 * HOUR) return null;
  if (left > 12 * HOUR) return "left";
  if (left >= 0) return "12h";
  return `overdue-${Math.floor(-left / (24 * HOUR)) + 1}`;
}

export function leaverReminder(leaver: { id: string; reference: string; dueAt: Date; accounts: number }, now: Date, leadIds: readonly string[], adminIds: readonly string[]): TDueReminder | null {
  const threshold = leaverThreshold(leaver.dueAt, now);
  if (!threshold) return null;
  const overdue = threshold.startsWith("overdue");
  const recipients = [...new Set([...leadIds, ...(overdue ? adminIds : [])])];
  if (recipients.length === 0) return null;
  return {
    key: `${ACCESS_LEAVER_RULE}:${leaver.id}:${leaver.dueAt.toISOString()}:${threshold}`,
    recipientUserIds: recipients,
    urgent: true,
    // No name in the subject: the person's reference only.
    subject: overdue ? `OVERDUE: a leaver's access (${leaver.reference}) is not revoked` : `A leaver's access (${leaver.reference}) must be revoked within 24 hours`,
    lines: [
      `${leaver.reference} has left and still holds ${leaver.accounts} active account(s).`,
      `Every account must be revoked by ${leaver.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Revocations after that are recorded as late.`,
    ],
    link: `/access/people?sort=endsOn&dir=asc`,
  };
}

/** Rotation: 90 days ahead for LWA client secrets (as Amazon warns), 30 and 7 days ahead, then weekly overdue. */
export function rotationThreshold(dueOn: Date, now: Date, kind: string): string | null {
  const left = daysLeft(dueOn, now);
  if (left < 0) return `overdue-${Math.floor((-left - 1) / 7) + 1}`;
  if (left <= 7) return "7d";
  if (left <= 30) return "30d";
  if (left <= 90 && kind === "lwa_client_secret") return "90d";
  return null;
}

export function rotationReminder(credential: { id: string; reference: string; name: string; kind: string; dueOn: Date; ownerIds: readonly string[] }, now: Date, leadIds: readonly string[]): TDueReminder | null {
  const threshold = rotationThreshold(credential.dueOn, now, credential.kind);
  if (!threshold) return null;
  const overdue = threshold.startsWith("overdue");
  const recipients = [...new Set([...credential.ownerIds, ...leadIds])];
  if (recipients.length === 0) return null;
  const due = formatDay(credential.dueOn);
  return {
    key: `${ACCESS_ROTATION_RULE}:${credential.id}:${due}:${threshold}`,
    recipientUserIds: recipients,
    urgent: overdue || threshold === "7d",
    subject: overdue ? `OVERDUE: rotate ${credential.reference}` : `Rotate ${credential.reference} ${dueText(credential.dueOn, now)}`,
    lines: [`${credential.reference} ${credential.name} is due for rotation on ${due}: ${dueText(credential.dueOn, now)}.`, "Rotate it, then record the rotation in Vigil (never the new secret)."],
    link: "/access/credentials",
  };
}
