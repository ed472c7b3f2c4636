import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { findControl } from "@/lib/compliance/types";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dueText, dueTone, formatDay } from "./due-rules";
import { describeFindingEvent, mentionedUserIds } from "./history";
import type { TFindingDetail } from "./types";
import { displayNames } from "@/lib/core/display-names";

/** One finding with its history from the audit log. */
export async function getFinding(actor: Actor, reference: string): Promise<TFindingDetail> {
  await authorize(actor, "compliance.read", { type: "finding", id: reference });
  const finding = await db().auditFinding.findUnique({ where: { reference }, include: { engagement: { select: { reference: true, name: true } } } });
  if (!finding) throw new AppError("NOT_FOUND", "There is no finding with this reference.");
  const events = await db().auditEvent.findMany({
    where: { targetType: "finding", targetId: finding.id, action: { startsWith: "finding." }, outcome: "success" },
    orderBy: { sequence: "asc" },
    select: { sequence: true, occurredAt: true, actorId: true, action: true, details: true },
    take: 500,
  });
  const mentioned = mentionedUserIds(events);
  const noteRows = await db().auditFindingNote.findMany({ where: { findingId: finding.id }, select: { id: true, kind: true, text: true } });
  const notesById = new Map(noteRows.map((note) => [note.id, note]));
  const names = await displayNames([finding.ownerId, finding.createdById, finding.closedById, ...mentioned]);
  const now = clockNow();
  return {
    id: finding.id,
    reference: finding.reference,
    controlId: finding.controlId,
    controlTitle: findControl(finding.controlId)?.title ?? "",
    engagement: finding.engagement,
    title: finding.title,
    description: finding.description,
    severity: finding.severity,
    ownerId: finding.ownerId,
    ownerName: names.get(finding.ownerId) ?? "Unknown",
    dueDate: formatDay(finding.dueDate),
    dueTone: finding.status === "open" ? dueTone(finding.dueDate, now) : null,
    dueText: finding.status === "open" ? dueText(finding.dueDate, now) : null,
    status: finding.status,
    closedAt: finding.closedAt?.toISOString() ?? null,
    closedByName: finding.closedById ? (names.get(finding.closedById) ?? "Unknown") : null,
    closureNote: finding.closureNote,
    closureEvidence: finding.closureEvidence,
    createdAt: finding.createdAt.toISOString(),
    createdByName: names.get(finding.createdById) ?? "Unknown",
    history: events.map((e) => describeFindingEvent({ ...e, sequence: e.sequence.toString(), details: e.details as Record<string, unknown> }, names, notesById)),
    canManage: can(actor, "compliance.manage"),
  };
}
