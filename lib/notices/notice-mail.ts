import "server-only";
import type { Tx } from "@/lib/db/client";
import { afterCommit } from "@/lib/db/transaction";
import { deliverNow, enqueueEmail } from "@/lib/mail";
import { NOTICE_EMAIL_TEMPLATE } from "./types";

/**
 * Queues the notice in Vigil's mail outbox, in the caller's transaction, so the notice and its
 * email commit together, and hands it to the mail server right after the commit instead of
 * waiting for the next sweep. The address is Amazon's, not a user's. Returns the email's id:
 * its delivery decides whether the notice was given.
 */
export async function queueNoticeEmail(tx: Tx, email: { to: string; subject: string; text: string }): Promise<string> {
  const queued = await enqueueEmail(tx, {
    template: NOTICE_EMAIL_TEMPLATE,
    toAddress: email.to,
    // No link: Amazon cannot sign in to this Vigil, and the notice must stand on its own.
    content: { subject: email.subject, lines: email.text.split(/\n{2,}/), footer: "Security incident notice sent with Vigil." },
  });
  await afterCommit(() => deliverNow());
  return queued!.id;
}
