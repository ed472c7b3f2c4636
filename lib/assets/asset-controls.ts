// The compliance map rows the asset inventory evidences, as a pure function of the facts
// gatherAssetFacts() reads and `now`. Nothing recorded is "no evidence yet", never "met".
import { formatDay, isOverdue } from "@/lib/findings/types";
import type { TAssetKind, TGap } from "./asset-rules";

export const ASSET_CONTROL_IDS = ["GS-1", "GS-2c", "GS-3", "PII-1a", "PII-2b", "PII-2c", "PII-3", "R25-2", "R25-5", "R25-7"] as const;
export type TAssetControlId = (typeof ASSET_CONTROL_IDS)[number];

export type TAssetControlStatus = "met" | "not_met" | "no_evidence";

export interface TAssetFactRow {
  reference: string;
  name: string;
  kind: TAssetKind;
  holdsAmazonInfo: boolean;
  holdsPersonalData: boolean;
  keyManagement: "kms" | "other" | "none" | null;
  tlsRecorded: boolean;
  verifiedAt: Date | null;
  gaps: readonly TGap[];
}

export interface TAssetComplianceFacts {
  /** Assets in use (not retired), every kind. */
  assets: readonly TAssetFactRow[];
  lastReview: { reviewedOn: Date; nextDueOn: Date } | null;
  /** Fields of personal data the assets hold, and how many records of processing exist. */
  fieldsHeld: readonly string[];
  processingRecords: number;
  retention: Record<"pii" | "non_pii_amazon", { rules: number; lastPurgedOn: Date | null }>;
}

export interface TAssetControlResult {
  status: TAssetControlStatus;
  summary: string;
  problems: string[];
  lastVerifiedAt: Date | null;
  nextDueAt: Date | null;
  links: { label: string; href: string }[];
}

const DAY = 24 * 3600_000;

// Each asset's gaps grouped by row once per set of facts: the map asks for seven rows' problems,
// and walking every asset in use (5,000 at a real team's size) for each was most of its evaluation.
const problemsByControl = new WeakMap<TAssetComplianceFacts, Map<string, string[]>>();

function problemsOf(facts: TAssetComplianceFacts, controlId: string): string[] {
  let grouped = problemsByControl.get(facts);
  if (!grouped) {
    grouped = new Map();
    for (const a of facts.assets) {
      for (const g of a.gaps) {
        const list = grouped.get(g.controlId);
        const text = `${a.reference} ${a.name}: ${g.text}`;
        if (list) list.push(text);
        else grouped.set(g.controlId, [text]);
      }
    }
    problemsByControl.set(facts, grouped);
  }
  return [...(grouped.get(controlId) ?? [])];
}

// The assets in use that are not systems (access governance's), once per set of facts: four rows read them.
const inUseByFacts = new WeakMap<TAssetComplianceFacts, readonly TAssetFactRow[]>();

function assetsInUse(facts: TAssetComplianceFacts): readonly TAssetFactRow[] {
  let inUse = inUseByFacts.get(facts);
  if (!inUse) {
    inUse = facts.assets.filter((a) => a.kind !== "system");
    inUseByFacts.set(facts, inUse);
  }
  return inUse;
}

function verdict(count: number, none: string, problems: string[], good: string, bad: string, now: Date, links: TAssetControlResult["links"]): TAssetControlResult {
  if (problems.length) return { status: "not_met", summary: bad, problems, lastVerifiedAt: now, nextDueAt: null, links };
  if (count === 0) return { status: "no_evidence", summary: `${none}: no evidence yet.`, problems: [], lastVerifiedAt: null, nextDueAt: null, links };
  return { status: "met", summary: good, problems: [], lastVerifiedAt: now, nextDueAt: null, links };
}

function retentionControl(facts: TAssetComplianceFacts, category: "pii" | "non_pii_amazon", controlId: string, periodDays: number, now: Date): TAssetControlResult {
  const links = [{ label: "Retention rules", href: "/assets/retention" }];
  const noun = category === "pii" ? "personal data" : "non-PII Amazon data";
  const problems = problemsOf(facts, controlId);
  const { rules, lastPurgedOn } = facts.retention[category];
  if (problems.length) return { status: "not_met", summary: `${problems.length} retention gap(s) for ${noun}.`, problems, lastVerifiedAt: now, nextDueAt: null, links };
  if (rules === 0) return { status: "no_evidence", summary: `No retention rule for ${noun}: no evidence yet.`, problems: [], lastVerifiedAt: null, nextDueAt: null, links };
  const since = now.getTime() - periodDays * DAY;
  if (!lastPurgedOn || lastPurgedOn.getTime() < since) {
    return { status: "no_evidence", summary: `${rules} retention rule(s) for ${noun}; no purge attested in the last ${periodDays} days: no evidence yet.`, problems: [], lastVerifiedAt: null, nextDueAt: null, links };
  }
  return {
    status: "met",
    summary: `${rules} retention rule(s) for ${noun}, within the policy's limits; purges attested on schedule, the last on ${formatDay(lastPurgedOn)}.`,
    problems: [],
    lastVerifiedAt: lastPurgedOn,
    nextDueAt: new Date(lastPurgedOn.getTime() + periodDays * DAY),
    links,
  };
}

