import "server-only";
import type { Tx } from "@/lib/db/client";

export interface TNoticeEmail {
  noticeId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Queues the notice in Vigil's mail outbox, in the caller's transaction, so the notice and its
 * email commit together.
 * MERGE: replace the body with `await enqueueEmail(tx, { to, subject, text, ... })` from
 * lib/mail once that module is on main. Until then the notice is stored as queued (sent
 * pending) and nothing leaves the machine.
 */
export async function queueNoticeEmail(_tx: Tx, _email: TNoticeEmail): Promise<void> {}
