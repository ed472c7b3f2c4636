import { z } from "zod";
import { text } from "@/lib/core/schema-fields";


// A form's YYYY-MM-DD, or an already parsed Date (services parse again, so parsing is idempotent).
// A start is the beginning of its day (UTC); an end is the end of its day, like an auditor's access.
const day = (edge: "start" | "end", message: string) =>
  z.union([z.date(), z.iso.date({ message })]).transform((v) => (v instanceof Date ? v : new Date(`${v}T${edge === "start" ? "00:00:00.000" : "23:59:59.999"}Z`)));

const email = z.string().trim().toLowerCase().max(254, "Use at most 254 characters.").pipe(z.email({ message: "Enter an email address like name@example.com." }));

export const ZNewAuditor = z.object({
  displayName: text(120, "Enter the auditor's name."),
  email,
});
export type TNewAuditor = z.infer<typeof ZNewAuditor>;

const ids = z.array(z.string().trim().min(1).max(64)).max(50).default([]);

export const ZEngagementCreate = z.object({
  name: text(200, "Name the engagement."),
  auditFirm: text(200, "Enter the audit firm."),
  scope: text(4000, "Describe what is audited."),
  startsAt: day("start", "Enter the first day."),
  endsAt: day("end", "Enter the last day."),
  auditorIds: ids,
  newAuditors: z.array(ZNewAuditor).max(20).default([]),
});
export type TEngagementCreate = z.infer<typeof ZEngagementCreate>;

export const ZEngagementEnd = z.object({ endsAt: day("end", "Enter the last day.") });

export const ZAddAuditor = z.union([z.object({ userId: text(64, "Choose an auditor.") }), ZNewAuditor]);
export type TAddAuditor = z.infer<typeof ZAddAuditor>;

export const ZRemoveAuditor = z.object({ userId: text(64, "Choose an auditor.") });

export const ZEvidenceGrant = z.object({
  engagementId: text(64, "Choose an engagement."),
  evidenceId: text(64, "Missing evidence item."),
});

export const ZRevokeGrant = z.object({ grantId: text(64, "Missing grant.") });

export const ENGAGEMENT_SORTS = ["startsAt", "endsAt", "reference", "createdAt"] as const;
export const ENGAGEMENT_STATES = ["planned", "active", "ended"] as const;
export type TEngagementState = (typeof ENGAGEMENT_STATES)[number];

export const ZEngagementListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().refine((n) => [10, 25, 50].includes(n)).catch(25),
  sort: z.enum(ENGAGEMENT_SORTS).catch("startsAt"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  state: z.enum(["", ...ENGAGEMENT_STATES]).catch(""),
});
export type TEngagementListQuery = z.infer<typeof ZEngagementListQuery>;
