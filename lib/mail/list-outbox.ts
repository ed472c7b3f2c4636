import "server-only";
import type { TOutboxRow } from "./types";
import { displayNames } from "@/lib/core/display-names";
import { pageArgs } from "@/lib/core/list-query";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZOutboxListQuery, type TOutboxListQuery } from "./schemas";
import { smtpOptionsFrom } from "./transport";

export type { TOutboxRow } from "./types";

export interface TOutboxPage {
  rows: TOutboxRow[];
  total: number;
  query: TOutboxListQuery;
  smtpConfigured: boolean;
  counts: Record<TOutboxRow["status"], number>;
}

/**
 * The outbox for the admin mail page. Needs mail.read. Shows who an email is for by name,
 * never the address or the body (they stay encrypted); paging, sorting and filtering run in
 * the database on indexed columns.
 */
export async function listOutbox(actor: Actor, input: unknown): Promise<TOutboxPage> {
  await authorize(actor, "mail.read");
  const query = ZOutboxListQuery.parse(input ?? {});
  const where: Prisma.OutboxEmailWhereInput = {
    ...(query.email ? { id: query.email } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { subject: { contains: query.q, mode: "insensitive" } } : {}),
  };
  const [total, rows, grouped] = await Promise.all([
    db().outboxEmail.count({ where }),
    db().outboxEmail.findMany({
      where,
      ...pageArgs(query),
      select: {
        id: true,
        subject: true,
        template: true,
        status: true,
        attempts: true,
        lastError: true,
        toUserId: true,
        createdAt: true,
        updatedAt: true,
        sentAt: true,
        nextAttemptAt: true,
      },
    }),
    db().outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const names = await displayNames(rows.map((r) => r.toUserId));
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0, held: 0, cancelled: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return {
    total,
    query,
    counts,
    smtpConfigured: smtpOptionsFrom(env(), () => "") !== null,
    rows: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      template: r.template,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      recipient: r.toUserId ? { userId: r.toUserId, displayName: names.get(r.toUserId) ?? r.toUserId } : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
      nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    })),
  };
}
