import "server-only";
import { displayNames } from "@/lib/core/display-names";
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
  // The page's ids first, then its rows: walking the sort index for ids alone is an index-only
  // scan however deep the page (page 200 skips 4,975 entries, not 4,975 whole rows).
  const [page, counted] = await Promise.all([
    db().$queryRaw<{ id: string }[]>`SELECT e."id" FROM "EvidenceItem" e ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    onlyScope ? [{ total: visibleCount! }] : db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "EvidenceItem" e ${where}`,
  ]);
  const total = counted[0]?.total ?? 0;
  const found = page.length
    ? await db().evidenceItem.findMany({
        where: { id: { in: page.map((p) => p.id) } },
        include: { incident: { select: { reference: true } }, transfers: { where: { status: "pending" }, select: { toUserId: true } } },
      })
    : [];
  const byId = new Map(found.map((i) => [i.id, i]));
  // In the page's order; an item removed between the two reads is left out.
  const items = page.flatMap((p) => byId.get(p.id) ?? []);
  const names = await displayNames(items.map((i) => i.custodianId));
  return {
    total,
    query,
    rows: items.map((i) => ({
      id: i.id,
      label: i.label,
      incidentReference: i.incident.reference,
      kind: i.kind,
      description: i.description,
      status: i.status,
      custodianId: i.custodianId,
      custodianName: names.get(i.custodianId) ?? "Unknown",
      collectedAt: i.collectedAt.toISOString(),
      legalHold: i.legalHold,
      fileName: i.fileName,
      fileSize: i.fileSize === null ? null : Number(i.fileSize),
      lastVerifiedOk: i.lastVerifiedOk,
      pendingTransferToId: i.transfers[0]?.toUserId ?? null,
    })),
  };
}
