import "server-only";
// What the compliance map takes from the asset inventory: the facts for its rows (evaluated by
// asset-controls.ts). Every asset in use is read in one statement with the columns the gap rules
// need, the retention rules and the fields with a record of processing in one each (not an id list
// per batch), and each asset's gaps computed by the same rules as the screens (asset-rules.ts).
import type { Db } from "@/lib/db/client";
import { rulesByAsset } from "./asset-access";
import type { TAssetComplianceFacts, TAssetFactRow } from "./asset-controls";
import { assetGaps, normalizeField, type TAssetFacts } from "./asset-rules";

type TAssetRead = TAssetFacts & { id: string; reference: string; name: string; inventoryVerifiedAt: Date | null };

export async function gatherAssetFacts(database: Db, now: Date): Promise<TAssetComplianceFacts> {
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
