import "server-only";
import type { TComplianceFacts } from "./evaluate";

/**
 * The audit log's part of the facts: the latest verification of the chain and the retention
 * setting. Replaced by the audit-log module's own results when both are merged.
 */
export async function auditLogFacts(): Promise<TComplianceFacts["auditLog"]> {
  return null;
}

/** Whether the alarm rules ran recently. */
export async function alarmRulesActive(): Promise<boolean> {
  return false;
}
