import "server-only";
// The alarms module's public entry point for other domains, app/ and the reminder registry.
export { openAlarmRule } from "./reminder-rules/open-alarm";
export { runAlarmSweep } from "./run-alarm-sweep";
