// The incident list as SQL, shared by the list service, the CSV export and the benchmark.
// Filtering, sorting and paging happen in the database; every sort column has an index
// ("<column>, id"), and text search uses the GIN index on the same to_tsvector expression.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { AMBER_FROM_MS, CLOCK_STATES, RED_FROM_MS } from "./clock-rules";
import { INCIDENT_STATUSES } from "./status-rules";

export const SORT_COLUMNS = {
  reference: `i."reference"`,
  title: `i."title"`,
  severity: `i."severity"`,
  status: `i."status"`,
  type: `i."typeId"`,
  detectedAt: `i."detectedAt"`,
  dueAt: `i."notificationDueAt"`,
  createdAt: `i."createdAt"`,
  updatedAt: `i."updatedAt"`,
} as const;
export type TSortColumn = keyof typeof SORT_COLUMNS;

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : Array.isArray(v) ? v : []),
    z.array(z.enum(values)).catch([]),
  );
const day = z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined));

/** The list's state as it lives in the URL; anything malformed falls back to the default. */
export const ZIncidentListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(25).default(25),
  sort: z.enum(Object.keys(SORT_COLUMNS) as [TSortColumn, ...TSortColumn[]]).catch("detectedAt").default("detectedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  status: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : Array.isArray(v) ? v : []),
    z.array(z.enum([...INCIDENT_STATUSES, "open"])).catch([]),
  ),
  severity: csv(["SEV1", "SEV2", "SEV3", "SEV4"]),
  type: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional().catch(undefined)),
  from: day,
  to: day,
  clock: csv(CLOCK_STATES),
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() : undefined), z.string().max(200).optional().catch(undefined)),
});
export type TIncidentListQuery = z.output<typeof ZIncidentListQuery>;

export type TListScope = { kind: "all" } | { kind: "member"; userId: string };

/** "payroll INC-2026-00" -> "payroll:* & inc:* & 2026:* & 00:*"; null when nothing searchable. */
export function toPrefixQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 10).map((w) => `${w}:*`).join(" & ") : null;
}

export const SEARCH_VECTOR = Prisma.raw(`to_tsvector('simple', translate(i."reference", '-', ' ') || ' ' || i."title" || ' ' || i."summary")`);

function clockCondition(state: (typeof CLOCK_STATES)[number], now: Date): Prisma.Sql {
  const amber = new Date(now.getTime() + AMBER_FROM_MS);
  const red = new Date(now.getTime() + RED_FROM_MS);
  const running = Prisma.sql`i."amazonNotifiedAt" IS NULL AND i."notificationDueAt" IS NOT NULL AND i."status" <> 'false_positive'`;
  switch (state) {
    case "not-required":
      return Prisma.sql`(i."notificationDueAt" IS NULL OR (i."status" = 'false_positive' AND i."amazonNotifiedAt" IS NULL))`;
    case "met":
      return Prisma.sql`(i."amazonNotifiedAt" IS NOT NULL AND i."amazonNoticeOnTime" IS TRUE)`;
    case "met-late":
      return Prisma.sql`(i."amazonNotifiedAt" IS NOT NULL AND i."amazonNoticeOnTime" IS FALSE)`;
    case "overdue":
      return Prisma.sql`(${running} AND i."notificationDueAt" < ${now})`;
    case "red":
      return Prisma.sql`(${running} AND i."notificationDueAt" >= ${now} AND i."notificationDueAt" <= ${red})`;
    case "amber":
      return Prisma.sql`(${running} AND i."notificationDueAt" > ${red} AND i."notificationDueAt" <= ${amber})`;
    case "green":
      return Prisma.sql`(${running} AND i."notificationDueAt" > ${amber})`;
  }
}

