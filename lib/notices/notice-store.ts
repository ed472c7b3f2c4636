import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AmazonNoticeChannel, AmazonNoticeStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { isOnTime } from "./notice-rules";
import type { TNoticeTarget, TStoredNotice } from "./types";

/**
 * Keeps the notice (what, when, how, to whom) and, for the first notice, the verdict on time
 * or late for good. Follow-up notices are kept but never change the verdict.
 */
export async function storeNotice(
  tx: Tx,
  target: TNoticeTarget,
  notice: { status: AmazonNoticeStatus; channel: AmazonNoticeChannel; toAddress: string; title: string; body: string; sentAt: Date; sender: string; recordedById: string },
): Promise<TStoredNotice> {
  const id = newId("ntc");
  const onTime = isOnTime(notice.sentAt, target.dueAt);
  await tx.amazonNotice.create({
    data: {
      id,
      ...target.subject,
      status: notice.status,
      channel: notice.channel,
      toAddress: notice.toAddress,
      subject: notice.title,
      body: notice.body,
      sentAt: notice.sentAt,
      sender: notice.sender,
      dueAt: target.dueAt,
      onTime,
      recordedById: notice.recordedById,
    },
  });
  const first = target.alreadyNotifiedAt === null;
  if (first) {
    const verdict = { amazonNotifiedAt: notice.sentAt, amazonNoticeOnTime: onTime };
    // The null check in the WHERE keeps the first verdict even against a concurrent notice.
    if ("incidentId" in target.subject) {
      await tx.incident.updateMany({ where: { id: target.subject.incidentId, amazonNotifiedAt: null }, data: verdict });
    } else {
      await tx.legalRequest.updateMany({ where: { id: target.subject.legalRequestId, amazonNotifiedAt: null }, data: verdict });
    }
  }
  return { id, onTime, first };
}
