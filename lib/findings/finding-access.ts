import "server-only";
import { validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { AuditFinding } from "@/lib/generated/prisma/client";
import { parseCalendarDay, utcDay } from "./due-rules";

export function findingTarget(finding: { id: string }) {
  return { type: "finding", id: finding.id };
}

/**
 * The finding with this reference, row-locked until the transaction ends, so two people
 * closing or reopening it at once take turns and the second sees the first's result.
 */
async function lockFinding(tx: Tx, reference: string): Promise<AuditFinding> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "AuditFinding" WHERE "reference" = ${reference} FOR UPDATE`;
  const finding = locked[0] ? await tx.auditFinding.findUnique({ where: { id: locked[0].id } }) : null;
  if (!finding) throw new AppError("NOT_FOUND", "There is no finding with this reference.");
  return finding;
}

/** The locked finding, once the actor may manage it: the check runs against the row itself. */
export async function lockFindingToManage(tx: Tx, actor: Actor, reference: string): Promise<AuditFinding> {
  const finding = await lockFinding(tx, reference);
  await authorize(actor, "compliance.manage", findingTarget(finding));
  return finding;
}

/** A remediation owner is a person with an active account who can act (not an auditor). */
export async function assertEligibleOwner(tx: Tx, ownerId: string): Promise<void> {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { status: true, roles: true } });
  if (!owner || owner.status !== "active") throw validationError({ ownerId: "Choose a person with an active account." });
  if (owner.roles.every((r) => r === "auditor")) throw validationError({ ownerId: "An auditor cannot own the remediation. Choose someone on the team." });
}

/** The due day as typed: a real calendar day, today or later (UTC). */
export function dueDayFrom(text: string, now: Date, field = "dueDate"): Date {
  const day = parseCalendarDay(text);
  if (!day) throw validationError({ [field]: "Enter a real calendar day." });
  if (day.getTime() < utcDay(now).getTime()) throw validationError({ [field]: "The due date cannot be in the past." });
  return day;
}

export type TFindingNoteKind = "reason" | "closure-note" | "closure-evidence";

/** Keeps typed text about a finding; the audit event names the returned ids, never the text. */
export async function addFindingNotes(tx: Tx, findingId: string, authorId: string, at: Date, notes: { kind: TFindingNoteKind; text: string }[]): Promise<string[]> {
  const rows = notes.map((note) => ({ id: newId("fnn"), findingId, kind: note.kind, text: note.text, authorId, createdAt: at }));
  await tx.auditFindingNote.createMany({ data: rows });
  return rows.map((row) => row.id);
}
