import "server-only";
// The audit pack's custody section (issue 16): every item and every custody entry in two CSVs, and
// the ledgers as PDFs of 500 items each, instead of a PDF per item built from its own reads
// (about 12 ms an item, ten minutes at 50,000 items). Everything is read in batches of 500
// items: the items by keyset on their label, their entries in one query, the names in one.
// Each ledger is verified whole when its batch is read, its end checked against the item's head.
import type { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { canonicalJson } from "@/lib/audit-log/canonical";
import { displayNames } from "@/lib/core/display-names";
import { registerCsv, registerPdf } from "@/lib/core/register-report/render-register";
import type { TRegister, TRegisterColumn } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import type { CustodyEntry } from "@/lib/generated/prisma/client";
import { readLedgers } from "./ledger-reads";
import { asChainEntry, ledgerProblem } from "./ledger-verdict";
import { EVIDENCE_KIND_LABEL, EVIDENCE_STATUS_LABEL, custodyEntryLabel, type TChainProblem } from "./types";

/** Items per read, and per PDF. */
export const CUSTODY_PACK_BATCH = 500;

const ITEM_SELECT = {
  id: true,
  label: true,
  incident: { select: { reference: true } },
  kind: true,
  description: true,
  status: true,
  legalHold: true,
  sealNumber: true,
  collectedById: true,
  collectedAt: true,
  collectionMethod: true,
  sourceSystem: true,
  custodianId: true,
  storageLocation: true,
  make: true,
  model: true,
  serialNumber: true,
  fileName: true,
  fileType: true,
  fileSize: true,
  sha256: true,
  lastVerifiedAt: true,
  lastVerifiedOk: true,
  custodySequence: true,
  custodyHeadHash: true,
} as const;

type TItemRow = Awaited<ReturnType<typeof readItems>>[number];
export type TPackItem = TItemRow & { entries: CustodyEntry[]; problem: TChainProblem | null; name: (id: string | null) => string };
type TPackEntry = { item: TPackItem; entry: CustodyEntry; first: boolean };

function readItems(database: Db, after: string | null) {
  return database.evidenceItem.findMany({ where: after === null ? {} : { label: { gt: after } }, orderBy: { label: "asc" }, take: CUSTODY_PACK_BATCH, select: ITEM_SELECT });
}

/**
 * Every item with its ledger, a batch of 500 at a time, in label order; each ledger verified
 * (hashed whole) unless `verify` is false, for a file that shows no verdict.
 */
export async function* custodyBatches(database: Db, { verify = true }: { verify?: boolean } = {}): AsyncGenerator<TPackItem[]> {
  let after: string | null = null;
  for (;;) {
    const items = await readItems(database, after);
    if (items.length === 0) return;
    const byItem = await readLedgers(database, items.map((i) => i.id));
    const entries = [...byItem.values()].flat();
    const names = await displayNames([...items.flatMap((i) => [i.collectedById, i.custodianId]), ...entries.flatMap((e) => [e.actorId, e.fromCustodianId, e.toCustodianId])]);
    const name = (id: string | null) => (id === null ? "" : (names.get(id) ?? (id === "system" ? "Vigil" : "Unknown")));
    yield items.map((item) => {
      const ledger = byItem.get(item.id) ?? [];
      return { ...item, entries: ledger, problem: verify ? ledgerProblem(ledger, item) : null, name };
    });
    if (items.length < CUSTODY_PACK_BATCH) return;
    after = items[items.length - 1]!.label;
  }
}

const verdict = (item: TPackItem) => (item.problem ? `BROKEN at entry ${item.problem.sequence} (${item.problem.problem})` : `intact (${item.entries.length} entries)`);

const ITEM_COLUMNS: TRegisterColumn<TPackItem>[] = [
  { label: "Label", value: (i) => i.label },
  { label: "Incident", value: (i) => i.incident.reference },
  { label: "Kind", value: (i) => EVIDENCE_KIND_LABEL[i.kind] },
  { label: "Description", value: (i) => i.description },
  { label: "Status", value: (i) => EVIDENCE_STATUS_LABEL[i.status] },
  { label: "Legal hold", value: (i) => i.legalHold },
  { label: "Seal number", value: (i) => i.sealNumber },
  { label: "Collected by", value: (i) => i.name(i.collectedById) },
  { label: "Collected at (UTC)", value: (i) => i.collectedAt.toISOString() },
  { label: "How and where", value: (i) => i.collectionMethod },
  { label: "Source system", value: (i) => i.sourceSystem },
  { label: "Current custodian", value: (i) => i.name(i.custodianId) },
  { label: "Storage location", value: (i) => i.storageLocation },
  { label: "Make", value: (i) => i.make },
  { label: "Model", value: (i) => i.model },
  { label: "Serial number", value: (i) => i.serialNumber },
  { label: "File name", value: (i) => i.fileName },
  { label: "File type", value: (i) => i.fileType },
  { label: "Size (bytes)", value: (i) => (i.fileSize === null ? null : String(i.fileSize)) },
  { label: "SHA-256 at collection", value: (i) => i.sha256 },
  { label: "Last integrity check (UTC)", value: (i) => i.lastVerifiedAt?.toISOString() ?? null },
  { label: "Integrity check result", value: (i) => (i.lastVerifiedOk === null ? null : i.lastVerifiedOk ? "matches" : "DOES NOT MATCH") },
  { label: "Custody ledger, verified when the pack was made", value: verdict },
  { label: "Ledger head hash", value: (i) => i.custodyHeadHash },
];

// Every field the entry's hash covers, as stored: with canonicalJson and the previous hash, each
// entry's hash can be recomputed from this file alone (lib/evidence/custody-chain.ts).
const ENTRY_COLUMNS: TRegisterColumn<TPackEntry>[] = [
  { label: "Evidence label", value: (r) => r.item.label },
  { label: "Evidence id", value: (r) => r.entry.evidenceId },
  { label: "Sequence", value: (r) => r.entry.sequence },
  { label: "Action", value: (r) => r.entry.action },
  { label: "Occurred at (UTC)", value: (r) => r.entry.occurredAt.toISOString() },
  { label: "Actor id", value: (r) => r.entry.actorId },
  { label: "Actor", value: (r) => r.item.name(r.entry.actorId) },
  { label: "Actor time zone", value: (r) => r.entry.actorTimeZone },
  { label: "Location", value: (r) => r.entry.location },
  { label: "Purpose", value: (r) => r.entry.purpose },
  { label: "From custodian id", value: (r) => r.entry.fromCustodianId },
  { label: "From", value: (r) => r.item.name(r.entry.fromCustodianId) },
  { label: "To custodian id", value: (r) => r.entry.toCustodianId },
  { label: "To", value: (r) => r.item.name(r.entry.toCustodianId) },
  { label: "File SHA-256", value: (r) => r.entry.sha256 },
  { label: "Details (canonical JSON)", value: (r) => canonicalJson(r.entry.details) },
  { label: "Previous hash", value: (r) => r.entry.prevHash },
  { label: "Entry hash", value: (r) => r.entry.hash },
];

// Widths (in points of the A4 page's 495 between margins, 6 of each for padding) chosen so that a
// typical cell fits on its lines: a cell that fits is drawn without pdfkit's line wrapper, most of
// a table's drawing time (lib/reports/pdf.ts openTable). The hashes are in ledger.csv.
const PDF_COLUMNS: TRegisterColumn<TPackEntry>[] = [
  { label: "Item", value: (r) => (r.first ? `${r.item.label}\n${r.item.incident.reference}\n${verdict(r.item)}` : ""), width: 72 },
  { label: "When (UTC)", value: (r) => r.entry.occurredAt.toISOString().slice(0, 16).replace("T", " "), width: 76 },
  { label: "Action", value: (r) => `#${r.entry.sequence} ${custodyEntryLabel(asChainEntry(r.entry))}`, width: 56 },
  { label: "By", value: (r) => r.item.name(r.entry.actorId), width: 78 },
  { label: "From / to", value: (r) => (r.entry.fromCustodianId || r.entry.toCustodianId ? `from ${r.item.name(r.entry.fromCustodianId) || "—"}\nto ${r.item.name(r.entry.toCustodianId) || "—"}` : ""), width: 90 },
  { label: "Where / why", value: (r) => [r.entry.location, r.entry.purpose].filter(Boolean).join("\n"), width: 123 },
];

const entryRows = (items: readonly TPackItem[]): TPackEntry[] => items.flatMap((item) => item.entries.map((entry, n) => ({ item, entry, first: n === 0 })));

const safeName = (label: string) => label.replace(/[^A-Za-z0-9._-]/g, "_");

/**
 * The custody section's files, for whoever may export all evidence (the pack's own audit event
 * records the export: no custody entry per item, docs/performance.md). `counted` is told the
 * number of items when items.csv is written.
 */
export async function* custodyPackFiles(
  actor: Actor,
  database: Db,
  meta: { generatedAt: Date; generatedBy: string },
  counted: (items: number) => void = () => undefined,
): AsyncGenerator<{ path: string; body: AsyncIterable<string> | Readable }> {
  await authorize(actor, "evidence.export");
  let items = 0;
  const counting = (async function* () {
    for await (const batch of custodyBatches(database)) {
      items += batch.length;
      yield batch;
    }
    counted(items);
  })();
  const itemsRegister: TRegister<TPackItem> = { title: "Evidence items", columns: ITEM_COLUMNS, rows: counting };
  yield { path: "custody/items.csv", body: registerCsv(itemsRegister) };
  // ledger.csv shows no verdict (its hashes let the reader verify): its pass hashes nothing.
  const ledger = (async function* () {
    for await (const batch of custodyBatches(database, { verify: false })) yield entryRows(batch);
  })();
  yield { path: "custody/ledger.csv", body: registerCsv({ title: "Custody ledger", columns: ENTRY_COLUMNS, rows: ledger }) };
  for await (const batch of custodyBatches(database)) {
    const first = batch[0]!.label;
    const last = batch[batch.length - 1]!.label;
    const rows = entryRows(batch);
    yield {
      path: `custody/${safeName(first)}_to_${safeName(last)}.pdf`,
      body: registerPdf(
        {
          title: `Chain of custody: ${first} to ${last}`,
          subtitle: `${batch.length} evidence items, ${rows.length} custody entries. Generated ${meta.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC by ${meta.generatedBy} in Vigil. Each entry's hash covers the entry before it, so a changed, removed or reordered entry is detectable; each ledger was verified when the pack was made. The full hashes, and every field they cover, are in custody/ledger.csv.`,
          columns: PDF_COLUMNS,
          rows: (async function* () {
            yield rows;
          })(),
        },
        { footer: `Chain of custody: ${first} to ${last}` },
      ),
    };
  }
}
