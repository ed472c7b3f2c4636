import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { currentScope } from "@/lib/db/transaction-scope";
import type { TPolicyVersion } from "./catalog";
import { alarmRulesActive, auditLogFacts } from "./audit-facts";
import { countByStatus, evaluateControls, type TControlResult, type TControlStatus } from "./evaluate";
import { gatherComplianceFacts } from "./gather-facts";
import { SCREEN_PROBLEMS } from "./map-view";

export interface TComplianceMap {
  version: TPolicyVersion;
  asOf: Date;
  results: TControlResult[];
  counts: Record<TControlStatus, number>;
  canManage: boolean;
}

type TShared = Omit<TComplianceMap, "canManage">;

/**
 * The computation in flight for each listing, and the audit chain's head when it started. Every change to a record
 * writes an audit event in its own transaction, so a request that finds the head where it was
 * when the computation started has no change to see that the computation could miss: it waits for
 * that result instead of computing the same map again (at 50 concurrent requests, one computation
 * instead of 50, and one set of facts in memory). The map is not kept once the computation ends:
 * the next request computes afresh, except the asset facts, which are kept while the database's
 * version of the asset tables and the day are unchanged (lib/assets/asset-compliance.ts). Only outside a transaction (inside one, the map is read on its
 * snapshot). The map holds nothing that depends on the reader; whether they may manage it is
 * answered per request, after their own permission check.
 */
const inFlight = new Map<TListing, { head: bigint | null; map: Promise<TShared> }>();

/** "all": every problem listed (exports, certificate, audit pack); "screen": the first few of each long list, the rest counted. */
type TListing = "all" | "screen";

async function computeMap(listing: TListing): Promise<TShared> {
  const asOf = now();
  // The audit log's facts and the alarms' state are read alongside the rest, not before it.
  const facts = await gatherComplianceFacts(db(), asOf, auditLogFacts(), alarmRulesActive(), listing === "screen" ? { listUpTo: SCREEN_PROBLEMS } : {});
  const results = evaluateControls(facts, asOf);
  return { version: facts.version, asOf, results, counts: countByStatus(results) };
}

async function sharedMap(listing: TListing): Promise<TShared> {
  if (currentScope()) return computeMap(listing);
  const head = (await db().auditChainHead.findUnique({ where: { id: 1 }, select: { sequence: true } }))?.sequence ?? null;
  const current = inFlight.get(listing);
  if (current && current.head === head) return current.map;
  const flight = { head, map: computeMap(listing) };
  inFlight.set(listing, flight);
  try {
    return await flight.map;
  } finally {
    if (inFlight.get(listing) === flight) inFlight.delete(listing);
  }
}

/**
 * Every control of the chosen policy version with its live status. `forScreen`: the map as the
 * screens show it (toControlRows with forScreen), whose long problem lists are read only as far
 * as the screen names them and counted beyond (issue 16: a year of late notices is a thousand
 * rows). Exports must read it whole.
 */
export async function getComplianceMap(actor: Actor, options: { forScreen?: boolean } = {}): Promise<TComplianceMap> {
  await authorize(actor, "compliance.read");
  return { ...(await sharedMap(options.forScreen ? "screen" : "all")), canManage: can(actor, "compliance.manage") };
}
