import "server-only";
// The users module's public entry point for other domains, app/ and the reminder registry.
export { invitationNotAcceptedRule } from "./reminder-rules/invitation-not-accepted";
