import "server-only";
// Remediation deadlines of open audit findings for the clock registry (lib/core/clocks), with
// the colours of due-rules.ts: due soon within the week, overdue from the day after.
import type { TClockSource, TDueState } from "@/lib/core/clocks/types";
import { dueTone, isOverdue } from "./due-rules";

export function findingDueState(dueDate: Date, now: Date): TDueState {
  if (isOverdue(dueDate, now)) return "overdue";
  return dueTone(dueDate, now) === "green" ? "on-time" : "due-soon";
}

export const findingDueClock: TClockSource = {
  kind: "finding.due",
  label: "Finding remediation",
  permission: "compliance.read",
  scoping: "all-only",
  state: findingDueState,
  async listOpen(database, now, { dueBefore, limit }) {
    // The ("status", "dueDate") index.
    const findings = await database.auditFinding.findMany({
      where: { status: "open", dueDate: { lt: dueBefore } },
      select: { id: true, reference: true, title: true, controlId: true, ownerId: true, dueDate: true },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      take: limit,
    });
    return findings.map((finding) => ({
      kind: "finding.due",
      id: finding.id,
      title: finding.title,
      reference: finding.reference,
      dueAt: finding.dueDate,
      allDay: true,
      ownerIds: [finding.ownerId],
      link: `/compliance/findings/${finding.reference}`,
      state: findingDueState(finding.dueDate, now),
      facts: { controlId: finding.controlId },
    }));
  },
};
