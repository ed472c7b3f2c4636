// A finding's history, told from its audit events (the audit log is the one record of change).
// Pure: names are looked up by the caller and passed in.
import type { THistoryEntry } from "./types";

export interface THistoryEvent {
  sequence: string;
  occurredAt: Date;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

const NOTE_LABEL: Record<string, string> = { reason: "Reason", "closure-note": "How it was remediated", "closure-evidence": "Evidence of the fix" };

/** The ids of the notes an event names (reasons, closure texts kept outside the audit log). */
function noteIdsOf(details: Record<string, unknown>): string[] {
  return Array.isArray(details.noteIds) ? details.noteIds.filter((id): id is string => typeof id === "string") : [];
}

/** The users an event names (who did it, owners before and after): their names are looked up once. */
export function mentionedUserIds(events: readonly { actorId: string; details: unknown }[]): string[] {
  return events.flatMap((e) => {
    const d = e.details as Record<string, unknown>;
    return [e.actorId, d.ownerId, d.fromOwnerId, d.toOwnerId].filter((v): v is string => typeof v === "string");
  });
}

export function describeFindingEvent(event: THistoryEvent, names: ReadonlyMap<string, string>, notesById: ReadonlyMap<string, { kind: string; text: string }> = new Map()): THistoryEntry {
  const d = event.details;
  const name = (id: unknown) => names.get(str(id)) ?? "someone no longer listed";
  const notes: THistoryEntry["notes"] = [];
  let what: string;
  switch (event.action) {
    case "finding.recorded":
      what = `Recorded against ${str(d.controlId)}, severity ${str(d.severity)}, owner ${name(d.ownerId)}, due ${str(d.dueDate)}.`;
      break;
    case "finding.owner-changed":
      what = `Owner changed from ${name(d.fromOwnerId)} to ${name(d.toOwnerId)}.`;
      break;
    case "finding.due-date-changed":
      what = `Due date moved ${d.later ? "later" : "earlier"}, from ${str(d.fromDueDate)} to ${str(d.toDueDate)}.`;
      break;
    case "finding.closed":
      what = d.closedLate ? `Closed after its due date (${str(d.dueDate)}).` : "Closed.";
      break;
    case "finding.reopened":
      what = "Reopened.";
      break;
    default:
      what = event.action;
  }
  for (const id of noteIdsOf(d)) {
    const note = notesById.get(id);
    if (note) notes.push({ label: NOTE_LABEL[note.kind] ?? "Note", text: note.text });
  }
  return { sequence: event.sequence, occurredAt: event.occurredAt.toISOString(), who: event.actorId === "system" ? "Vigil" : name(event.actorId), what, notes };
}
