import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { TRANSFER_WAITING_MS, TRANSFER_WAITING_RULE, transferWaitingReminder } from "./transfer-waiting.pure";

export const evidenceTransferRule: TReminderRule = {
  name: TRANSFER_WAITING_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Transfers still pending 24 hours after the request, as the clock registry lists them.
    const items = await clockSource("evidence.transfer-waiting").listOpen(database, now, { dueBefore: new Date(now.getTime() + 1), scope: { kind: "all" }, limit: 1000 });
    return items.flatMap((item) => {
      const transfer = { id: item.id, label: item.reference, fromUserId: item.facts!.fromUserId!, toUserId: item.ownerIds[0]!, requestedAt: new Date(item.dueAt.getTime() - TRANSFER_WAITING_MS) };
      return transferWaitingReminder(transfer, now) ?? [];
    });
  },
};
