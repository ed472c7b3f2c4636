import "server-only";
import { systemActor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { TDeliveryOutcome } from "@/lib/mail";
import { giveVerdict } from "./notice-store";
import { isOnTime, nextNoticeState, type TNoticeState } from "./notice-rules";
import type { TNoticeSubject } from "./types";

const TIMELINE_KIND = { notified: "amazon-notice.accepted", held: "amazon-notice.held", failed: "amazon-notice.failed" } as const;

/**
 * How the email of a notice sent through Vigil ended, in the transaction that marks the email
 * (lib/mail/deliver-outbox.ts). Accepted by the mail server: the notice is "notified" at that
 * moment, with the server's reply and the Message-ID as proof, and the first notice given sets
 * the verdict then. Held (no mail server) or failed: Amazon was not told; the clock runs on and
 * the notice shows red until it is given another way. Each change is audit-logged.
 */
export async function noticeDeliveryOutcome(tx: Tx, outcome: TDeliveryOutcome): Promise<void> {
  const notice = await tx.amazonNotice.findUnique({ where: { outboxEmailId: outcome.emailId } });
  if (!notice) return;
  const next = nextNoticeState(notice.status as TNoticeState, outcome.outcome);
  if (!next) return;
  const subject: TNoticeSubject = notice.incidentId ? { incidentId: notice.incidentId } : { legalRequestId: notice.legalRequestId! };
  let onTime: boolean | null = null;
  let first = false;
  if (outcome.outcome === "sent") {
    // The clock as it stands now: a detection time moved since sending moves the due time too.
    const dueAt = (await currentDueAt(tx, subject)) ?? notice.dueAt;
    onTime = isOnTime(outcome.at, dueAt);
    await tx.amazonNotice.update({
      where: { id: notice.id },
      data: { status: "notified", acceptedAt: outcome.at, serverResponse: outcome.response, messageId: outcome.messageId, deliveryError: null, onTime, dueAt },
    });
    first = await giveVerdict(tx, subject, outcome.at, onTime);
  } else {
    await tx.amazonNotice.update({ where: { id: notice.id }, data: { status: next, ...(outcome.outcome === "failed" ? { deliveryError: outcome.error } : {}) } });
  }
  const kind = TIMELINE_KIND[next as keyof typeof TIMELINE_KIND];
  if (notice.incidentId && kind) {
    await tx.incidentTimelineEntry.create({
      data: { id: newId("itl"), incidentId: notice.incidentId, kind, text: timelineText(next, notice.toAddress, onTime, first), authorId: null, occurredAt: outcome.at },
    });
  }
  const target = notice.incidentId ? { type: "incident", id: notice.incidentId } : { type: "legal-request", id: notice.legalRequestId! };
  await recordAuditEvent(tx, {
    actor: systemActor("reminders"),
    action: `${target.type}.amazon-notice.${next === "notified" ? "accepted" : next}`,
    target,
    outcome: next === "notified" ? "success" : "failed",
    details: { noticeId: notice.id, emailId: outcome.emailId, state: next, ...(next === "notified" ? { onTime, first } : {}) },
  });
}

async function currentDueAt(tx: Tx, subject: TNoticeSubject): Promise<Date | null> {
  if ("incidentId" in subject) return (await tx.incident.findUnique({ where: { id: subject.incidentId }, select: { notificationDueAt: true } }))?.notificationDueAt ?? null;
  return (await tx.legalRequest.findUnique({ where: { id: subject.legalRequestId }, select: { notificationDueAt: true } }))?.notificationDueAt ?? null;
}

function timelineText(state: TNoticeState, to: string, onTime: boolean | null, first: boolean): string {
  if (state === "notified") {
    return `${first ? "Notice to Amazon" : "Follow-up notice to Amazon"} accepted by the mail server for ${to}: Amazon notified${first ? (onTime ? ", on time" : ", late") : ""}.`;
  }
  if (state === "held") return `Notice to Amazon held: no mail server is configured, so it was not sent. Amazon has not been told; give it another way and record it.`;
  return `Notice to Amazon failed: the mail server did not accept it. Amazon has not been told; give it another way and record it.`;
}
