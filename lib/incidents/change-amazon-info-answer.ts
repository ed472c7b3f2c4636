import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AMAZON_INFO_ANSWER_LABELS, answerChangeNeed, answerRunsClock, noticeDueAtFor } from "./clock-rules";
import { recordClockChange, requireClockChangeByLead } from "./clock-changes";
import { addTimelineEntry, lockIncidentFor, refuseIfClosed } from "./incident-access";
import { ZAmazonInfoAnswerChange } from "./schemas";

/**
 * Answers the policy's question again: is this a Security Incident? Yes and not known yet run the
 * 24-hour clock from detection (an answer of no turned into yes starts it, however late). An
 * answer that had a clock changed to no stops it: only a security lead, with a reason of at least
 * 20 characters, kept in the timeline and in the clock changes the compliance map lists.
 */
export async function changeAmazonInfoAnswer(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZAmazonInfoAnswerChange, input);
  const to = data.amazonInfoAnswer;
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
    const from = incident.amazonInfoAnswer;
    if (from === to && !incident.amazonInfoAnsweredBefore) return;
    const stops = answerChangeNeed(from, to) === "lead";
    if (stops) await requireClockChangeByLead(actor, incident, "change this answer to “No”", data.reason);
    const now = clockNow();
    const dueAt = noticeDueAtFor(to, incident.detectedAt);
    await tx.incident.update({
      where: { id: incident.id },
      // The clock runs from detection, not from when the answer changed.
      data: { amazonInfoAnswer: to, amazonInfoInvolved: answerRunsClock(to), amazonInfoAnsweredBefore: false, notificationDueAt: dueAt },
    });
    const authorId = actor.kind === "user" ? actor.userId : null;
    const clock = stops ? " The 24-hour clock stops." : !answerRunsClock(from) && answerRunsClock(to) ? " The 24-hour clock runs from detection." : "";
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "amazon-answer.changed",
      text: `Security Incident under the policy: ${from === to ? `answer “${AMAZON_INFO_ANSWER_LABELS[to]}” confirmed on the current question` : `answer changed from “${AMAZON_INFO_ANSWER_LABELS[from]}” to “${AMAZON_INFO_ANSWER_LABELS[to]}”`}.${clock}${data.reason ? ` Reason: ${data.reason}` : ""}`,
      authorId,
      occurredAt: now,
    });
    const clockChangeId = stops
      ? await recordClockChange(tx, incident, { kind: "stopped", fromAnswer: from, toAnswer: to }, { toDueAt: dueAt, reason: data.reason, by: authorId!, at: now })
      : null;
    await recordAuditEvent(tx, {
      actor,
      action: "incident.amazon-answer-changed",
      target: { type: "incident", id: incident.id },
      details: {
        from,
        to,
        fields: ["amazonInfoAnswer", "notificationDueAt", ...(data.reason ? ["reason"] : [])],
        clockStopped: stops,
        ...(clockChangeId ? { clockChangeId } : {}),
      },
    });
  });
}
