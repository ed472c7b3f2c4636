import { z } from "zod";
import { text, optionalText } from "@/lib/core/schema-fields";


/** Metadata that accompanies an upload or describes a physical item. */
export const ZEvidenceCommon = z.object({
  description: text(2000, "Describe the item."),
  collectedAt: z.coerce.date({ message: "Enter when it was collected." }),
  collectionMethod: text(1000, "Say how and where it was collected."),
  sourceSystem: optionalText(200),
  storageLocation: text(300, "Say where it is kept."),
  legalHold: z.boolean().default(false),
});

export const ZPhysicalEvidenceCreate = ZEvidenceCommon.extend({
  make: optionalText(120),
  model: optionalText(120),
  serialNumber: optionalText(120),
});
export type TPhysicalEvidenceCreate = z.infer<typeof ZPhysicalEvidenceCreate>;

export const ZDigitalEvidenceMeta = ZEvidenceCommon.extend({
  fileName: text(255, "The file needs a name."),
});
export type TDigitalEvidenceMeta = z.infer<typeof ZDigitalEvidenceMeta>;

export const ZTransferRequest = z.object({
  toUserId: text(64, "Choose who receives the item."),
  purpose: text(1000, "Say why custody changes hands."),
  location: text(300, "Say where the hand-over takes place."),
});
export type TTransferRequest = z.infer<typeof ZTransferRequest>;

/** The receiver's answer (accept or decline) to a transfer waiting for them. */
export const ZTransferAnswer = z.object({
  transferId: text(64, "Missing transfer."),
  note: optionalText(1000),
});

/** Custody events that are not transfers, with what each must record. */
export const ZCustodyEvent = z.discriminatedUnion("action", [
  z.object({ action: z.literal("analysed"), purpose: text(1000, "Describe the analysis."), location: optionalText(300), result: optionalText(2000) }),
  z.object({ action: z.literal("sealed"), sealNumber: text(100, "Enter the seal number."), location: text(300, "Say where it is kept."), purpose: optionalText(1000) }),
  z.object({ action: z.literal("unsealed"), sealNumber: text(100, "Enter the seal number that was broken."), purpose: text(1000, "Say why the seal was broken."), location: optionalText(300) }),
  z.object({ action: z.literal("released"), releasedTo: text(300, "Say to whom it was released or returned."), purpose: text(1000, "Say why."), location: optionalText(300) }),
  z.object({
    action: z.literal("destroyed"),
    method: z.enum(["clear", "purge", "destroy"], { message: "Choose a NIST SP 800-88 method." }),
    witness: text(200, "Name the witness."),
    purpose: text(1000, "Say why it was destroyed."),
    location: optionalText(300),
  }),
]);
export type TCustodyEvent = z.infer<typeof ZCustodyEvent>;

export const EVIDENCE_SORTS = ["collectedAt", "label", "status", "createdAt"] as const;

export const ZEvidenceListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25),
  sort: z.enum(EVIDENCE_SORTS).default("collectedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  status: z.enum(["active", "sealed", "released", "destroyed"]).optional().catch(undefined),
  kind: z.enum(["digital", "physical"]).optional().catch(undefined),
  incident: z.string().trim().max(40).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});
export type TEvidenceListQuery = z.infer<typeof ZEvidenceListQuery>;

/** Keeps only a harmless display name: no path, no control characters, bounded length. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "_").replace(/^\.+/, "").trim();
  return (cleaned || "file").slice(0, 200);
}
