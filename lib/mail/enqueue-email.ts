import "server-only";
import { now as clockNow } from "@/lib/clock";
import { encryptField } from "@/lib/crypto/field-encryption";
import type { Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { renderEmail, type TEmailContent } from "./templates";

/** Retries stop this long after an email is queued (or resent). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

export type TEnqueueEmailInput = {
  /** A short name for the kind of email, e.g. "reminder", "invitation", "digest". */
  template: string;
  content: TEmailContent;
} & (
  | { toUserId: string; toAddress?: string }
  | { toUserId?: undefined; toAddress: string }
);

export const outboxAssociatedData = {
  to: (id: string) => `outbox:${id}:to`,
  text: (id: string) => `outbox:${id}:text`,
  html: (id: string) => `outbox:${id}:html`,
};

/**
 * Writes one email into the outbox inside the caller's transaction: it is sent only if the
 * change that causes it commits. With `toUserId` the address is the user's own; a deactivated
 * or unknown user gets nothing (returns null). The address and bodies are stored encrypted.
 */
export async function enqueueEmail(tx: Tx, input: TEnqueueEmailInput, at: Date = clockNow()): Promise<{ id: string } | null> {
  let address = input.toAddress;
  if (input.toUserId && !address) {
    const user = await tx.user.findUnique({ where: { id: input.toUserId }, select: { email: true, status: true } });
    if (!user || user.status === "deactivated") return null;
    address = user.email;
  }
  if (!address || !/^[^\s@<>]+@[^\s@<>]+$/.test(address)) throw new Error("enqueueEmail: no valid recipient address");

  const id = newId("eml");
  const rendered = renderEmail(input.content, env().baseUrl);
  await tx.outboxEmail.create({
    data: {
      id,
      template: input.template,
      subject: rendered.subject,
      toUserId: input.toUserId ?? null,
      toAddressEnc: encryptField(address, outboxAssociatedData.to(id)),
      textBodyEnc: encryptField(rendered.text, outboxAssociatedData.text(id)),
      htmlBodyEnc: encryptField(rendered.html, outboxAssociatedData.html(id)),
      status: "pending",
      nextAttemptAt: at,
      giveUpAt: new Date(at.getTime() + GIVE_UP_AFTER_MS),
      createdAt: at,
      updatedAt: at,
    },
  });
  return { id };
}
