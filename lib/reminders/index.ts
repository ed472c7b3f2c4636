import "server-only";
// The reminders module's public entry point: what rules in other domains and the settings
// screens use. The sweep itself (run-sweep.ts, sweep-loop.ts) is not re-exported here: it
// imports every domain's rules through registry.ts, and those rules import this file, so
// re-exporting it would close an import cycle. Its callers (instrumentation.ts, scripts/worker.ts)
// import sweep-loop.ts directly.
export { activeUserIdsWithRole } from "./recipients";
export { getNotificationPreferences } from "./get-notification-preferences";
export { updateNotificationPreferences } from "./update-notification-preferences";
export type { TDueReminder, TReminderRule } from "./types";
export { collectFromClock, leadsAndActiveOwners, noRecipients, securityLeads, type TClockReminders } from "./clock-rule";
