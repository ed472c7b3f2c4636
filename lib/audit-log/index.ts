import "server-only";
// The audit log's public entry point for app/ and other domains. Every domain records its events
// through record-audit-event.ts (the ground floor); command-line scripts use the files without
// "server-only" (checkpoints.ts, verify-audit-log.ts, append-event.ts) directly.
export { changeAuditSettings } from "./change-audit-settings";
export { exportAuditEventsCsv } from "./export-audit-events";
export { exportCheckpoints } from "./export-checkpoints";
export { getAuditOverview } from "./get-audit-overview";
export { getAuditSettings } from "./get-audit-settings";
export { listAuditEvents } from "./list-audit-events";
export { recordAuditEvent } from "./record-audit-event";
export { runAuditRetention } from "./run-audit-retention";
export { signAuditCheckpoint } from "./sign-audit-checkpoint";
export { verifyAuditLogNow } from "./verify-audit-log-now";
