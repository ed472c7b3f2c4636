import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now as clockNow } from "@/lib/clock";
import { pageArgs } from "@/lib/core/list-query";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pendingNoticeStates } from "@/lib/notices";
import { toLegalRequestRow } from "./legal-request-access";
import { ZLegalRequestListQuery } from "./schemas";
import type { TLegalRequestListPage } from "./types";

/**
 * One page of legal-process requests, filtered, sorted and paged in the database. Every sort
 * column has an index ("<column>, id"; reference is unique). The text search matches part of a
 * reference or of the requesting party's name: a few requests a year, so a scan stays cheap.
 */
export async function listLegalRequests(actor: Actor, rawQuery: unknown): Promise<TLegalRequestListPage> {
  await authorize(actor, "legal-request.read");
  const query = ZLegalRequestListQuery.parse(rawQuery ?? {});
  const where: Prisma.LegalRequestWhereInput = {};
  if (query.status === "open") where.closedAt = null;
  if (query.status === "closed") where.closedAt = { not: null };
  if (query.q) {
    where.OR = [{ reference: { contains: query.q, mode: "insensitive" } }, { requestingParty: { contains: query.q, mode: "insensitive" } }];
  }
  const [requests, total] = await Promise.all([
    db().legalRequest.findMany({ where, ...pageArgs(query) }),
    db().legalRequest.count({ where }),
  ]);
  const now = clockNow();
  const pending = await pendingNoticeStates(db(), "legal-request", requests.filter((r) => !r.amazonNotifiedAt).map((r) => r.id));
  return { rows: requests.map((r) => ({ ...toLegalRequestRow(r, now), notice: pending.get(r.id) ?? null })), total, query };
}
