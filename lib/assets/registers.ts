import "server-only";
// The asset module's registers, described once: the inventory, the records of processing, the
// retention rules and the purge attestations. The screens' CSV and PDF downloads and the audit
// pack render them (lib/core/register-report), read in batches outside any transaction.
import { displayNames } from "@/lib/core/display-names";
import { groupBy } from "@/lib/core/group-by";
import { pagedRows } from "@/lib/core/register-report/register-rows";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import { GAP_FACTS_SELECT, gapsOf } from "./asset-access";
import { retentionAnswer } from "./retention-rules";
import {
  ASSET_KIND_LABEL,
  AT_REST_LABEL,
  DEVICE_OWNERSHIP_LABEL,
  KEY_MANAGEMENT_LABEL,
  RETENTION_ANSWER_LABEL,
  RETENTION_BASIS_LABEL,
  RETENTION_CATEGORY_LABEL,
  TLS_LABEL,
  yesNo,
  type TGap,
} from "./types";

const BATCH = 500;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const byId = (after: { id: string } | null) => (after ? { id: { gt: after.id } } : {});

/** Every asset, retired ones too (with the day they were retired), each with its gaps as of `now`. */
export function inventoryRegister(database: Db, now: Date): TRegister<Awaited<ReturnType<typeof inventoryPage>>[number]> {
  return {
    title: "Asset inventory",
    subtitle: `Every asset with where it is, what it holds, how it is protected and its gaps, as of ${now.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    columns: [
      { label: "Reference", value: (a) => a.reference },
      { label: "Kind", value: (a) => ASSET_KIND_LABEL[a.kind] },
      { label: "Name", value: (a) => a.name, width: 2 },
      { label: "Owner", value: (a) => a.owner?.displayName ?? "" },
      { label: "Location or region", value: (a) => a.inventoryLocation ?? "" },
      { label: "Amazon Information", value: (a) => a.holdsAmazonInfo },
      { label: "Personal data", value: (a) => a.holdsPersonalData },
      { label: "Personal-data fields", value: (a) => a.personalDataFields.join("; ") },
      { label: "Encryption at rest", value: (a) => (a.atRestAlgorithm ? AT_REST_LABEL[a.atRestAlgorithm] : "Not recorded") },
      { label: "Key management", value: (a) => (a.atRestKeyManagement ? KEY_MANAGEMENT_LABEL[a.atRestKeyManagement] : "Not recorded") },
      { label: "Minimum TLS", value: (a) => (a.inTransitMinTls ? TLS_LABEL[a.inTransitMinTls] : "Not recorded") },
      { label: "Device ownership", value: (a) => (a.kind === "device" ? (a.deviceOwnership ? DEVICE_OWNERSHIP_LABEL[a.deviceOwnership] : "Not recorded") : "") },
      { label: "Anti-malware", value: (a) => (a.kind === "device" ? yesNo(a.antiMalwareInstalled) : "") },
      { label: "Tamper-protected", value: (a) => (a.kind === "device" ? yesNo(a.antiMalwareTamperProof) : "") },
      { label: "Disk encryption", value: (a) => (a.kind === "device" ? yesNo(a.diskEncrypted) : "") },
      { label: "Last verified", value: (a) => a.inventoryVerifiedAt },
      { label: "Verified by", value: (a) => a.verifiedByName },
      { label: "Retired", value: (a) => day(a.retiredAt) },
      { label: "Gaps", value: (a) => a.gaps.map((g) => `${g.controlId}: ${g.text}`).join("\n"), width: 3 },
    ],
    rows: pagedRows(BATCH, (after: { id: string } | null, take) => inventoryPage(database, now, after, take), (a) => ({ id: a.id })),
  };
}

async function inventoryPage(database: Db, now: Date, after: { id: string } | null, take: number) {
  const assets = await database.asset.findMany({
    where: byId(after),
    orderBy: { id: "asc" },
    take,
    select: { ...GAP_FACTS_SELECT, reference: true, name: true, inventoryLocation: true, inventoryVerifiedAt: true, inventoryVerifiedById: true, retiredAt: true, owner: { select: { displayName: true } } },
  });
  const [gaps, names] = await Promise.all([gapsOf(database, assets, now), displayNames(assets.map((a) => a.inventoryVerifiedById))]);
  return assets.map((a) => ({ ...a, gaps: gaps.get(a.id) ?? ([] as TGap[]), verifiedByName: a.inventoryVerifiedById ? (names.get(a.inventoryVerifiedById) ?? "Unknown") : "" }));
}

/** The columns of a record of processing, with its retention rule: lists, forms and the register (its stores: withStores). */
export const PROCESSING_SELECT = {
  id: true,
  reference: true,
  dataField: true,
  source: true,
  collection: true,
  processing: true,
  purpose: true,
  sharedWith: true,
  disposal: true,
  retentionRule: { select: { reference: true, keepDays: true, category: true } },
} as const;

/**
 * The records with the stores that hold their field, by reference: the stores of all of them in
 * one statement with their ids as one array parameter (through the relation, Prisma read the
 * links, then every linked asset with one parameter each: 1,350 for 25 records of 54 stores).
 */
export async function withStores<R extends { id: string }>(database: Db, records: readonly R[]): Promise<(R & { assets: { reference: string; name: string }[] })[]> {
  const links = records.length
    ? await database.$queryRaw<{ recordId: string; reference: string; name: string }[]>`
        SELECT l."processingRecordId" AS "recordId", a."reference", a."name" FROM "ProcessingRecordAsset" l JOIN "Asset" a ON a."id" = l."assetId"
        WHERE l."processingRecordId" = ANY(${records.map((r) => r.id)}::text[])`
    : [];
  const storesOf = groupBy(links, (link) => link.recordId);
  return records.map((r) => ({
    ...r,
    assets: (storesOf.get(r.id) ?? []).map(({ reference, name }) => ({ reference, name })).sort((a, b) => a.reference.localeCompare(b.reference)),
  }));
}

/** Every record of processing: one row per personal-data field. */
export function processingRegister(database: Db): TRegister<Awaited<ReturnType<typeof processingPage>>[number]> {
  return {
    title: "Records of processing",
    subtitle: "For each personal-data field: where it comes from, how it is collected, processed, stored, used, shared and disposed of.",
    columns: [
      { label: "Reference", value: (r) => r.reference },
      { label: "Field", value: (r) => r.dataField },
      { label: "Source", value: (r) => r.source, width: 2 },
      { label: "Collected", value: (r) => r.collection, width: 2 },
      { label: "Processed", value: (r) => r.processing, width: 2 },
      { label: "Stored in", value: (r) => r.assets.map((a) => `${a.reference} ${a.name}`).join("; "), width: 2 },
      { label: "Used for", value: (r) => r.purpose, width: 2 },
      { label: "Shared with", value: (r) => r.sharedWith, width: 2 },
      { label: "Disposed of", value: (r) => r.disposal, width: 2 },
      { label: "Retention rule", value: (r) => (r.retentionRule ? `${r.retentionRule.reference} (${r.retentionRule.keepDays} days)` : "") },
    ],
    rows: pagedRows(BATCH, (after: { id: string } | null, take) => processingPage(database, after, take), (r) => ({ id: r.id })),
  };
}

async function processingPage(database: Db, after: { id: string } | null, take: number) {
  return withStores(database, await database.processingRecord.findMany({ where: byId(after), orderBy: { id: "asc" }, take, select: PROCESSING_SELECT }));
}

/** Every retention rule with its data store, schedule and last purge, and the Developer Profile's answer in the subtitle. */
export async function retentionRegister(database: Db): Promise<TRegister<Awaited<ReturnType<typeof retentionPage>>[number]>> {
  const pii = await database.retentionRule.findMany({ where: { category: "pii" }, select: { category: true, keepDays: true } });
  const answer = retentionAnswer(pii);
  return {
    title: "Retention rules",
    subtitle: `Developer Profile: PII is kept ${answer ? `${RETENTION_ANSWER_LABEL[answer.answer].toLowerCase()} after shipment (the longest rule: ${answer.longestDays} days)` : "(no PII retention rule recorded yet)"}.`,
    columns: [
      { label: "Reference", value: (r) => r.reference },
      { label: "Data store", value: (r) => `${r.asset.reference} ${r.asset.name}`, width: 2 },
      { label: "Data", value: (r) => RETENTION_CATEGORY_LABEL[r.category] },
      { label: "Kept (days)", value: (r) => r.keepDays },
      { label: "Basis", value: (r) => RETENTION_BASIS_LABEL[r.basis] },
      { label: "Law", value: (r) => r.legalReference ?? "" },
      { label: "Purge every (days)", value: (r) => r.purgeEveryDays },
      { label: "Next purge due", value: (r) => day(r.nextPurgeDueOn) },
      { label: "Purges attested", value: (r) => r._count.purges },
    ],
    rows: pagedRows(BATCH, (after: { id: string } | null, take) => retentionPage(database, after, take), (r) => ({ id: r.id })),
  };
}

function retentionPage(database: Db, after: { id: string } | null, take: number) {
  return database.retentionRule.findMany({
    where: byId(after),
    orderBy: { id: "asc" },
    take,
    select: { id: true, reference: true, category: true, keepDays: true, basis: true, legalReference: true, purgeEveryDays: true, nextPurgeDueOn: true, asset: { select: { reference: true, name: true } }, _count: { select: { purges: true } } },
  });
}

/** Every purge attested: who purged what, when, how many records, how. */
export function purgeRegister(database: Db): TRegister<{ id: string; rule: string; dataStore: string; purgedOn: Date; recordsPurged: number; method: string; attestedBy: string; attestedAt: Date }> {
  return {
    title: "Purge attestations",
    columns: [
      { label: "Rule", value: (p) => p.rule },
      { label: "Data store", value: (p) => p.dataStore, width: 2 },
      { label: "Purged on", value: (p) => day(p.purgedOn) },
      { label: "Records purged", value: (p) => p.recordsPurged },
      { label: "How", value: (p) => p.method, width: 3 },
      { label: "Attested by", value: (p) => p.attestedBy },
      { label: "Attested at", value: (p) => p.attestedAt },
    ],
    rows: pagedRows(
      BATCH,
      async (after: { id: string } | null, take) => {
        const rows = await database.purgeAttestation.findMany({
          where: byId(after),
          orderBy: { id: "asc" },
          take,
          select: { id: true, purgedOn: true, recordsPurged: true, method: true, attestedById: true, createdAt: true, rule: { select: { reference: true, asset: { select: { reference: true, name: true } } } } },
        });
        const names = await displayNames(rows.map((r) => r.attestedById));
        return rows.map((r) => ({
          id: r.id,
          rule: r.rule.reference,
          dataStore: `${r.rule.asset.reference} ${r.rule.asset.name}`,
          purgedOn: r.purgedOn,
          recordsPurged: r.recordsPurged,
          method: r.method,
          attestedBy: names.get(r.attestedById) ?? "Unknown",
          attestedAt: r.createdAt,
        }));
      },
      (p) => ({ id: p.id }),
    ),
  };
}
