import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { createTask } from "@/lib/core/tasks/create-task";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { findEvidence, memberIdsOfEvidence } from "@/lib/evidence";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { activityTarget, activityTaskSubject, lockActivityToRecord } from "./activity-access";
import { nextActivityDue } from "./activity-rules";
import { ZControlActivityComplete } from "./schemas";

const MIN_NOTE = 10;

/**
 * Records that a control activity was carried out: by the actor, on a day, with an outcome and
 * proof (a note of 10+ characters, an evidence item the actor may read, or both). A tabletop
 * exercise also needs its scenario, participants, what went well and what did not; each line of
 * its follow-ups becomes a task for the activity's owner. The next run falls due from this one.
 */
export async function completeControlActivity(actor: Actor, reference: string, input: unknown): Promise<{ id: string; nextDueOn: string; taskIds: string[] }> {
  const data = parseInput(ZControlActivityComplete, input);
  return withTransaction(async (tx) => {
    const activity = await lockActivityToRecord(tx, actor, reference);
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can record an activity." });
    const now = clockNow();
    const completedOn = parseCalendarDay(data.completedOn);
    const errors: Record<string, string> = {};
    if (!completedOn) errors.completedOn = "Enter a real calendar day.";
    else if (completedOn.getTime() > utcDay(now).getTime()) errors.completedOn = "The day cannot be in the future.";
    if (!data.evidenceLabel && (data.note ?? "").length < MIN_NOTE) errors.note = `Say what was done (at least ${MIN_NOTE} characters), or name an evidence item.`;
    if (activity.kind === "tabletop_exercise") {
      if (!data.scenario) errors.scenario = "Describe the scenario played.";
      if (!data.participants) errors.participants = "Name who took part.";
      if (!data.wentWell) errors.wentWell = "Say what went well.";
      if (!data.wentBadly) errors.wentBadly = "Say what did not go well.";
    }
    if (Object.keys(errors).length > 0) throw validationError(errors);
    let evidenceId: string | null = null;
    if (data.evidenceLabel) {
      const item = await findEvidence(tx, data.evidenceLabel).catch(() => null);
      if (!item) throw validationError({ evidenceLabel: "There is no evidence item with this label." });
      await authorize(actor, "evidence.read", { type: "evidence", id: item.id, memberIds: memberIdsOfEvidence(item) });
      evidenceId = item.id;
    }
    const id = newId("cac");
    const tabletop = activity.kind === "tabletop_exercise";
    await tx.controlActivityCompletion.create({
      data: {
        id,
        activityId: activity.id,
        completedById: actor.userId,
        completedOn: completedOn!,
        outcome: data.outcome,
        note: data.note || null,
        evidenceId,
        scenario: tabletop ? data.scenario! : null,
        participants: tabletop ? data.participants! : null,
        wentWell: tabletop ? data.wentWell! : null,
        wentBadly: tabletop ? data.wentBadly! : null,
        createdAt: now,
      },
    });
    const latest = await tx.controlActivityCompletion.findFirst({ where: { activityId: activity.id }, orderBy: { completedOn: "desc" }, select: { completedOn: true } });
    const nextDueOn = nextActivityDue({ firstDueOn: activity.nextDueOn, frequencyDays: activity.frequencyDays, lastCompletedOn: latest!.completedOn });
    await tx.controlActivity.update({ where: { id: activity.id }, data: { nextDueOn } });
    const taskIds: string[] = [];
    if (tabletop && data.followUps) {
      for (const line of data.followUps.split("\n").map((l) => l.trim()).filter((l) => l.length > 0)) {
        if (line.length < 3 || line.length > 300) throw validationError({ followUps: "Write each follow-up action on its own line, 3 to 300 characters." });
        taskIds.push((await createTask(actor, activityTaskSubject(activity), { title: line, ownerId: activity.ownerId })).id);
      }
    }
    await recordAuditEvent(tx, {
      actor,
      action: "control-activity.completed",
      target: activityTarget(activity),
      details: { reference, completionId: id, completedOn: formatDay(completedOn!), outcome: data.outcome, evidenceId, taskIds, nextDueOn: formatDay(nextDueOn) },
    });
    return { id, nextDueOn: formatDay(nextDueOn), taskIds };
  });
}
