import "server-only";
// Assets from a CSV file through the shared import (lib/core/csv-import): saved column mapping,
// staged preview, re-validated on commit, all or nothing. An asset is keyed by its kind and name;
// the import owns the assets it brought in: those missing from the next file are retired, assets
// added by hand are never touched. The same file twice changes nothing.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { commitImport } from "@/lib/core/csv-import/commit-import";
import { getImportMapping } from "@/lib/core/csv-import/get-import-mapping";
import type { TImportKind, TImportPlan } from "@/lib/core/csv-import/import-kind";
import { previewImport } from "@/lib/core/csv-import/preview-import";
import { saveImportMapping } from "@/lib/core/csv-import/save-import-mapping";
import type { TColumnMapping, TImportCounts, TImportPreview } from "@/lib/core/csv-import/types";
import { nextReference } from "@/lib/core/references";
import { now as clockNow } from "@/lib/clock";
import { db, type Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { AT_REST_ALGORITHMS, DEVICE_OWNERSHIPS, INVENTORY_KINDS, KEY_MANAGEMENTS, TLS_VERSIONS, normalizeField } from "./asset-rules";
import { ZAssetSave } from "./schemas";

export const ASSET_IMPORT_FIELDS = [
  "kind",
  "name",
  "description",
  "owner",
  "location",
  "holds_amazon_info",
  "holds_personal_data",
  "personal_data_fields",
  "encryption_at_rest",
  "key_management",
  "min_tls",
  "device_ownership",
  "anti_malware",
  "anti_malware_tamper_protected",
  "disk_encryption",
] as const;

/** What a cell may say for each coded column, beyond the code itself ("AES-256", "TLS 1.2", "Cloud service"). */
const code = (value: string) => value.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
const ALIASES: Record<string, string> = { tls_1_0: "tls1_0", tls_1_1: "tls1_1", tls_1_2: "tls1_2", tls_1_3: "tls1_3", unencrypted: "none", rsa_2048: "rsa_2048_plus", company_owned: "company", byod: "personal" };
const coded = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.string().transform((v, ctx) => {
    if (!v.trim()) return "";
    const c = ALIASES[code(v)] ?? code(v);
    if ((values as readonly string[]).includes(c)) return c;
    ctx.addIssue({ code: "custom", message: `${what} must be one of: ${values.join(", ")}.` });
    return z.NEVER;
  });
const yesNo = z.string().transform((v, ctx) => {
  const c = code(v);
  if (["", "yes", "no", "true", "false", "y", "n", "1", "0"].includes(c)) return c === "y" ? "yes" : c === "n" ? "no" : c;
  ctx.addIssue({ code: "custom", message: "Answer yes or no, or leave it blank." });
  return z.NEVER;
});

export type TAssetImportRow = ReturnType<typeof ZAssetSave.parse>;
type TStoredAsset = TAssetImportRow & { id: string; key: string };

const keyOf = (row: { kind: string; name: string }) => `${row.kind}:${normalizeField(row.name)}`;

/** The row's schema, resolving owners by their people-register reference. */
function rowSchema(people: ReadonlyMap<string, string>): z.ZodType<TAssetImportRow> {
  return z
    .object({
      kind: coded(INVENTORY_KINDS, "kind"),
      name: z.string().default(""),
      description: z.string().default(""),
      owner: z.string().default(""),
      location: z.string().default(""),
      holds_amazon_info: yesNo.default(""),
      holds_personal_data: yesNo.default(""),
      personal_data_fields: z.string().default(""),
      encryption_at_rest: coded(AT_REST_ALGORITHMS, "encryption_at_rest").default(""),
      key_management: coded(KEY_MANAGEMENTS, "key_management").default(""),
      min_tls: coded(TLS_VERSIONS, "min_tls").default(""),
      device_ownership: coded(DEVICE_OWNERSHIPS, "device_ownership").default(""),
      anti_malware: yesNo.default(""),
      anti_malware_tamper_protected: yesNo.default(""),
      disk_encryption: yesNo.default(""),
    })
    .transform((r, ctx) => {
      const ownerId = r.owner.trim() ? people.get(r.owner.trim().toUpperCase()) : null;
      if (ownerId === undefined) {
        ctx.addIssue({ code: "custom", path: ["owner"], message: `No person with the reference ${r.owner.trim()} in the people register.` });
        return z.NEVER;
      }
      const parsed = ZAssetSave.safeParse({
        kind: r.kind,
        name: r.name,
        description: r.description,
        ownerId: ownerId ?? "",
        location: r.location,
        holdsAmazonInfo: r.holds_amazon_info,
        holdsPersonalData: r.holds_personal_data,
        personalDataFields: r.personal_data_fields,
        atRestAlgorithm: r.encryption_at_rest,
        atRestKeyManagement: r.key_management,
        inTransitMinTls: r.min_tls,
        deviceOwnership: r.device_ownership,
        antiMalwareInstalled: r.anti_malware,
        antiMalwareTamperProof: r.anti_malware_tamper_protected,
        diskEncrypted: r.disk_encryption,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
        return z.NEVER;
      }
      const row = parsed.data;
      // The same normalisation a save applies: device facts only for devices, fields only with personal data.
      const device = row.kind === "device";
      return {
        ...row,
        verified: false,
        personalDataFields: row.holdsPersonalData ? row.personalDataFields : [],
        deviceOwnership: device ? row.deviceOwnership : null,
        antiMalwareInstalled: device ? row.antiMalwareInstalled : null,
        antiMalwareTamperProof: device ? row.antiMalwareTamperProof : null,
        diskEncrypted: device ? row.diskEncrypted : null,
      };
    }) as unknown as z.ZodType<TAssetImportRow>;
}

const COMPARED = ["description", "ownerId", "location", "holdsAmazonInfo", "holdsPersonalData", "personalDataFields", "atRestAlgorithm", "atRestKeyManagement", "inTransitMinTls", "deviceOwnership", "antiMalwareInstalled", "antiMalwareTamperProof", "diskEncrypted"] as const;

function writeColumns(row: TAssetImportRow) {
  return {
    kind: row.kind,
    name: row.name,
    description: row.description,
    ownerId: row.ownerId,
    inventoryLocation: row.location,
    holdsAmazonInfo: row.holdsAmazonInfo,
    holdsPersonalData: row.holdsPersonalData,
    personalDataFields: row.personalDataFields,
    atRestAlgorithm: row.atRestAlgorithm,
    atRestKeyManagement: row.atRestKeyManagement,
    inTransitMinTls: row.inTransitMinTls,
    deviceOwnership: row.deviceOwnership,
    antiMalwareInstalled: row.antiMalwareInstalled,
    antiMalwareTamperProof: row.antiMalwareTamperProof,
    diskEncrypted: row.diskEncrypted,
  };
}

/** The import kind, with the people register's references as they are now. */
export function assetImportKind(actor: Actor, people: ReadonlyMap<string, string>): TImportKind<TAssetImportRow, TStoredAsset> {
  return {
    kind: "assets",
    fields: ASSET_IMPORT_FIELDS,
    schema: rowSchema(people),
    permission: "asset.manage",
    keyOf,
    async loadExisting(tx: Tx) {
      const stored = await tx.asset.findMany({ where: { inventoryImportKey: { not: null }, retiredAt: null } });
      return new Map(
        stored.map((a) => [
          a.inventoryImportKey!,
          {
            id: a.id,
            key: a.inventoryImportKey!,
            kind: a.kind as TAssetImportRow["kind"],
            name: a.name,
            description: a.description,
            ownerId: a.ownerId,
            location: a.inventoryLocation,
            holdsAmazonInfo: a.holdsAmazonInfo,
            holdsPersonalData: a.holdsPersonalData,
            personalDataFields: a.personalDataFields,
            atRestAlgorithm: a.atRestAlgorithm,
            atRestKeyManagement: a.atRestKeyManagement,
            inTransitMinTls: a.inTransitMinTls,
            deviceOwnership: a.deviceOwnership,
            antiMalwareInstalled: a.antiMalwareInstalled,
            antiMalwareTamperProof: a.antiMalwareTamperProof,
            diskEncrypted: a.diskEncrypted,
            verified: false,
          },
        ]),
      );
    },
    diff(row, existing) {
      const changed: string[] = COMPARED.filter((field) => JSON.stringify(row[field] ?? null) !== JSON.stringify(existing[field] ?? null));
      return row.name === existing.name ? changed : ["name", ...changed];
    },
    async apply(tx: Tx, plan: TImportPlan<TAssetImportRow, TStoredAsset>) {
      const at = clockNow();
      for (const entry of plan.rows) {
        if (entry.class === "added") {
          const id = newId("ast");
          const reference = await nextReference(tx, "AST", at);
          await tx.asset.create({ data: { id, reference, ...writeColumns(entry.row!), inventoryImportKey: entry.key, createdById: actorId(actor), createdAt: at } });
          await recordAuditEvent(tx, { actor, action: "asset.imported", target: { type: "asset", id }, details: { reference, kind: entry.row!.kind, line: entry.line ?? null } });
        } else if (entry.class === "changed") {
          await tx.asset.update({ where: { id: entry.existing!.id }, data: writeColumns(entry.row!) });
          await recordAuditEvent(tx, { actor, action: "asset.changed", target: { type: "asset", id: entry.existing!.id }, details: { fields: entry.changedFields ?? [], byImport: true } });
        } else if (entry.class === "removed") {
          await tx.asset.update({ where: { id: entry.existing!.id }, data: { retiredAt: at, inventoryImportKey: null } });
          await recordAuditEvent(tx, { actor, action: "asset.retired", target: { type: "asset", id: entry.existing!.id }, details: { byImport: true } });
        }
      }
    },
  };
}

async function peopleByReference(): Promise<Map<string, string>> {
  const people = await db().person.findMany({ select: { id: true, reference: true } });
  return new Map(people.map((p) => [p.reference.toUpperCase(), p.id]));
}

/** Stages a CSV file of assets: each row classified, each bad row with its line and reason. Writes no asset. */
export async function previewAssetImport(actor: Actor, file: string, options: { mapping?: TColumnMapping } = {}): Promise<TImportPreview> {
  return previewImport(actor, assetImportKind(actor, await peopleByReference()), file, options);
}

/** Writes a previewed asset import, all or nothing, after checking it again against the data as it is now. */
export async function commitAssetImport(actor: Actor, previewId: string): Promise<TImportCounts> {
  return commitImport(actor, assetImportKind(actor, await peopleByReference()), previewId);
}

/** A staged asset import as its preview showed it, for the person who staged it; null when gone or not theirs. */
export async function getAssetImportPreview(actor: Actor, previewId: string): Promise<(TImportPreview & { status: string }) | null> {
  await authorize(actor, "asset.manage", { type: "csv-import", id: previewId });
  const preview = await db().csvImportPreview.findUnique({ where: { id: previewId } });
  if (!preview || preview.kind !== "assets" || preview.createdById !== actorId(actor)) return null;
  const plan = preview.plan as unknown as { entries: TImportPreview["entries"]; counts: TImportPreview["counts"] };
  return { id: preview.id, kind: preview.kind, status: preview.status, counts: plan.counts, entries: plan.entries, problems: preview.problems as unknown as TImportPreview["problems"] };
}

export async function saveAssetImportMapping(actor: Actor, input: unknown): Promise<TColumnMapping> {
  return saveImportMapping(actor, { kind: "assets", fields: ASSET_IMPORT_FIELDS, permission: "asset.manage" }, input);
}

export async function getAssetImportMapping(actor: Actor): Promise<TColumnMapping | null> {
  return getImportMapping(actor, { kind: "assets", fields: ASSET_IMPORT_FIELDS, permission: "asset.manage" });
}
