import { z } from "zod";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "held", "cancelled"] as const;
export const OUTBOX_SORTS = ["createdAt", "updatedAt", "status", "attempts", "subject"] as const;

/** The admin outbox list: paging, sort and filter, all applied in the database. */
export const ZOutboxListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().refine((n) => [10, 25, 50, 100].includes(n)).catch(25).default(25),
  sort: z.enum(OUTBOX_SORTS).catch("createdAt").default("createdAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  /** One email by id: the link in "could not be delivered" reminders. */
  email: z
    .string()
    .regex(/^eml_[0-9a-z]{20}$/)
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
});
export type TOutboxListQuery = z.infer<typeof ZOutboxListQuery>;

export const ZResendEmail = z.object({ emailId: z.string().regex(/^eml_[0-9a-z]{20}$/, "Unknown email") });
export type TResendEmail = z.infer<typeof ZResendEmail>;
