import "server-only";
import type { Db } from "@/lib/db/client";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { TRANSFER_WAITING_MS, TRANSFER_WAITING_RULE, transferWaitingReminder } from "./transfer-waiting.pure";

export const evidenceTransferRule: TReminderRule = {
  name: TRANSFER_WAITING_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const rows = await database.custodyTransfer.findMany({
      where: { status: "pending", requestedAt: { lte: new Date(now.getTime() - TRANSFER_WAITING_MS) } },
      include: { evidence: { select: { label: true } } },
      take: 1000,
    });
    return rows.flatMap((r) => transferWaitingReminder({ id: r.id, label: r.evidence.label, fromUserId: r.fromUserId, toUserId: r.toUserId, requestedAt: r.requestedAt }, now) ?? []);
  },
};
