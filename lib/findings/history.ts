// A finding's history, told from its audit events (the audit log is the one record of change).
// Pure: names are looked up by the caller and passed in.

export interface THistoryEvent {
  sequence: string;
  occurredAt: Date;
  actorId: string;
  action: string;
  details: Record<string, unknown>;
}

export interface THistoryEntry {
  sequence: string;
  occurredAt: string;
  who: string;
  what: string;
  /** Free text the event kept: a reason, a closure note and its evidence. */
  notes: { label: string; text: string }[];
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export function describeFindingEvent(event: THistoryEvent, names: ReadonlyMap<string, string>): THistoryEntry {
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
      if (str(d.reason)) notes.push({ label: "Reason", text: str(d.reason) });
      break;
    case "finding.closed":
      what = d.closedLate ? `Closed after its due date (${str(d.dueDate)}).` : "Closed.";
      notes.push({ label: "How it was remediated", text: str(d.closureNote) }, { label: "Evidence of the fix", text: str(d.closureEvidence) });
      break;
    case "finding.reopened":
      what = "Reopened.";
      notes.push({ label: "Reason", text: str(d.reason) });
      break;
    default:
      what = event.action;
  }
  return { sequence: event.sequence, occurredAt: event.occurredAt.toISOString(), who: event.actorId === "system" ? "Vigil" : name(event.actorId), what, notes };
}
