import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZEvidenceListQuery, type TEvidenceListQuery } from "./schemas";
import type { TEvidenceRow } from "./types";

/** Evidence the actor may see, paged, sorted and filtered in the database. */
export async function listEvidence(actor: Actor, rawQuery: unknown): Promise<{ rows: TEvidenceRow[]; total: number; query: TEvidenceListQuery }> {
  const query = ZEvidenceListQuery.parse(rawQuery ?? {});
  const scope = scopeOf(actor, "evidence.read");
  if (scope.kind === "none") return { rows: [], total: 0, query };
  const parts: Prisma.Sql[] = [];
  let visibleCount: number | null = null;
  if (scope.kind === "member") {
    // The items the member may see, found through three indexes (their incidents by the GIN
    // index on memberIds, then the items by incidentId; items in their custody; items waiting
    // for them), then given to the page and the count as one array parameter: never a scan of
    // every item testing sub-queries row by row, nor a statement with one parameter per item.
    const visible = await db().$queryRaw<{ id: string }[]>`
      SELECT e."id" FROM "EvidenceItem" e WHERE e."incidentId" = ANY(ARRAY(SELECT i."id" FROM "Incident" i WHERE i."memberIds" @> ARRAY[${scope.userId}]::text[]))
      UNION SELECT e."id" FROM "EvidenceItem" e WHERE e."custodianId" = ${scope.userId}
      UNION SELECT t."evidenceId" FROM "CustodyTransfer" t WHERE t."toUserId" = ${scope.userId} AND t."status" = 'pending'`;
    parts.push(Prisma.sql`e."id" = ANY(${visible.map((v) => v.id)}::text[])`);
    // Distinct ids of items that exist (items are never deleted): with no other filter, their
    // number is the count, without counting them again.
    visibleCount = visible.length;
  }
  if (query.status) parts.push(Prisma.sql`e."status" = CAST(${query.status} AS "EvidenceStatus")`);
  if (query.kind) parts.push(Prisma.sql`e."kind" = CAST(${query.kind} AS "EvidenceKind")`);
  if (query.incident) parts.push(Prisma.sql`e."incidentId" = (SELECT "id" FROM "Incident" WHERE "reference" = ${query.incident})`);
  if (query.q) {
    // A substring anywhere, case-insensitive; % and _ typed by the user are literal.
    const pattern = `%${query.q.replace(/[\\%_]/g, "\\$&")}%`;
    parts.push(Prisma.sql`(e."label" ILIKE ${pattern} OR e."description" ILIKE ${pattern} OR e."fileName" ILIKE ${pattern} OR e."serialNumber" ILIKE ${pattern})`);
  }
  const onlyScope = visibleCount !== null && parts.length === 1;
  const where = parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const order = Prisma.raw(`e."${query.sort}" ${dir}, e."id" ${dir}`);
  // One statement for the page: its ids first, from the sort index alone however deep the page
  // (page 200 skips 4,975 index entries, not 4,975 whole rows), then those 25 rows with their
  // incident's reference, their custodian's name and any pending transfer. The count beside it.
  const [rows, counted] = await Promise.all([
    db().$queryRaw<(Omit<TEvidenceRow, "collectedAt" | "fileSize" | "custodianName"> & { collectedAt: Date; fileSize: bigint | number | null; custodianName: string | null })[]>`
      SELECT e."id", e."label", i."reference" AS "incidentReference", e."kind"::text AS "kind", e."description", e."status"::text AS "status",
             e."custodianId", u."displayName" AS "custodianName", e."collectedAt", e."legalHold", e."fileName", e."fileSize", e."lastVerifiedOk",
             (SELECT t."toUserId" FROM "CustodyTransfer" t WHERE t."evidenceId" = e."id" AND t."status" = 'pending' ORDER BY t."requestedAt" DESC LIMIT 1) AS "pendingTransferToId"
      FROM (SELECT e."id" FROM "EvidenceItem" e ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) page
      JOIN "EvidenceItem" e ON e."id" = page."id"
      JOIN "Incident" i ON i."id" = e."incidentId"
      LEFT JOIN "User" u ON u."id" = e."custodianId"
      ORDER BY ${order}`,
    onlyScope ? [{ total: visibleCount! }] : db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "EvidenceItem" e ${where}`,
  ]);
  return {
    total: counted[0]?.total ?? 0,
    query,
    rows: rows.map((r) => ({
      ...r,
      custodianName: r.custodianName ?? "Unknown",
      collectedAt: r.collectedAt.toISOString(),
      fileSize: r.fileSize === null ? null : Number(r.fileSize),
    })),
  };
}
