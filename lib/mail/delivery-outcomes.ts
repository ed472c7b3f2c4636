import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * How an email's delivery ended, told to the module that queued it, in the same transaction
 * that marks the outbox row: "sent" when the server accepted it (with its reply and the
 * Message-ID), "failed" when it gave up, "held" when no mail server is configured.
 */
export type TDeliveryOutcome =
  | { emailId: string; template: string; outcome: "sent"; at: Date; response: string; messageId: string }
  | { emailId: string; template: string; outcome: "failed"; at: Date; error: string }
  | { emailId: string; template: string; outcome: "held"; at: Date };

export type TDeliveryOutcomeHandler = (tx: Tx, outcome: TDeliveryOutcome) => Promise<void>;

/** Handlers by template; emails of other templates tell no one. */
export type TDeliveryOutcomeHandlers = Readonly<Record<string, TDeliveryOutcomeHandler>>;

/**
 * The modules that must hear how their emails ended: the notice to Amazon counts only once the
 * mail server accepted it. Loaded when delivery runs (the notices module queues its emails
 * through this one, so a static import would go round in a circle).
 */
export async function deliveryOutcomeHandlers(): Promise<TDeliveryOutcomeHandlers> {
  const { NOTICE_EMAIL_TEMPLATE, noticeDeliveryOutcome } = await import("@/lib/notices");
  return { [NOTICE_EMAIL_TEMPLATE]: noticeDeliveryOutcome };
}

export async function tellOutcome(tx: Tx, handlers: TDeliveryOutcomeHandlers, outcome: TDeliveryOutcome): Promise<void> {
  const handler = handlers[outcome.template];
  if (handler) await handler(tx, outcome);
}
