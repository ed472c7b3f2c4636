import type { Db } from "@/lib/db/client";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";

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
 * only pending transfers.
 */
export function dueTransferReminders(transfers: readonly TPendingTransfer[], now: Date): TDueReminder[] {
  return transfers
    .filter((t) => now.getTime() - t.requestedAt.getTime() >= TRANSFER_WAITING_MS)
    .map((t) => ({
      key: `evidence.transfer-waiting:${t.id}:24h`,
      recipientUserIds: [...new Set([t.toUserId, t.fromUserId])],
      urgent: false,
      subject: `Custody transfer of ${t.label} is waiting for acceptance`,
      lines: [
        `A transfer of custody of evidence ${t.label} was requested more than 24 hours ago and has not been accepted or declined.`,
        "Until the receiver accepts in Vigil, custody stays with the person handing over.",
      ],
      link: `/evidence/${t.label}`,
    }));
}

export const evidenceTransferRule: TReminderRule = {
  name: "evidence.transfer-waiting",
  async collect(database: Db, now: Date) {
    const rows = await database.custodyTransfer.findMany({
      where: { status: "pending", requestedAt: { lte: new Date(now.getTime() - TRANSFER_WAITING_MS) } },
      include: { evidence: { select: { label: true } } },
      take: 1000,
    });
    return dueTransferReminders(
      rows.map((r) => ({ id: r.id, label: r.evidence.label, fromUserId: r.fromUserId, toUserId: r.toUserId, requestedAt: r.requestedAt })),
      now,
    );
  },
};

export const EVIDENCE_REMINDER_RULES: TReminderRule[] = [evidenceTransferRule];
