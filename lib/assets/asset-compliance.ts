import "server-only";
// What the compliance map takes from the asset inventory: the facts for its rows (evaluated by
// asset-controls.ts). Every asset in use is read in one statement with the columns the gap rules
// need, the retention rules and the fields with a record of processing in one each (not an id list
// per batch), and each asset's gaps computed by the same rules as the screens (asset-rules.ts).
import { rootClient, type Db } from "@/lib/db/client";
import { currentScope } from "@/lib/db/transaction-scope";
import { rulesByAsset } from "./asset-access";
import type { TAssetComplianceFacts, TAssetFactRow } from "./asset-controls";
import { assetGaps, normalizeField, type TAssetFacts } from "./asset-rules";

type TAssetRead = TAssetFacts & { id: string; reference: string; name: string; inventoryVerifiedAt: Date | null };

/** The start of `now`'s UTC day: the only way the facts depend on the time (asset-rules.ts, isPurgeOverdue). */
const dayOf = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/**
 * The facts last computed, with the version of the asset tables and the day they were computed
 * for. The database raises the version in the transaction of every statement that writes one of
 * the tables read below (a trigger: migration 20261205110000_facts_version), so while it and the
 * day are unchanged, the tables hold what these facts were computed from. The version is read
 * before the tables: a change that commits in between is in the facts and raises the version,
 * so the next reader computes again; it never keeps facts older than their version. Nothing here
 * depends on the reader: the map checks each reader's permission before it asks.
 */
let kept: { version: bigint; day: number; facts: Promise<TAssetComplianceFacts> } | null = null;

export async function gatherAssetFacts(database: Db, now: Date): Promise<TAssetComplianceFacts> {
  // Inside a transaction, or on another connection than the application's, read afresh.
  if (currentScope() || database !== rootClient()) return readAssetFacts(database, now);
  const row = await database.factsVersion.findUnique({ where: { name: "assets" }, select: { version: true } });
  if (!row) return readAssetFacts(database, now);
  const day = dayOf(now);
  if (kept && kept.version === row.version && kept.day === day) return kept.facts;
  const entry = { version: row.version, day, facts: readAssetFacts(database, now) };
  kept = entry;
  entry.facts.catch(() => {
    if (kept === entry) kept = null;
  });
  return entry.facts;
}

async function readAssetFacts(database: Db, now: Date): Promise<TAssetComplianceFacts> {
  const [inUse, rules, records, lastReview, processingRecords, purges] = await Promise.all([
    database.$queryRaw<TAssetRead[]>`
      SELECT "id", "reference", "name", "kind", "holdsAmazonInfo", "holdsPersonalData", "personalDataFields", "atRestAlgorithm", "atRestKeyManagement",
             "inTransitMinTls", "deviceOwnership", "antiMalwareInstalled", "antiMalwareTamperProof", "diskEncrypted", "inventoryVerifiedAt"
      FROM "Asset" WHERE "retiredAt" IS NULL ORDER BY "id"`,
    database.retentionRule.findMany({
      select: { assetId: true, reference: true, category: true, keepDays: true, basis: true, nextPurgeDueOn: true },
      orderBy: { reference: "asc" },
    }),
    database.processingRecord.findMany({ select: { dataField: true }, distinct: ["dataField"] }),
    database.inventoryReview.findFirst({ orderBy: [{ reviewedOn: "desc" }, { id: "desc" }], select: { reviewedOn: true, nextDueOn: true } }),
    database.processingRecord.count(),
    Promise.all(
      (["pii", "non_pii_amazon"] as const).map((category) =>
        database.purgeAttestation.findFirst({ where: { rule: { category } }, orderBy: { purgedOn: "desc" }, select: { purgedOn: true } }),
      ),
    ),
  ]);
  const rulesOf = rulesByAsset(rules);
  const fieldsWithRecord = new Set(records.map((r) => r.dataField));
  const fieldsHeld = new Set<string>();
  const assets: TAssetFactRow[] = inUse.map((a) => {
    if (a.holdsPersonalData) for (const f of a.personalDataFields) fieldsHeld.add(normalizeField(f));
    return {
      reference: a.reference,
      name: a.name,
      kind: a.kind,
      holdsAmazonInfo: a.holdsAmazonInfo,
      holdsPersonalData: a.holdsPersonalData,
      keyManagement: a.atRestKeyManagement,
      tlsRecorded: a.inTransitMinTls !== null,
      verifiedAt: a.inventoryVerifiedAt,
      gaps: assetGaps(a, { retentionRules: rulesOf.get(a.id) ?? [], fieldsWithRecord }, now),
    };
  });
  const count = (category: "pii" | "non_pii_amazon") => rules.filter((r) => r.category === category).length;
  return {
    assets,
    lastReview,
    fieldsHeld: [...fieldsHeld].sort(),
    processingRecords,
    retention: {
      pii: { rules: count("pii"), lastPurgedOn: purges[0]?.purgedOn ?? null },
      non_pii_amazon: { rules: count("non_pii_amazon"), lastPurgedOn: purges[1]?.purgedOn ?? null },
    },
  };
}
