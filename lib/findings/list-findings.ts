import "server-only";
import { displayNames } from "@/lib/core/display-names";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { findControl } from "@/lib/compliance/types";
import { pageArgs } from "@/lib/core/list-query";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dueText, dueTone, formatDay } from "./due-rules";
import { ZFindingListQuery, type TFindingListQuery } from "./schemas";
import type { TFindingRow } from "./types";

/** One page of findings, filtered, sorted and paged in the database on indexed columns. */
export async function listFindings(actor: Actor, rawQuery: unknown): Promise<{ rows: TFindingRow[]; total: number; query: TFindingListQuery; canManage: boolean }> {
  await authorize(actor, "compliance.read");
  const query = ZFindingListQuery.parse(rawQuery ?? {});
  const where: Prisma.AuditFindingWhereInput = {};
  if (query.status !== "all") where.status = query.status;
  if (query.control) where.controlId = query.control;
  const [findings, total] = await Promise.all([
    db().auditFinding.findMany({
      where,
      ...pageArgs(query),
      select: { id: true, reference: true, controlId: true, title: true, severity: true, ownerId: true, dueDate: true, status: true },
    }),
    db().auditFinding.count({ where }),
  ]);
  const names = await displayNames(findings.map((f) => f.ownerId));
  const now = clockNow();
  return {
    total,
    query,
    canManage: can(actor, "compliance.manage"),
    rows: findings.map((f) => ({
      id: f.id,
      reference: f.reference,
      controlId: f.controlId,
      controlTitle: findControl(f.controlId)?.title ?? "",
      title: f.title,
      severity: f.severity,
      ownerName: names.get(f.ownerId) ?? "Unknown",
      dueDate: formatDay(f.dueDate),
      dueTone: f.status === "open" ? dueTone(f.dueDate, now) : null,
      dueText: f.status === "open" ? dueText(f.dueDate, now) : null,
      status: f.status,
    })),
  };
}
