import "server-only";
import type { Tx } from "@/lib/db/client";
import type { TNoticeRow, TNoticeSubject } from "./types";

/** The notices sent about one incident or request, oldest first. The caller has authorized the read. */
export async function listNotices(tx: Tx, subject: TNoticeSubject): Promise<TNoticeRow[]> {
  const notices = await tx.amazonNotice.findMany({ where: subject, orderBy: { sentAt: "asc" } });
  return notices.map((n) => ({ id: n.id, status: n.status, channel: n.channel, toAddress: n.toAddress, subject: n.subject, body: n.body, sentAt: n.sentAt.toISOString(), sender: n.sender, onTime: n.onTime }));
}
