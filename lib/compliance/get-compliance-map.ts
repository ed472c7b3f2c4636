import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { TPolicyVersion } from "./catalog";
import { alarmRulesActive, auditLogFacts } from "./audit-facts";
import { countByStatus, evaluateControls, type TControlResult, type TControlStatus } from "./evaluate";
import { gatherComplianceFacts } from "./gather-facts";

export interface TComplianceMap {
  version: TPolicyVersion;
  asOf: Date;
  results: TControlResult[];
  counts: Record<TControlStatus, number>;
  canManage: boolean;
}

/** Every control of the chosen policy version with its live status. */
export async function getComplianceMap(actor: Actor): Promise<TComplianceMap> {
  await authorize(actor, "compliance.read");
  const asOf = now();
  const [auditLog, alarmsActive] = await Promise.all([auditLogFacts(), alarmRulesActive()]);
  const facts = await gatherComplianceFacts(db(), asOf, auditLog, alarmsActive);
  const results = evaluateControls(facts, asOf);
  return { version: facts.version, asOf, results, counts: countByStatus(results), canManage: can(actor, "compliance.manage") };
}
