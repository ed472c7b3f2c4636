import { z } from "zod";
import { listQueryFields } from "@/lib/core/list-query";
import { text, optionalText } from "@/lib/core/schema-fields";

const calendarDay = (message: string) => z.string({ message }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, message);

export const FINDING_SEVERITIES = ["low", "medium", "high", "critical"] as const;

export const ZFindingCreate = z.object({
  controlId: text(20, "Choose the control the finding is against."),
  engagementId: optionalText(64),
  title: text(200, "Give the finding a short title."),
  description: text(4000, "Describe what the audit found."),
  severity: z.enum(FINDING_SEVERITIES, { message: "Choose a severity." }),
  ownerId: text(64, "Choose who remediates it."),
  dueDate: calendarDay("Enter the remediation due date."),
});
export type TFindingCreate = z.input<typeof ZFindingCreate>;

export const ZFindingOwnerChange = z.object({
  ownerId: text(64, "Choose who remediates it."),
});

export const ZFindingDueChange = z.object({
  dueDate: calendarDay("Enter the new due date."),
  // Required when the date moves later; checked in the service, which knows the old date.
  reason: optionalText(2000),
});

export const ZFindingClose = z.object({
  closureNote: z.string().trim().min(10, "Say how it was remediated (at least 10 characters).").max(4000, "Keep it under 4000 characters."),
  closureEvidence: z
    .string()
    .trim()
    .min(5, "Name what shows the fix: documents, tickets, links or evidence labels.")
    .max(4000, "Keep it under 4000 characters."),
});

export const ZFindingReopen = z.object({
  reason: z.string().trim().min(5, "Say why the finding is reopened.").max(2000, "Keep it under 2000 characters."),
});

export const FINDING_SORT_COLUMNS = ["reference", "dueDate", "severity", "createdAt"] as const;

/** The list's state as it lives in the URL; anything malformed falls back to the default. */
export const ZFindingListQuery = z.object({
  ...listQueryFields(FINDING_SORT_COLUMNS, { sort: "dueDate", dir: "asc" }),
  status: z.enum(["open", "closed", "all"]).catch("open").default("open"),
  control: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().max(20).optional().catch(undefined)),
});
export type TFindingListQuery = z.output<typeof ZFindingListQuery>;
