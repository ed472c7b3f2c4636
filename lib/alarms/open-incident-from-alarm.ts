import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/core/field-errors";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createIncident } from "@/lib/incidents";
import { canOpenIncident } from "./alarm-state";
import { linkAlarmToIncident } from "./link-alarm-to-incident";
import { ZAlarmTarget } from "./types";

/**
 * One action from an alarm to an incident: the incident is logged (detected when the alarm was
 * first seen, so its clock starts then) and the alarm is linked and acknowledged, in one
 * transaction. A second attempt finds the alarm already linked and creates nothing.
 */
export async function openIncidentFromAlarm(actor: Actor, input: unknown): Promise<{ incidentId: string; reference: string }> {
  const { alarmId } = parseInput(ZAlarmTarget, input);
  await authorize(actor, "alarm.manage", { type: "alarm", id: alarmId });
  const alarm = await db().alarm.findUnique({ where: { id: alarmId } });
  if (!alarm) throw new AppError("NOT_FOUND", "This alarm does not exist.");
  if (!canOpenIncident(alarm.status, alarm.incidentId)) {
    throw new AppError("INVALID_STATE", alarm.incidentId ? "An incident was already opened from this alarm." : "This alarm is closed.");
  }
  const seen = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
  const created = await createIncident(
    actor,
    {
      title: `Alarm: ${alarm.title}`.slice(0, 200),
      summary: `Opened from the security alarm "${alarm.title}" (rule ${alarm.rule}, source ${alarm.source}): ${alarm.count} occurrence(s) between ${seen(alarm.firstSeenAt)} and ${seen(alarm.lastSeenAt)} UTC, subject ${alarm.subjectKey}. Triage it: confirm, contain, and decide whether it is a Security Incident under the policy (answered "not known yet" until then).`,
      typeId: alarm.rule.startsWith("auth.") || alarm.rule.startsWith("access.") ? "unauthorized-access" : "other",
      severity: "SEV3",
      detectedAt: alarm.firstSeenAt.toISOString(),
      timeZone: "UTC",
      teamIds: [],
      affectedSystems: "",
      affectedDataCategories: "",
      // Whether it is a Security Incident is not known until triage: the 24-hour clock runs from
      // when the alarm was first seen, and only a security lead can stop it, with a reason.
      amazonInfoAnswer: "unknown",
      piiInvolved: "",
    },
    { alsoInTransaction: (tx, incident) => linkAlarmToIncident(tx, actor, alarmId, incident.id, now()) },
  );
  return { incidentId: created.id, reference: created.reference };
}
