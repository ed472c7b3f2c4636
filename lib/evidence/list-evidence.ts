import "server-only";
import { displayNames } from "@/lib/core/display-names";
import type { Actor } from "@/lib/auth/actor";
import { scopeOf } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZEvidenceListQuery, type TEvidenceListQuery } from "./schemas";
import type { TEvidenceRow } from "./types";

/** Evidence the actor may see, paged, sorted and filtered in the database. */
export async function listEvidence(actor: Actor, rawQuery: unknown): Promise<{ rows: TEvidenceRow[]; total: number; query: TEvidenceListQuery }> {
  const query = ZEvidenceListQuery.parse(rawQuery ?? {});
  const scope = scopeOf(actor, "evidence.read");
  if (scope.kind === "none") return { rows: [], total: 0, query };
  const and: Prisma.EvidenceItemWhereInput[] = [];
  if (scope.kind === "member") {
    // The items the member may see, found through three indexes (their incidents by the GIN
    // index on memberIds, then the items by incidentId; items in their custody; items waiting
    // for them), so the page and the count below are index scans of those ids, never a scan of
    // every item testing sub-queries row by row.
    const visible = await db().$queryRaw<{ id: string }[]>`
      SELECT e."id" FROM "EvidenceItem" e WHERE e."incidentId" = ANY(ARRAY(SELECT i."id" FROM "Incident" i WHERE i."memberIds" @> ARRAY[${scope.userId}]::text[]))
      UNION SELECT e."id" FROM "EvidenceItem" e WHERE e."custodianId" = ${scope.userId}
      UNION SELECT t."evidenceId" FROM "CustodyTransfer" t WHERE t."toUserId" = ${scope.userId} AND t."status" = 'pending'`;
    and.push({ id: { in: visible.map((v) => v.id) } });
  }
  if (query.status) and.push({ status: query.status });
  if (query.kind) and.push({ kind: query.kind });
  if (query.incident) and.push({ incident: { reference: query.incident } });
  if (query.q) {
    and.push({
      OR: [
        { label: { contains: query.q, mode: "insensitive" } },
        { description: { contains: query.q, mode: "insensitive" } },
        { fileName: { contains: query.q, mode: "insensitive" } },
        { serialNumber: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  const where: Prisma.EvidenceItemWhereInput = and.length ? { AND: and } : {};
  // The page's ids first, then its rows: walking the sort index for ids alone is an index-only
  // scan however deep the page (page 200 skips 4,975 entries, not 4,975 whole rows).
  const [page, total] = await Promise.all([
    db().evidenceItem.findMany({
      where,
      orderBy: [{ [query.sort]: query.dir }, { id: query.dir }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true },
    }),
    db().evidenceItem.count({ where }),
  ]);
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
