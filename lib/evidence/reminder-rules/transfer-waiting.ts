import "server-only";
import { collectFromClock, type TReminderRule, noRecipients } from "@/lib/reminders";
import { TRANSFER_WAITING_MS, TRANSFER_WAITING_RULE, transferWaitingReminder } from "./transfer-waiting.pure";

// Transfers still pending 24 hours after the request, as the clock registry lists them.
export const evidenceTransferRule: TReminderRule = {
  name: TRANSFER_WAITING_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: "evidence.transfer-waiting",
      dueBefore: new Date(now.getTime() + 1),
      limit: 1000,
      recipients: noRecipients,
      remind: (item) =>
        transferWaitingReminder(
          { id: item.id, label: item.reference, fromUserId: item.facts!.fromUserId!, toUserId: item.ownerIds[0]!, requestedAt: new Date(item.dueAt.getTime() - TRANSFER_WAITING_MS) },
          now,
        ),
    }),
};
