import "server-only";
// Custody transfers waiting for their receiver, for the clock registry (lib/core/clocks): the
// receiver is expected to accept or decline within 24 hours (reminder-rules/transfer-waiting.pure.ts).
import { HOURS, stateRule } from "@/lib/core/clocks/clock-state";
import type { TClockSource } from "@/lib/core/clocks/types";
import { TRANSFER_WAITING_MS } from "./reminder-rules/transfer-waiting.pure";

const transferState = stateRule({ dueSoonWithinMs: HOURS(12) });

export const custodyTransferClock: TClockSource = {
  kind: "evidence.transfer-waiting",
  label: "Custody transfer to accept",
  permission: "evidence.read",
  scoping: "members",
  state: transferState,
  async listOpen(database, now, { dueBefore, scope, limit }) {
    const member =
      scope.kind === "member"
        ? {
            OR: [
              { toUserId: scope.userId },
              { fromUserId: scope.userId },
              { evidence: { custodianId: scope.userId } },
              { evidence: { incident: { memberIds: { has: scope.userId } } } },
            ],
          }
        : {};
    // The ("status", "requestedAt") index: due 24 hours after the request.
    const transfers = await database.custodyTransfer.findMany({
      where: { status: "pending", requestedAt: { lt: new Date(dueBefore.getTime() - TRANSFER_WAITING_MS) }, ...member },
      select: { id: true, fromUserId: true, toUserId: true, requestedAt: true, evidence: { select: { label: true } } },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: limit,
    });
    return transfers.map((transfer) => {
      const dueAt = new Date(transfer.requestedAt.getTime() + TRANSFER_WAITING_MS);
      return {
        kind: "evidence.transfer-waiting",
        id: transfer.id,
        title: `Custody transfer of ${transfer.evidence.label} waiting for acceptance`,
        reference: transfer.evidence.label,
        dueAt,
        ownerIds: [transfer.toUserId],
        link: `/evidence/${transfer.evidence.label}`,
        state: transferState(dueAt, now),
        facts: { fromUserId: transfer.fromUserId },
      };
    });
  },
};