export function listWhere(query: TIncidentListQuery, scope: TListScope, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.kind === "member") parts.push(Prisma.sql`i."memberIds" @> ARRAY[${scope.userId}]::text[]`);
  if (query.status.length) {
    const statuses = query.status.flatMap((s) => (s === "open" ? ["detected", "triaged", "contained", "eradicated", "recovered"] : [s]));
    // Compared as the enum (not ::text) so the status and severity indexes apply.
    parts.push(Prisma.sql`i."status" = ANY(CAST(${statuses} AS "IncidentStatus"[]))`);
  }
  if (query.severity.length) parts.push(Prisma.sql`i."severity" = ANY(CAST(${query.severity} AS "IncidentSeverity"[]))`);
  if (query.type) parts.push(Prisma.sql`i."typeId" = ${query.type}`);
  if (query.from) parts.push(Prisma.sql`i."detectedAt" >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) parts.push(Prisma.sql`i."detectedAt" < ${new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)}`);
  if (query.clock.length) parts.push(Prisma.sql`(${Prisma.join(query.clock.map((c) => clockCondition(c, now)), " OR ")})`);
  const prefix = query.q ? toPrefixQuery(query.q) : null;
  if (prefix) parts.push(Prisma.sql`${SEARCH_VECTOR} @@ to_tsquery('simple', ${prefix})`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * Offset paging over an index: the inner query walks only the ("<sort>", id) index to find the
 * page's ids (an index-only scan, cheap even at page 200 of 10,000), then the page's 25 rows
 * are joined. Offset, not keyset, because people jump to page N and share URLs naming it.
 */
export function listSql(query: TIncidentListQuery, scope: TListScope, now: Date): { rows: Prisma.Sql; count: Prisma.Sql } {
  const where = listWhere(query, scope, now);
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const nulls = query.sort === "dueAt" ? (dir === "ASC" ? " NULLS LAST" : " NULLS FIRST") : "";
  const order = Prisma.raw(`${SORT_COLUMNS[query.sort]} ${dir}${nulls}, i."id" ${dir}`);
  const outerOrder = Prisma.raw(`${SORT_COLUMNS[query.sort]} ${dir}${nulls}, i."id" ${dir}`);
  const offset = (query.page - 1) * query.pageSize;
  return {
    rows: Prisma.sql`
      WITH page AS (SELECT i."id" FROM "Incident" i ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset})
      SELECT i."id", i."reference", i."title", i."severity"::text AS "severity", i."status"::text AS "status", i."typeId",
             t."name" AS "typeName", i."detectedAt", i."notificationDueAt", i."amazonNotifiedAt", i."amazonNoticeOnTime",
             i."amazonInfoInvolved", i."piiInvolved", i."commanderId", u."displayName" AS "commanderName", i."createdAt", i."updatedAt",
             -- While the Amazon clock runs: the states of its notices sent through Vigil and not yet given.
             CASE WHEN i."amazonInfoInvolved" AND i."amazonNotifiedAt" IS NULL THEN
               ARRAY(SELECT n."status"::text FROM "AmazonNotice" n WHERE n."incidentId" = i."id" AND n."status" IN ('sending', 'held', 'failed'))
             END AS "noticeStates"
      FROM page JOIN "Incident" i ON i."id" = page."id"
      JOIN "IncidentType" t ON t."id" = i."typeId"
      LEFT JOIN "User" u ON u."id" = i."commanderId"
      ORDER BY ${outerOrder}`,
    count: Prisma.sql`SELECT count(*)::int AS "total" FROM "Incident" i ${where}`,
  };
}

export interface TIncidentListRowRaw {
  id: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  typeId: string;
  typeName: string;
  detectedAt: Date;
  notificationDueAt: Date | null;
  amazonNotifiedAt: Date | null;
  amazonNoticeOnTime: boolean | null;
  amazonInfoInvolved: boolean;
  piiInvolved: boolean;
  commanderId: string | null;
  commanderName: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Null once notified or when no Amazon Information is involved. */
  noticeStates: string[] | null;
}
