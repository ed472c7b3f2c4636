import { z } from "zod";
import { listQueryFields } from "@/lib/core/list-query";
import { optionalText, text } from "@/lib/core/schema-fields";
import { AT_REST_ALGORITHMS, DEVICE_OWNERSHIPS, INVENTORY_KINDS, KEY_MANAGEMENTS, TLS_VERSIONS, ASSET_KINDS, normalizeField } from "./asset-rules";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { message }).optional()).transform((v) => v ?? null);
/** A checkbox: present ("on", "true") is yes. */
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "yes", z.boolean());
/** Yes, no, or not known (blank). */
const yesNoUnknown = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z.union([z.literal(""), z.literal("yes"), z.literal("no"), z.literal("true"), z.literal("false"), z.literal("1"), z.literal("0"), z.undefined(), z.null(), z.boolean()], { message: "Answer yes, no, or leave it blank when not known." }),
).transform((v) => (v === true || v === "yes" || v === "true" || v === "1" ? true : v === false || v === "no" || v === "false" || v === "0" ? false : null));

/** Personal-data fields as typed: separated by commas or semicolons, each normalised, no repeats. */
const fieldList = z.preprocess(
  (v) => (Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : ""),
  z.string().max(2000, "Keep the list under 2000 characters."),
).transform((v) => [...new Set(v.split(/[,;]/).map(normalizeField).filter(Boolean))]);

export const ZAssetSave = z.object({
  kind: z.enum(INVENTORY_KINDS, { message: "Choose what kind of asset it is." }),
  name: text(200, "Name the asset."),
  description: optionalText(2000),
  ownerId: z.preprocess(blankToUndefined, z.string().max(40).optional()).transform((v) => v ?? null),
  location: optionalText(200),
  holdsAmazonInfo: checkbox,
  holdsPersonalData: checkbox,
  personalDataFields: fieldList,
  atRestAlgorithm: optionalEnum(AT_REST_ALGORITHMS, "Choose an encryption algorithm from the list."),
  atRestKeyManagement: optionalEnum(KEY_MANAGEMENTS, "Choose a key management from the list."),
  inTransitMinTls: optionalEnum(TLS_VERSIONS, "Choose a TLS version from the list."),
  deviceOwnership: optionalEnum(DEVICE_OWNERSHIPS, "Choose personal or company-owned."),
  antiMalwareInstalled: yesNoUnknown,
  antiMalwareTamperProof: yesNoUnknown,
  diskEncrypted: yesNoUnknown,
  /** "I checked these facts today": records the verification with who and when. */
  verified: checkbox,
});
export type TAssetSave = z.input<typeof ZAssetSave>;

export const ASSET_SORT_COLUMNS = ["name", "kind", "inventoryLocation", "inventoryVerifiedAt"] as const;

export const ZAssetListQuery = z.object({
  ...listQueryFields(ASSET_SORT_COLUMNS, { sort: "name", dir: "asc" }),
  kind: z.enum(ASSET_KINDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type TAssetListQuery = z.output<typeof ZAssetListQuery>;

const calendarDay = (message: string) => z.string({ message }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, message);

export const ZInventoryReviewRecord = z.object({
  reviewedOn: calendarDay("Enter the day of the review."),
  notes: z.string().trim().min(10, "Say what the review checked and found (at least 10 characters).").max(4000, "Keep it under 4000 characters."),
  frequencyMonths: z.preprocess(blankToUndefined, z.coerce.number({ message: "Enter a number of months." }).int("Enter a whole number of months.").min(1, "Review at least every 12 months and at most every month.").max(12, "Review at least every 12 months and at most every month.").default(3)),
});

export const RETENTION_CATEGORIES = ["pii", "non_pii_amazon"] as const;
export const RETENTION_BASES = ["policy", "legal_requirement"] as const;

export const ZRetentionRuleSet = z
  .object({
    assetReference: z.string({ message: "Choose the data store." }).trim().min(1, "Choose the data store.").max(40),
    category: z.enum(RETENTION_CATEGORIES, { message: "Choose what data the rule covers." }),
    keepDays: z.coerce.number({ message: "Enter a number of days." }).int("Enter a whole number of days.").min(0, "Enter 0 days or more.").max(3650, "Keep it under ten years (3650 days)."),
    basis: z.enum(RETENTION_BASES, { message: "Choose the basis of the rule." }),
    legalReference: optionalText(300),
    purgeEveryDays: z.coerce.number({ message: "Enter a number of days." }).int("Enter a whole number of days.").min(1, "Purge at least once a year and at most daily.").max(365, "Purge at least once a year and at most daily."),
  })
  .superRefine((v, ctx) => {
    if (v.basis === "legal_requirement" && !v.legalReference) ctx.addIssue({ code: "custom", path: ["legalReference"], message: "Name the law that requires keeping it longer (the tax period)." });
  });
export type TRetentionRuleSet = z.input<typeof ZRetentionRuleSet>;

export const ZPurgeAttest = z.object({
  purgedOn: calendarDay("Enter the day of the purge."),
  recordsPurged: z.coerce.number({ message: "Enter how many records were purged." }).int("Enter a whole number.").min(0, "Enter 0 or more.").max(1_000_000_000, "Enter a smaller number."),
  method: text(1000, "Say how the records were purged (the job, the query, the tool)."),
});

export const ZProcessingRecordSave = z.object({
  dataField: text(100, "Name the personal-data field (name, address, email, phone...).").transform(normalizeField),
  source: text(1000, "Say where the field comes from."),
  collection: text(1000, "Say how it is collected."),
  processing: text(1000, "Say how it is processed."),
  purpose: text(1000, "Say what it is used for."),
  sharedWith: text(1000, "Say with whom it is shared (or \"nobody\")."),
  disposal: text(1000, "Say how and when it is disposed of."),
  assetReferences: z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), z.array(z.string().trim().max(40)).min(1, "Choose at least one asset that stores it.").max(100)),
  retentionRuleReference: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()).transform((v) => v ?? null),
});
export type TProcessingRecordSave = z.input<typeof ZProcessingRecordSave>;
