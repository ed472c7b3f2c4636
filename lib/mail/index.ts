import "server-only";
// The mail module's public entry point for other domains, app/ and the reminder registry.
export { mailDeliveryFailedRule } from "./reminder-rules/mail-delivery-failed";
export { deliverNow } from "./deliver-now";
export { deliverOutbox, type TDeliverResult } from "./deliver-outbox";
export { enqueueEmail } from "./enqueue-email";
export { listOutbox } from "./list-outbox";
export { resendEmail } from "./resend-email";
export { absoluteLink, type TEmailContent } from "./templates";
export type { TSmtpOptions } from "./transport";
export type { TDeliveryOutcome, TDeliveryOutcomeHandler, TDeliveryOutcomeHandlers } from "./delivery-outcomes";
export { mailServerConfigured } from "./mail-configured";
