// What screens, exports and other domains may know about evidence without a database: the row
// and view shapes, the enums with their one label each, and the input schemas.
import type { TCustodyEvent } from "./schemas";

export * from "./schemas";
// The integrity cycle's pure rules: "not verified within its cycle", the screen's sentence.
export {
  INTEGRITY_BEHIND_ALARM_RULE,
  INTEGRITY_GRACE_MS,
  integrityCheckedAt,
  integrityCycleSentence,
  isIntegrityBehind,
  isNotVerifiedWithinCycle,
  type TIntegrityCycleStatus,
  type TIntegritySubject,
} from "./integrity-rules";

export const EVIDENCE_STATUSES = ["active", "sealed", "released", "destroyed"] as const;
export type TEvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_STATUS_LABEL: Record<TEvidenceStatus, string> = {
  active: "Active",
  sealed: "Sealed",
  released: "Released",
  destroyed: "Destroyed",
};

export type TEvidenceKind = "digital" | "physical";

export const EVIDENCE_KIND_LABEL: Record<TEvidenceKind, string> = { digital: "Digital", physical: "Physical" };

export const CUSTODY_ACTIONS = [
  "collected",
  "transfer-requested",
  "transferred",
  "transfer-declined",
  "viewed",
  "downloaded",
  "analysed",
  "integrity-verified",
  "sealed",
  "unsealed",
  "released",
  "destroyed",
  "exported",
] as const;
export type TCustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** The one wording of each custody event: the ledger on screen and the chain-of-custody PDF. */
export const CUSTODY_ACTION_LABEL: Record<TCustodyAction, string> = {
  collected: "Collected",
  "transfer-requested": "Transfer requested",
  transferred: "Custody transferred",
  "transfer-declined": "Transfer declined",
  viewed: "Viewed",
  downloaded: "File downloaded",
  analysed: "Analysed",
  "integrity-verified": "Integrity verified",
  sealed: "Sealed",
  unsealed: "Unsealed",
  released: "Released or returned",
  destroyed: "Destroyed",
  exported: "Exported",
};

/** What a destroyed digital item's ledger entry records: its stored file and the key to it were erased. */
export const ERASED_FILE_AND_KEY = "file and key";

/** An entry's wording in the ledger: a destroyed item's says whether its file and key were erased. */
export function custodyEntryLabel(entry: { action: TCustodyAction; details: Record<string, unknown> }): string {
  const erased = entry.action === "destroyed" && entry.details.erased === ERASED_FILE_AND_KEY;
  return CUSTODY_ACTION_LABEL[entry.action] + (erased ? ` (${ERASED_FILE_AND_KEY} erased)` : "");
}

/** The custody events recorded through the one custody-event operation (not transfers). */
export type TCustodyEventKind = TCustodyEvent["action"];

export type TChainProblem = { sequence: number; problem: "edited" | "missing" | "reordered" | "wrong-link" };

export interface TCustodyEntryView {
  sequence: number;
  action: TCustodyAction;
  occurredAt: string;
  actorId: string;
  actorName: string;
  actorTimeZone: string;
  location: string | null;
  purpose: string | null;
  fromName: string | null;
  toName: string | null;
  sha256: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface TEvidenceDetail {
  id: string;
  label: string;
  incident: { id: string; reference: string };
  kind: "digital" | "physical";
  description: string;
  collectedByName: string;
  collectedAt: string;
  collectionMethod: string;
  sourceSystem: string | null;
  custodianId: string;
  custodianName: string;
  storageLocation: string;
  status: TEvidenceStatus;
  legalHold: boolean;
  sealNumber: string | null;
  make: string | null;
  model: string | null;
  serialNumber: string | null;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  sha256: string | null;
  lastVerifiedAt: string | null;
  lastVerifiedOk: boolean | null;
  ledger: TCustodyEntryView[];
  ledgerProblem: TChainProblem | null;
  pendingTransfer: { id: string; toUserId: string; toName: string; fromName: string; purpose: string; location: string; requestedAt: string } | null;
  allowed: { custody: boolean; download: boolean; respondToTransfer: boolean };
}

export interface TEvidenceRow {
  id: string;
  label: string;
  incidentReference: string;
  kind: "digital" | "physical";
  description: string;
  status: TEvidenceStatus;
  custodianId: string;
  custodianName: string;
  collectedAt: string;
  legalHold: boolean;
  fileName: string | null;
  fileSize: number | null;
  lastVerifiedOk: boolean | null;
  pendingTransferToId: string | null;
}

/** The audit pack's custody section, as its README lists it (lib/evidence/custody-pack.ts writes the files). */
export const CUSTODY_PACK_README = `custody/items.csv              Every evidence item: its record, current custodian, last file check,
                               and its custody ledger as verified when the pack was made.
custody/ledger.csv             Every custody entry of every item with every field its hash covers:
                               each hash can be recomputed from this file (see lib/evidence/custody-chain.ts).
custody/<first>_to_<last>.pdf  The ledgers of 500 items each, in label order, one row per entry.
`;
