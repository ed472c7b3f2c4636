// The audit log screen's list query: filters in the database and keyset pagination by sequence
// (newest first), so any page costs the same at 1,000,000 events as at 1,000. Each filter has an
// index ending in "sequence" (actor, action, target, outcome); the time range uses the
// occurredAt index or the sequence order, whichever the planner finds cheaper.
// Not "server-only": the benchmark measures this exact query.
import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    // A date and time without a zone (an <input type="datetime-local">) is UTC, as on the screen.
    const date = new Date(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(v) ? `${v.length === 10 ? `${v}T00:00` : v}Z` : v);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a date and time." });
      return z.NEVER;
    }
    return date;
  });

const optionalSequence = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    if (!/^\d{1,18}$/.test(v)) {
      ctx.addIssue({ code: "custom", message: "Not a sequence number." });
      return z.NEVER;
    }
    return BigInt(v);
  });

export const AUDIT_OUTCOMES = ["success", "denied", "failed"] as const;

export const ZAuditFilter = z
  .object({
    actor: optionalText(64),
    /** Exact action, or a prefix ending in "*" ("incident.*"). */
    action: z
      .string()
      .trim()
      .max(80)
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^[a-z0-9._-]+\*?$/.test(v), "Letters, digits, dots and dashes; end with * for a prefix."),
    targetType: optionalText(40),
    targetId: optionalText(100),
    outcome: z
      .enum(AUDIT_OUTCOMES, { message: "Choose success, denied or failed." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    from: optionalDate,
    to: optionalDate,
    /** Keyset cursors: events older than `before`, or newer than `after`. */
    before: optionalSequence,
    after: optionalSequence,
    limit: z.coerce.number().int().min(10).max(200).default(50),
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: "The start must be before the end.", path: ["to"] });

export type TAuditFilter = z.infer<typeof ZAuditFilter>;
export type TAuditFilterInput = z.input<typeof ZAuditFilter>;

export interface TSqlQuery {
  text: string;
  values: unknown[];
}

/** One page (plus one row to know whether another page follows), newest first. */
export function buildAuditListQuery(filter: TAuditFilter, columns = "*"): TSqlQuery {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.actor) where.push(`"actorId" = ${param(filter.actor)}`);
  if (filter.action?.endsWith("*")) {
    const prefix = filter.action.slice(0, -1);
    // The allowed characters leave only "_" to escape.
    where.push(`"action" LIKE ${param(`${prefix.replaceAll("_", "\\_")}%`)}`);
  } else if (filter.action) where.push(`"action" = ${param(filter.action)}`);
  if (filter.targetType) where.push(`"targetType" = ${param(filter.targetType)}`);
  if (filter.targetId) where.push(`"targetId" = ${param(filter.targetId)}`);
  if (filter.outcome) where.push(`"outcome" = ${param(filter.outcome)}::"AuditOutcome"`);
  if (filter.from) where.push(`"occurredAt" >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`"occurredAt" <= ${param(filter.to)}::timestamptz`);
  const ascending = filter.after !== undefined && filter.before === undefined;
  if (filter.before !== undefined) where.push(`"sequence" < ${param(filter.before)}::bigint`);
  if (filter.after !== undefined) where.push(`"sequence" > ${param(filter.after)}::bigint`);
  const text = `SELECT ${columns} FROM "AuditEvent"${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY "sequence" ${
    ascending ? "ASC" : "DESC"
  } LIMIT ${filter.limit + 1}`;
  return { text, values };
}
