// Stores an alarm, or updates the active one (open or acknowledged) for the same rule and
// subject: repeated firings move lastSeenAt and add to the count instead of piling up alarms.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { appendAuditEvent } from "@/lib/audit-log/append-event";

export interface TAlarmFiring {
  rule: string;
  subjectKey: string;
  title: string;
  details: Record<string, unknown>;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Occurrences when the alarm is first raised (the events in the window, or one). */
  count: number;
  /** Occurrences added to an alarm already active (new events past the threshold); default count. */
  added?: number;
  source?: string;
}

export async function raiseAlarm(tx: Tx, actor: Actor, firing: TAlarmFiring): Promise<{ id: string; created: boolean }> {
  const source = firing.source ?? "vigil";
  const active = await tx.alarm.findFirst({
    where: { rule: firing.rule, subjectKey: firing.subjectKey, source, status: { in: ["open", "acknowledged"] } },
    orderBy: { lastSeenAt: "desc" },
  });
  if (active) {
    await tx.alarm.update({
      where: { id: active.id },
      data: {
        count: { increment: firing.added ?? firing.count },
        lastSeenAt: firing.lastSeenAt > active.lastSeenAt ? firing.lastSeenAt : active.lastSeenAt,
        details: firing.details as object,
      },
    });
    await appendAuditEvent(tx, { actor, action: "alarm.repeated", target: { type: "alarm", id: active.id }, details: { rule: firing.rule, added: firing.added ?? firing.count } });
    return { id: active.id, created: false };
  }
  const id = newId("alm");
  await tx.alarm.create({
    data: {
      id,
      rule: firing.rule,
      subjectKey: firing.subjectKey,
      title: firing.title,
      details: firing.details as object,
      firstSeenAt: firing.firstSeenAt,
      lastSeenAt: firing.lastSeenAt,
      count: firing.count,
      source,
    },
  });
  await appendAuditEvent(tx, { actor, action: "alarm.raised", target: { type: "alarm", id }, details: { rule: firing.rule, source } });
  return { id, created: true };
}
