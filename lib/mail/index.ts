import "server-only";
// The mail module's public entry point for other domains, app/ and the reminder registry.
export { mailDeliveryFailedRule } from "./reminder-rules/mail-delivery-failed";
