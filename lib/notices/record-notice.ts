import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import { amazonNoticeAddress } from "./notice-address";
import { storeGivenNotice } from "./notice-store";
import { NOTICE_CHANNEL_LABELS, type TNoticeSubject, type TNoticeTarget, type TStoredNotice } from "./types";
import type { ZRecordNotice } from "./schemas";

/**
 * A notice given to Amazon another way (phone, portal, another mailbox), kept with its verdict
 * in the caller's transaction. Every notice of the subject still sending, held or failed is
 * withdrawn with its outbox copy, so a stale duplicate never goes out once a mail server is
 * configured. The caller has locked and authorized the subject.
 */
export async function recordNotice(
  tx: Tx,
  actor: Actor,
  target: TNoticeTarget,
  data: z.output<typeof ZRecordNotice>,
  sentAt: Date,
): Promise<TStoredNotice & { cancelledNoticeIds: string[]; cancelledEmailIds: string[] }> {
  const stored = await storeGivenNotice(tx, target, {
    channel: data.channel,
    toAddress: data.toAddress || (await amazonNoticeAddress(tx)),
    title: data.subject || `Notice given by ${NOTICE_CHANNEL_LABELS[data.channel].toLowerCase()}`,
    body: data.body,
    evidenceReference: data.evidenceReference || null,
    sentAt,
    sender: data.sender,
    recordedById: actorId(actor),
  });
  const cancelled = await withdrawUndelivered(tx, target.subject, stored.id, sentAt);
  return { ...stored, ...cancelled };
}

/**
 * Withdraws the subject's notices sent through Vigil and not delivered (sending, held, failed):
 * their outbox copies are cancelled, locked without waiting. A copy the mail server has right
 * now is locked by its sender: refused, to try again in a moment (it may be accepted).
 */
async function withdrawUndelivered(tx: Tx, subject: TNoticeSubject, replacedById: string, at: Date): Promise<{ cancelledNoticeIds: string[]; cancelledEmailIds: string[] }> {
  const waiting = await tx.amazonNotice.findMany({ where: { ...subject, status: { in: ["sending", "held", "failed"] } }, select: { id: true, outboxEmailId: true } });
  if (waiting.length === 0) return { cancelledNoticeIds: [], cancelledEmailIds: [] };
  const emailIds = waiting.map((n) => n.outboxEmailId).filter((id): id is string => Boolean(id));
  let cancelledEmailIds: string[] = [];
  if (emailIds.length) {
    try {
      await tx.$queryRaw`SELECT "id" FROM "OutboxEmail" WHERE "id" = ANY(${emailIds}) ORDER BY "id" FOR UPDATE NOWAIT`;
    } catch (error) {
      if (String((error as { message?: unknown })?.message ?? error).includes("55P03") || /could not obtain lock/i.test(String(error))) {
        throw new AppError("CONFLICT", "The notice email is with the mail server right now. Wait a minute and look again: it may have been accepted.");
      }
      throw error;
    }
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "OutboxEmail" SET "status" = 'cancelled', "leaseUntil" = NULL, "updatedAt" = ${at}
      WHERE "id" = ANY(${emailIds}) AND "status" IN ('pending', 'sending', 'held', 'failed')
      RETURNING "id"`;
    cancelledEmailIds = rows.map((r) => r.id);
  }
  // A notice whose email went out after all (accepted while it was waiting) stays notified.
  const sentEmails = emailIds.length ? (await tx.outboxEmail.findMany({ where: { id: { in: emailIds }, status: "sent" }, select: { id: true } })).map((e) => e.id) : [];
  const toCancel = waiting.filter((n) => !n.outboxEmailId || !sentEmails.includes(n.outboxEmailId)).map((n) => n.id);
  await tx.amazonNotice.updateMany({ where: { id: { in: toCancel } }, data: { status: "cancelled", replacedById } });
  return { cancelledNoticeIds: toCancel, cancelledEmailIds };
}
