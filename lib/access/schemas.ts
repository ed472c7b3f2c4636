import { z } from "zod";
import { listQueryFields } from "@/lib/core/list-query";
import { optionalText, text } from "@/lib/core/schema-fields";
import { CREDENTIAL_KINDS } from "./access-rules";
import { ACCESS_DECISIONS } from "./campaign-rules";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const optionalDay = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || dayPattern.test(v), message);
const requiredDay = (message: string) => z.string({ message }).trim().regex(dayPattern, message);
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || null);
const count = (label: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce.number({ message: `Enter ${label} as a whole number.` }).int(`Enter ${label} as a whole number.`).min(0).max(1000).nullable(),
  );
/** "yes"/"no" from a select or a CSV cell; empty: not known. */
const yesNoUnknown = z.preprocess((v) => {
  const s = typeof v === "string" ? v.trim().toLowerCase() : v;
  if (s === "" || s === undefined || s === null || s === "unknown") return null;
  if (["yes", "true", "y", "1", "on", "enabled"].includes(String(s))) return true;
  if (["no", "false", "n", "0", "off", "disabled"].includes(String(s))) return false;
  return s;
}, z.boolean({ message: "Enter yes or no." }).nullable());

export const PERSON_KINDS = ["employee", "contractor"] as const;

export const ZPersonSave = z.object({
  displayName: text(200, "Enter the person's name."),
  email: z
    .string()
    .trim()
    .max(320)
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Enter a valid email address or leave it empty."),
  kind: z.enum(PERSON_KINDS, { message: "Choose employee or contractor." }),
  jobTitle: optionalText(200),
  managerId: optionalId,
  userId: optionalId,
  startsOn: optionalDay("Enter the start day as YYYY-MM-DD."),
  endsOn: optionalDay("Enter the end day as YYYY-MM-DD."),
});
export type TPersonSave = z.input<typeof ZPersonSave>;

export const ZSystemSave = z.object({
  name: text(200, "Name the system."),
  description: optionalText(2000),
  ownerId: optionalId,
  holdsAmazonInfo: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  lockoutThreshold: count("the lockout threshold"),
  passwordHistory: count("the password history"),
  mfaEnforced: yesNoUnknown,
});
export type TSystemSave = z.input<typeof ZSystemSave>;

export const ACCOUNT_KINDS = ["human", "service"] as const;

/** One account as a form or a CSV row gives it; people are names or references, several separated by ";". */
export const ZAccountRow = z.object({
  identifier: text(200, "Enter the account's name or login."),
  kind: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : "human"), z.enum(ACCOUNT_KINDS, { message: "Enter human or service." })),
  person: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => (v ? v.split(/[;|]/).map((p) => p.trim()).filter(Boolean) : [])),
  privileges: optionalText(500),
  lastUsed: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const at = dayPattern.test(v) ? new Date(`${v}T00:00:00Z`) : new Date(v);
      if (Number.isNaN(at.getTime())) {
        ctx.addIssue({ code: "custom", message: "Enter a date (YYYY-MM-DD) or a date and time." });
        return z.NEVER;
      }
      return at;
    }),
  mfa: yesNoUnknown,
  created: optionalDay("Enter the creation day as YYYY-MM-DD."),
});
export type TAccountRow = z.output<typeof ZAccountRow>;
export const ACCOUNT_IMPORT_FIELDS = ["identifier", "kind", "person", "privileges", "lastUsed", "mfa", "created"] as const;

export const ZCredentialSave = z.object({
  systemId: z.string().trim().min(1, "Choose the system."),
  kind: z.enum(CREDENTIAL_KINDS, { message: "Choose the kind of credential." }),
  name: text(200, "Name the credential (what it is for, never its value)."),
  ownerId: optionalId,
  fingerprint: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  createdOn: requiredDay("Enter the day it was created as YYYY-MM-DD."),
  lastRotatedOn: optionalDay("Enter the day it was last rotated as YYYY-MM-DD."),
  rotationPeriodDays: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(1, "At least 1 day.").max(3650, "At most 3650 days.").nullable()),
});
export type TCredentialSave = z.input<typeof ZCredentialSave>;

export const ZRotationRecord = z.object({ rotatedOn: requiredDay("Enter the day it was rotated as YYYY-MM-DD.") });

export const ZAccessSettings = z.object({
  dormantDays: z.coerce.number({ message: "Enter a number of days." }).int().min(7, "At least 7 days.").max(730, "At most 730 days."),
  rotationApiKey: z.coerce.number({ message: "Enter a number of days." }).int().min(1).max(3650),
  rotationServiceToken: z.coerce.number({ message: "Enter a number of days." }).int().min(1).max(3650),
  rotationLwaClientSecret: z.coerce.number({ message: "Enter a number of days." }).int().min(1).max(180, "Amazon requires LWA client secrets to be rotated at least every 180 days."),
});
export type TAccessSettings = z.output<typeof ZAccessSettings>;

export const ZDecision = z.object({
  decision: z.enum(ACCESS_DECISIONS, { message: "Choose keep, revoke or change." }),
  reason: optionalText(2000),
});

export const ZRevocationProof = z.object({
  removedOn: requiredDay("Enter the day the access was removed."),
  note: z.string().trim().max(5000).optional().default(""),
  evidenceId: z.string().trim().max(100).optional().default(""),
});

export const ZSignOff = z.object({ note: optionalText(2000) });

export const SYSTEM_SORT_COLUMNS = ["name", "createdAt"] as const;
export const ZSystemListQuery = z.object({ ...listQueryFields(SYSTEM_SORT_COLUMNS, { sort: "name", dir: "asc" }) });
export type TSystemListQuery = z.output<typeof ZSystemListQuery>;

export const PERSON_SORT_COLUMNS = ["displayName", "endsOn"] as const;
export const ZPersonListQuery = z.object({ ...listQueryFields(PERSON_SORT_COLUMNS, { sort: "displayName", dir: "asc" }) });
export type TPersonListQuery = z.output<typeof ZPersonListQuery>;

export const ACCOUNT_SORT_COLUMNS = ["identifier", "lastUsedAt"] as const;
export const ZAccountListQuery = z.object({
  ...listQueryFields(ACCOUNT_SORT_COLUMNS, { sort: "identifier", dir: "asc" }),
  flagged: z.enum(["all", "flagged"]).catch("all").default("all"),
});
export type TAccountListQuery = z.output<typeof ZAccountListQuery>;

export const CREDENTIAL_SORT_COLUMNS = ["nextRotationDueOn", "name"] as const;
export const ZCredentialListQuery = z.object({ ...listQueryFields(CREDENTIAL_SORT_COLUMNS, { sort: "nextRotationDueOn", dir: "asc" }) });
export type TCredentialListQuery = z.output<typeof ZCredentialListQuery>;

export const CAMPAIGN_ITEM_SORT_COLUMNS = ["identifier"] as const;
export const ZCampaignItemQuery = z.object({ ...listQueryFields(CAMPAIGN_ITEM_SORT_COLUMNS, { sort: "identifier", dir: "asc" }), pageSize: z.coerce.number().int().min(5).max(200).catch(100).default(100) });
