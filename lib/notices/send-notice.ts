import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { z } from "zod";
import { queueNoticeEmail } from "./notice-mail";
import { storeNotice } from "./notice-store";
import type { ZSendNotice } from "./schemas";
import type { TNoticeTarget, TStoredNotice } from "./types";

/**
 * A notice sent through Vigil's mail: stored and queued in the caller's transaction, delivered
 * after the commit. The time of queueing is the time notified: from then on delivery is Vigil's
 * job, retried from the outbox. The caller has locked and authorized the subject.
 */
export async function sendNotice(tx: Tx, actor: Actor, target: TNoticeTarget, data: z.output<typeof ZSendNotice>, at: Date): Promise<TStoredNotice> {
  const sender = actor.kind === "user" ? ((await tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }))?.displayName ?? actor.userId) : "Vigil";
  const stored = await storeNotice(tx, target, {
    status: "queued",
    channel: "vigil_mail",
    toAddress: data.toAddress,
    title: data.subject,
    body: data.body,
    sentAt: at,
    sender,
    recordedById: actorId(actor),
  });
  await queueNoticeEmail(tx, { to: data.toAddress, subject: data.subject, text: data.body });
  return stored;
}
