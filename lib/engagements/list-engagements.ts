import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { pageArgs } from "@/lib/core/list-query";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { engagementState } from "./engagement-rules";
import { ZEngagementListQuery, type TEngagementListQuery, type TEngagementState } from "./schemas";
import type { TEngagementRow } from "./types";

/** The state filter as a query, so it pages and counts in the database. */
function stateWhere(state: TEngagementState, at: Date): Prisma.AuditEngagementWhereInput {
  if (state === "ended") return { OR: [{ endedAt: { not: null } }, { endsAt: { lte: at } }] };
  if (state === "planned") return { endedAt: null, endsAt: { gt: at }, startsAt: { gt: at } };
  return { endedAt: null, endsAt: { gt: at }, startsAt: { lte: at } };
}

/** Engagements, sorted, filtered and paged in the database. */
export async function listEngagements(actor: Actor, rawQuery: unknown): Promise<{ rows: TEngagementRow[]; total: number; query: TEngagementListQuery }> {
  await authorize(actor, "compliance.read", { type: "engagement", id: "list" });
  const query = ZEngagementListQuery.parse(rawQuery ?? {});
  const at = now();
  const where: Prisma.AuditEngagementWhereInput = query.state ? stateWhere(query.state, at) : {};
  const [items, total] = await Promise.all([
    db().auditEngagement.findMany({
      where,
      ...pageArgs(query),
      include: { _count: { select: { auditors: true } } },
    }),
    db().auditEngagement.count({ where }),
  ]);
  return {
    total,
    query,
    rows: items.map((e) => ({
      id: e.id,
      reference: e.reference,
      name: e.name,
      auditFirm: e.auditFirm,
      startsAt: e.startsAt.toISOString(),
      endsAt: (e.endedAt && e.endedAt < e.endsAt ? e.endedAt : e.endsAt).toISOString(),
      state: engagementState(e, at),
      auditorCount: e._count.auditors,
    })),
  };
}
