import "server-only";
import { displayNames } from "@/lib/core/display-names";
import { pagedRows } from "@/lib/core/register-report/register-rows";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import { formatDay } from "./due-rules";
import { describeFindingEvent, mentionedUserIds } from "./history";
import { FINDING_STATUS_LABEL, SEVERITY_LABEL, type THistoryEntry } from "./types";

const BATCH = 200;

type TFindingRow = {
  id: string;
  reference: string;
  controlId: string;
  title: string;
  description: string;
  severity: keyof typeof SEVERITY_LABEL;
  status: keyof typeof FINDING_STATUS_LABEL;
  dueDate: Date;
  createdAt: Date;
  closedAt: Date | null;
  closureNote: string | null;
  closureEvidence: string | null;
  engagement: { reference: string } | null;
  ownerName: string;
  closedByName: string;
};

const byCreation = (database: Db) => (after: { createdAt: Date; id: string } | null, take: number) =>
  database.auditFinding.findMany({
    where: after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {},
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    include: { engagement: { select: { reference: true } } },
  });

/** Every audit finding, oldest first, with its owner, due date, state and how it was closed. */
export function findingsRegister(database: Db): TRegister<TFindingRow> {
  const fetch = byCreation(database);
  return {
    title: "Audit findings",
    columns: [
      { label: "Reference", value: (f) => f.reference },
      { label: "Control", value: (f) => f.controlId },
      { label: "Engagement", value: (f) => f.engagement?.reference ?? "" },
      { label: "Title", value: (f) => f.title },
      { label: "Description", value: (f) => f.description },
      { label: "Severity", value: (f) => SEVERITY_LABEL[f.severity] },
      { label: "Owner", value: (f) => f.ownerName },
      { label: "Due", value: (f) => formatDay(f.dueDate) },
      { label: "Status", value: (f) => FINDING_STATUS_LABEL[f.status] },
      { label: "Recorded at (UTC)", value: (f) => f.createdAt },
      { label: "Closed at (UTC)", value: (f) => f.closedAt },
      { label: "Closed by", value: (f) => f.closedByName },
      { label: "How it was remediated", value: (f) => f.closureNote },
      { label: "Evidence of the fix", value: (f) => f.closureEvidence },
    ],
    rows: pagedRows(
      BATCH,
      async (after: { createdAt: Date; id: string } | null, take) => {
        const page = await fetch(after, take);
        const names = await displayNames(page.flatMap((f) => [f.ownerId, f.closedById]));
        return page.map((f) => ({ ...f, ownerName: names.get(f.ownerId) ?? "Unknown", closedByName: f.closedById ? (names.get(f.closedById) ?? "Unknown") : "" }));
      },
      (f) => ({ createdAt: f.createdAt, id: f.id }),
    ),
  };
}

/** Every finding's history, as its page tells it from the audit log: one row per change, oldest finding first. */
export function findingHistoryRegister(database: Db): TRegister<THistoryEntry & { finding: string }> {
  const fetch = byCreation(database);
  return {
    title: "Audit findings: history",
    columns: [
      { label: "Finding", value: (h) => h.finding },
      { label: "Audit event", value: (h) => h.sequence },
      { label: "When (UTC)", value: (h) => new Date(h.occurredAt) },
      { label: "Who", value: (h) => h.who },
      { label: "What", value: (h) => h.what },
      { label: "Notes", value: (h) => h.notes.map((n) => `${n.label}: ${n.text}`).join("\n") },
    ],
    rows: (async function* () {
      for await (const page of pagedRows(BATCH, fetch, (f) => ({ createdAt: f.createdAt, id: f.id }))) {
        const ids = page.map((f) => f.id);
        const events = await database.auditEvent.findMany({
          where: { targetType: "finding", targetId: { in: ids }, action: { startsWith: "finding." }, outcome: "success" },
          orderBy: { sequence: "asc" },
          select: { sequence: true, occurredAt: true, actorId: true, action: true, details: true, targetId: true },
        });
        const notes = await database.auditFindingNote.findMany({ where: { findingId: { in: ids } }, select: { id: true, kind: true, text: true } });
        const notesById = new Map(notes.map((n) => [n.id, n]));
        const mentioned = mentionedUserIds(events);
        const names = await displayNames(mentioned);
        const reference = new Map(page.map((f) => [f.id, f.reference]));
        const rows = page.flatMap((f) =>
          events
            .filter((e) => e.targetId === f.id)
            .map((e) => ({ finding: reference.get(f.id)!, ...describeFindingEvent({ ...e, sequence: e.sequence.toString(), details: e.details as Record<string, unknown> }, names, notesById) })),
        );
        if (rows.length) yield rows;
      }
    })(),
  };
}
