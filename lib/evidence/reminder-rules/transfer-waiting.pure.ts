import type { TDueReminder } from "@/lib/reminders/types";

export const TRANSFER_WAITING_RULE = "evidence.transfer-waiting";
export const TRANSFER_WAITING_MS = 24 * 3600_000;

export interface TPendingTransfer {
  id: string;
  label: string;
  fromUserId: string;
  toUserId: string;
  requestedAt: Date;
}

/**
 * A transfer still waiting for its receiver 24 hours after it was requested reminds the
 * receiver and the person handing over, once. Accepting or declining ends it: the rule reads
 * only pending transfers. The due time never moves (a transfer's request time is fixed), so the
 * transfer's id pins it in the key.
 */
export function transferWaitingReminder(transfer: TPendingTransfer, now: Date): TDueReminder | null {
  if (now.getTime() - transfer.requestedAt.getTime() < TRANSFER_WAITING_MS) return null;
  return {
    key: `${TRANSFER_WAITING_RULE}:${transfer.id}:24h`,
    recipientUserIds: [...new Set([transfer.toUserId, transfer.fromUserId])],
    urgent: false,
    subject: `Custody transfer of ${transfer.label} is waiting for acceptance`,
    lines: [
      `A transfer of custody of evidence ${transfer.label} was requested more than 24 hours ago and has not been accepted or declined.`,
      "Until the receiver accepts in Vigil, custody stays with the person handing over.",
    ],
    link: `/evidence/${transfer.label}`,
  };
}
