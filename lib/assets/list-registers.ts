import "server-only";
// The records of processing and the retention rules as the screens list them: one page at a
// time, sorted in the database.
import { z } from "zod";
import { listQueryFields, pageArgs } from "@/lib/core/list-query";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { displayNames } from "@/lib/core/display-names";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { retentionRuleGaps } from "./asset-rules";
import { PROCESSING_SELECT, withStores } from "./registers";
import { retentionAnswer } from "./retention-rules";
import type { TProcessingRecordRow, TRetentionRuleRow, TRetentionView } from "./types";

export const ZProcessingListQuery = z.object({ ...listQueryFields(["dataField", "reference"], { sort: "dataField", dir: "asc" }) });
export const ZRetentionListQuery = z.object({ ...listQueryFields(["nextPurgeDueOn", "reference"], { sort: "nextPurgeDueOn", dir: "asc" }) });

export async function listProcessingRecords(actor: Actor, input: unknown): Promise<{ rows: TProcessingRecordRow[]; total: number; query: z.output<typeof ZProcessingListQuery> }> {
  await authorize(actor, "asset.read");
  const query = ZProcessingListQuery.parse(input ?? {});
  const [records, total] = await Promise.all([db().processingRecord.findMany({ ...pageArgs(query), select: PROCESSING_SELECT }), db().processingRecord.count()]);
  const rows = await withStores(db(), records);
  return { rows, total, query };
}

/** One record of processing, for its edit form. */
export async function getProcessingRecord(actor: Actor, reference: string): Promise<TProcessingRecordRow | null> {
  const { rows } = await listProcessingRecordsWhere(actor, reference);
  return rows[0] ?? null;
}

async function listProcessingRecordsWhere(actor: Actor, reference: string) {
  await authorize(actor, "asset.read", { type: "processing-record", id: reference });
  const record = await db().processingRecord.findUnique({
    where: { reference },
    select: PROCESSING_SELECT,
  });
  return { rows: await withStores(db(), record ? [record] : []) };
}

/** The retention rules (a page), their last purge and gaps, the Developer Profile's answer, and the data stores a rule can be set for. */
export async function listRetention(actor: Actor, input: unknown): Promise<TRetentionView & { total: number; query: z.output<typeof ZRetentionListQuery> }> {
  await authorize(actor, "asset.read");
  const query = ZRetentionListQuery.parse(input ?? {});
  const now = clockNow();
  const [rules, total, pii, dataStores] = await Promise.all([
    db().retentionRule.findMany({
      ...pageArgs(query),
      select: {
        id: true,
        reference: true,
        category: true,
        keepDays: true,
        basis: true,
        legalReference: true,
        purgeEveryDays: true,
        nextPurgeDueOn: true,
        asset: { select: { reference: true, name: true } },
        purges: { orderBy: [{ purgedOn: "desc" }, { createdAt: "desc" }], take: 1, select: { purgedOn: true, recordsPurged: true, method: true, attestedById: true } },
      },
    }),
    db().retentionRule.count(),
    db().retentionRule.findMany({ where: { category: "pii" }, select: { category: true, keepDays: true } }),
    db().asset.findMany({ where: { kind: "data_store", retiredAt: null }, select: { reference: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1000 }),
  ]);
  const names = await displayNames(rules.flatMap((r) => r.purges.map((p) => p.attestedById)));
  const rows: TRetentionRuleRow[] = rules.map((r) => {
    const last = r.purges[0];
    return {
      id: r.id,
      reference: r.reference,
      assetReference: r.asset.reference,
      assetName: r.asset.name,
      category: r.category,
      keepDays: r.keepDays,
      basis: r.basis,
      legalReference: r.legalReference,
      purgeEveryDays: r.purgeEveryDays,
      nextPurgeDueOn: r.nextPurgeDueOn,
      lastPurge: last ? { purgedOn: last.purgedOn, recordsPurged: last.recordsPurged, method: last.method, attestedByName: names.get(last.attestedById) ?? "Unknown" } : null,
      gaps: retentionRuleGaps(r, now),
    };
  });
  return { rules: rows, answer: retentionAnswer(pii), dataStores, total, query };
}
