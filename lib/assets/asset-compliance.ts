import "server-only";
// What the compliance map takes from the asset inventory: the facts for its rows (evaluated by
// asset-controls.ts). Assets are read in batches, each batch's gaps computed as the screens do.
import type { Db } from "@/lib/db/client";
import { GAP_FACTS_SELECT, gapsOf } from "./asset-access";
import type { TAssetComplianceFacts, TAssetFactRow } from "./asset-controls";
import { normalizeField } from "./asset-rules";

const BATCH = 1_000;

export async function gatherAssetFacts(database: Db, now: Date): Promise<TAssetComplianceFacts> {
  const assets: TAssetFactRow[] = [];
  const fieldsHeld = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page: { id: string; reference: string; name: string; inventoryVerifiedAt: Date | null; retiredAt: Date | null }[] & Parameters<typeof gapsOf>[1] = await database.asset.findMany({
      where: { retiredAt: null, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { ...GAP_FACTS_SELECT, reference: true, name: true, inventoryVerifiedAt: true, retiredAt: true },
    });
    const gaps = await gapsOf(database, page, now);
    for (const a of page) {
      if (a.holdsPersonalData) for (const f of a.personalDataFields) fieldsHeld.add(normalizeField(f));
      assets.push({
        reference: a.reference,
        name: a.name,
        kind: a.kind,
        holdsAmazonInfo: a.holdsAmazonInfo,
        holdsPersonalData: a.holdsPersonalData,
        keyManagement: a.atRestKeyManagement,
        tlsRecorded: a.inTransitMinTls !== null,
        verifiedAt: a.inventoryVerifiedAt,
        gaps: gaps.get(a.id) ?? [],
      });
    }
    if (page.length < BATCH) break;
    after = page[page.length - 1]!.id;
  }
  const [lastReview, processingRecords, rules, purges] = await Promise.all([
    database.inventoryReview.findFirst({ orderBy: [{ reviewedOn: "desc" }, { id: "desc" }], select: { reviewedOn: true, nextDueOn: true } }),
    database.processingRecord.count(),
    database.retentionRule.groupBy({ by: ["category"], _count: { _all: true } }),
    Promise.all(
      (["pii", "non_pii_amazon"] as const).map((category) =>
        database.purgeAttestation.findFirst({ where: { rule: { category } }, orderBy: { purgedOn: "desc" }, select: { purgedOn: true } }),
      ),
    ),
  ]);
  const count = (category: "pii" | "non_pii_amazon") => rules.find((r) => r.category === category)?._count._all ?? 0;
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
