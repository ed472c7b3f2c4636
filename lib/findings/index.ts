import "server-only";
// Audit findings: the public entry point for other domains, app/ and scripts. Types, labels,
// due-date rules and schemas a client component may import are in ./types.

export * from "./types";
export { recordFinding } from "./record-finding";
export { changeFindingOwner } from "./change-finding-owner";
export { changeFindingDueDate } from "./change-finding-due-date";
export { closeFinding } from "./close-finding";
export { reopenFinding } from "./reopen-finding";
export { getFinding } from "./get-finding";
export { listFindings } from "./list-findings";
export { findingFormOptions } from "./finding-form-options";
export { findingDueClock } from "./clock-source";
export { findingDueRule } from "./reminder-rules/finding-due";
export { findingHistoryRegister, findingsRegister } from "./findings-register";
