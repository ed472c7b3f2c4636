import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { withoutEmailAddresses } from "./notice-rules";
import type { TNoticeRow, TNoticeSubject } from "./types";

/**
 * The notices sent about one incident or request, oldest first. The caller has authorized the
 * read; email addresses in them (the contact's) are shown only to readers with user.email.read.
 */
export async function listNotices(tx: Tx, subject: TNoticeSubject, actor: Actor): Promise<TNoticeRow[]> {
  const notices = await tx.amazonNotice.findMany({ where: subject, orderBy: { sentAt: "asc" } });
  const showEmails = can(actor, "user.email.read");
  const shown = (text: string, kept: string) => (showEmails ? text : withoutEmailAddresses(text, kept));
  return notices.map((n) => ({ id: n.id, status: n.status, channel: n.channel, toAddress: n.toAddress, subject: shown(n.subject, n.toAddress), body: shown(n.body, n.toAddress), sentAt: n.sentAt.toISOString(), sender: shown(n.sender, n.toAddress), onTime: n.onTime }));
}
