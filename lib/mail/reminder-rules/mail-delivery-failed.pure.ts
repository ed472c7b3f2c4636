import type { TDueReminder } from "@/lib/reminders/types";

export const DELIVERY_FAILED_RULE = "mail.delivery-failed";
/** Emails this rule itself sends: a failure of one of those must not start a chain. */
export const DELIVERY_FAILED_TEMPLATE = `reminder:${DELIVERY_FAILED_RULE}`;

export interface TFailedEmailState {
  id: string;
  template: string;
  status: string;
  failedAt: Date | null;
}

/**
 * An email Vigil gave up on: tell the admins once per failure, so they can fix the mail server
 * and resend. The failure time is in the key: an email resent and failing again reminds afresh.
 */
export function deliveryFailedReminder(email: TFailedEmailState, adminIds: readonly string[]): TDueReminder | null {
  if (email.status !== "failed" || !email.failedAt || email.template === DELIVERY_FAILED_TEMPLATE || adminIds.length === 0) return null;
  return {
    key: `${DELIVERY_FAILED_RULE}:${email.id}:${email.failedAt.toISOString()}`,
    recipientUserIds: [...adminIds],
    urgent: true,
    subject: "An email from Vigil could not be delivered",
    lines: [
      "Vigil gave up delivering an email after retrying it. Its recipient has not been told what it said.",
      "Check the mail server settings, then resend the email from the outbox.",
    ],
    link: `/settings/mail?email=${email.id}`,
  };
}