export function evaluateAssetControl(id: TAssetControlId, facts: TAssetComplianceFacts, now: Date): TAssetControlResult {
  const inventory = [{ label: "Asset inventory", href: "/assets" }];
  const inUse = assetsInUse(facts);
  switch (id) {
    case "PII-2b": {
      if (inUse.length === 0) return verdict(0, "No assets in the inventory", [], "", "", now, inventory);
      if (!facts.lastReview) return { status: "no_evidence", summary: `${inUse.length} asset(s) recorded; no inventory review recorded yet: no evidence yet.`, problems: [], lastVerifiedAt: null, nextDueAt: null, links: inventory };
      const { reviewedOn, nextDueOn } = facts.lastReview;
      if (isOverdue(nextDueOn, now)) {
        return { status: "not_met", summary: `The inventory review is overdue since ${formatDay(nextDueOn)}.`, problems: [`Inventory review overdue since ${formatDay(nextDueOn)}`], lastVerifiedAt: reviewedOn, nextDueAt: nextDueOn, links: inventory };
      }
      return { status: "met", summary: `${inUse.length} asset(s); the inventory was reviewed on ${formatDay(reviewedOn)}, next review due ${formatDay(nextDueOn)}.`, problems: [], lastVerifiedAt: reviewedOn, nextDueAt: nextDueOn, links: inventory };
    }
    case "PII-2c": {
      const links = [{ label: "Records of processing", href: "/assets/processing" }];
      const problems = problemsOf(facts, "PII-2c");
      return verdict(facts.processingRecords, "No record of processing", problems, `${facts.processingRecords} record(s) of processing; every personal-data field held (${facts.fieldsHeld.length}) has one.`, `${problems.length} personal-data field(s) held without a record of processing.`, now, links);
    }
    case "PII-3": {
      const holding = facts.assets.filter((a) => a.holdsPersonalData || (a.kind === "device" && a.holdsAmazonInfo));
      const problems = problemsOf(facts, "PII-3");
      return verdict(holding.length, "No asset recorded as holding personal data", problems, `${holding.length} asset(s) holding personal data, each encrypted at rest with key management.`, `${problems.length} encryption-at-rest gap(s).`, now, inventory);
    }
    case "PII-1a":
      return retentionControl(facts, "pii", "PII-1a", 30, now);
    case "R25-7":
      return retentionControl(facts, "non_pii_amazon", "R25-7", 365, now);
    case "GS-1": {
      const controls = inUse.filter((a) => a.kind === "network_control");
      const since = now.getTime() - 365 * DAY;
      const unverified = controls.filter((c) => !c.verifiedAt || c.verifiedAt.getTime() < since).map((c) => `${c.reference} ${c.name}: not verified in the last 12 months`);
      const oldest = controls.length && !unverified.length ? new Date(Math.min(...controls.map((c) => c.verifiedAt!.getTime()))) : null;
      const result = verdict(controls.length, "No network control recorded", unverified, `${controls.length} network control(s), each verified in the last 12 months.`, `${unverified.length} network control(s) not verified in the last 12 months.`, now, inventory);
      return oldest ? { ...result, lastVerifiedAt: oldest, nextDueAt: new Date(oldest.getTime() + 365 * DAY) } : result;
    }
    case "GS-2c": {
      const devices = inUse.filter((a) => a.kind === "device");
      const problems = problemsOf(facts, "GS-2c");
      return verdict(devices.length, "No device recorded", problems, `${devices.length} device(s); none holding Amazon Information is personal.`, `${problems.length} device(s) holding Amazon Information that are not company-owned.`, now, inventory);
    }
    case "R25-2": {
      const devices = inUse.filter((a) => a.kind === "device");
      const problems = problemsOf(facts, "R25-2");
      return verdict(devices.length, "No device recorded", problems, `${devices.length} device(s); each holding Amazon Information runs tamper-protected anti-malware.`, `${problems.length} device(s) without tamper-protected anti-malware.`, now, inventory);
    }
    case "GS-3": {
      const channels = facts.assets.filter((a) => a.tlsRecorded);
      const problems = problemsOf(facts, "GS-3");
      return verdict(channels.length, "No channel's TLS version recorded", problems, `${channels.length} asset(s) with their channels recorded, all at TLS 1.2 or later.`, `${problems.length} channel gap(s): below TLS 1.2, unencrypted or not recorded.`, now, inventory);
    }
    case "R25-5": {
      const holding = facts.assets.filter((a) => a.kind !== "device" && (a.holdsPersonalData || a.holdsAmazonInfo));
      const problems = [
        ...problemsOf(facts, "GS-3"),
        ...holding.filter((a) => a.keyManagement !== "kms").map((a) => `${a.reference} ${a.name}: keys not in a key management system`),
      ];
      return verdict(holding.length, "No asset holding Amazon Information or personal data recorded", problems, `${holding.length} asset(s) holding Amazon Information or personal data: TLS 1.2 or later, keys in a KMS.`, `${problems.length} gap(s) in TLS or key management.`, now, inventory);
    }
  }
}
