import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { withoutEmailAddresses, type TNoticeState } from "./notice-rules";
import type { TNoticeRow, TNoticeSubject } from "./types";

/**
 * The notices sent about one incident or request, oldest first, with their state and proof of
 * delivery. A held or failed notice whose email an administrator put back in the queue shows
 * as sending again. The caller has authorized the read; email addresses in them (the
 * contact's) are shown only to readers with user.email.read.
 */
export async function listNotices(tx: Tx, subject: TNoticeSubject, actor: Actor): Promise<TNoticeRow[]> {
  const notices = await tx.amazonNotice.findMany({ where: subject, orderBy: { sentAt: "asc" } });
  const emailIds = notices.filter((n) => n.status === "held" || n.status === "failed").flatMap((n) => (n.outboxEmailId ? [n.outboxEmailId] : []));
  const requeued = new Set(
    emailIds.length ? (await tx.outboxEmail.findMany({ where: { id: { in: emailIds }, status: { in: ["pending", "sending"] } }, select: { id: true } })).map((e) => e.id) : [],
  );
  const showEmails = can(actor, "user.email.read");
  const shown = (text: string, kept: string) => (showEmails ? text : withoutEmailAddresses(text, kept));
  return notices.map((n) => ({
    id: n.id,
    state: n.outboxEmailId && requeued.has(n.outboxEmailId) ? "sending" : (n.status as TNoticeState),
    channel: n.channel,
    toAddress: n.toAddress,
    subject: shown(n.subject, n.toAddress),
    body: shown(n.body, n.toAddress),
    sentAt: n.sentAt.toISOString(),
    sender: shown(n.sender, n.toAddress),
    onTime: n.onTime,
    acceptedAt: n.acceptedAt?.toISOString() ?? null,
    serverResponse: n.serverResponse,
    messageId: n.messageId,
    deliveryError: n.deliveryError,
    evidenceReference: n.evidenceReference,
  }));
}
