import "server-only";
// The alarms module's public entry point for other domains, app/ and the reminder registry.
export { openAlarmRule } from "./reminder-rules/open-alarm";
export { runAlarmSweep } from "./run-alarm-sweep";
export { acknowledgeAlarm } from "./acknowledge-alarm";
export { closeAlarm } from "./close-alarm";
export { createAlarmSource } from "./create-alarm-source";
export { disableAlarmSource } from "./disable-alarm-source";
export { ingestExternalAlarm } from "./ingest-external-alarm";
export { listAlarmSources } from "./list-alarm-sources";
export { listAlarms } from "./list-alarms";
export { listCanaries } from "./list-canaries";
export { markCanary } from "./mark-canary";
export { openIncidentFromAlarm } from "./open-incident-from-alarm";
export { raiseAlarm } from "./raise-alarm";
export { unmarkCanary } from "./unmark-canary";
