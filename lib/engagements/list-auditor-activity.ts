import "server-only";
import { displayNames } from "@/lib/core/display-names";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { activityWindow } from "./engagement-rules";
import type { TAuditorActivityRow } from "./types";

const PAGE_SIZE = 25;
const ZCursor = z.string().regex(/^\d{1,19}$/).optional().catch(undefined);

/**
 * What the engagement's auditors did: their audit events within the engagement's window, newest
 * first, a page at a time. Keyset paging on (actorId, sequence), so deep pages cost the same.
 */
export async function listAuditorActivity(
  actor: Actor,
  reference: string,
  rawBefore?: unknown,
): Promise<{ rows: TAuditorActivityRow[]; older: string | null; from: string; to: string }> {
  await authorize(actor, "audit.read", { type: "engagement", id: reference });
  const before = ZCursor.parse(rawBefore);
  const e = await db().auditEngagement.findUnique({ where: { reference }, include: { auditors: { select: { userId: true } } } });
  if (!e) throw new AppError("NOT_FOUND", "No such engagement.");
  const { from, to } = activityWindow(e);
  // Current auditors and those removed since: the engagement's own audit events name everyone
  // who was ever on it, so removing an auditor does not hide what they did.
  const changes = await db().auditEvent.findMany({
    where: { targetType: "engagement", targetId: e.id, action: { in: ["engagement.created", "engagement.auditor-added"] } },
    select: { details: true },
  });
  const auditorIds = [...new Set([...e.auditors.map((a) => a.userId), ...changes.flatMap((c) => auditorIdsIn(c.details))])];
  if (auditorIds.length === 0) return { rows: [], older: null, from: from.toISOString(), to: to.toISOString() };
  const events = await db().auditEvent.findMany({
    where: {
      actorId: { in: auditorIds },
      occurredAt: { gte: from, lte: to },
      ...(before === undefined ? {} : { sequence: { lt: BigInt(before) } }),
    },
    orderBy: { sequence: "desc" },
    take: PAGE_SIZE + 1,
    select: { id: true, sequence: true, occurredAt: true, actorId: true, action: true, targetType: true, targetId: true, outcome: true },
  });
  const page = events.slice(0, PAGE_SIZE);
  const labels = await targetLabels(page);
  const names = await displayNames(auditorIds);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    older: events.length > PAGE_SIZE ? page[page.length - 1]!.sequence.toString() : null,
    rows: page.map((ev) => ({
      id: ev.id.toString(),
      sequence: ev.sequence.toString(),
      occurredAt: ev.occurredAt.toISOString(),
      actorName: names.get(ev.actorId) ?? ev.actorId,
      action: ev.action,
      target: ev.targetType ? `${ev.targetType} ${(ev.targetId && labels.get(ev.targetId)) ?? ev.targetId ?? ""}`.trim() : null,
      outcome: ev.outcome,
    })),
  };
}

function auditorIdsIn(details: unknown): string[] {
  const d = (details ?? {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  return [...list(d.auditorIds), ...list(d.invitedAuditorIds), ...(typeof d.userId === "string" ? [d.userId] : [])];
}

/** Evidence labels and incident references instead of internal ids, where the target has one. */
async function targetLabels(events: { targetType: string | null; targetId: string | null }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!))];
  const [items, incidents] = await Promise.all([
    db().evidenceItem.findMany({ where: { id: { in: idsOf("evidence") } }, select: { id: true, label: true } }),
    db().incident.findMany({ where: { id: { in: idsOf("incident") } }, select: { id: true, reference: true } }),
  ]);
  return new Map([...items.map((i) => [i.id, i.label] as const), ...incidents.map((i) => [i.id, i.reference] as const)]);
}
