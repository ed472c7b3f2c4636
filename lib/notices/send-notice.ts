import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { z } from "zod";
import { queueNoticeEmail } from "./notice-mail";
import { storeSendingNotice } from "./notice-store";
import type { ZSendNotice } from "./schemas";
import type { TNoticeTarget, TStoredNotice } from "./types";

/**
 * A notice sent through Vigil's mail: stored and queued in the caller's transaction, delivered
 * after the commit. It is "sending" until the mail server accepts it: that moment, not this
 * one, is the time Amazon was notified (noticeDeliveryOutcome). The caller has locked and
 * authorized the subject.
 */
export async function sendNotice(tx: Tx, actor: Actor, target: TNoticeTarget, data: z.output<typeof ZSendNotice>, at: Date): Promise<TStoredNotice> {
  const sender = actor.kind === "user" ? ((await tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }))?.displayName ?? actor.userId) : "Vigil";
  const outboxEmailId = await queueNoticeEmail(tx, { to: data.toAddress, subject: data.subject, text: data.body });
  return storeSendingNotice(tx, target, {
    toAddress: data.toAddress,
    title: data.subject,
    body: data.body,
    sentAt: at,
    sender,
    recordedById: actorId(actor),
    outboxEmailId,
  });
}
