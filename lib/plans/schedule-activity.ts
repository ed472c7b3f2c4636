import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { formatDay, parseCalendarDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { assertEligibleActivityOwner } from "./activity-access";
import { ACTIVITY_DEFAULTS } from "./activity-rules";
import { ZControlActivityCreate } from "./schemas";

/** Schedules a recurring control activity: kind, frequency, owner, what counts as evidence, first due day (the kind's defaults where left empty). */
export async function scheduleControlActivity(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "policy.write");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can schedule an activity." });
  const data = parseInput(ZControlActivityCreate, input);
  const firstDueOn = parseCalendarDay(data.firstDueOn);
  if (!firstDueOn) throw validationError({ firstDueOn: "Enter a real calendar day." });
  const at = clockNow();
  return withTransaction(async (tx) => {
    await assertEligibleActivityOwner(tx, data.ownerId);
    const id = newId("cta");
    const reference = await nextReference(tx, "ACT", at);
    const defaults = ACTIVITY_DEFAULTS[data.kind];
    const frequencyDays = data.frequencyDays ?? defaults.frequencyDays;
    await tx.controlActivity.create({
      data: {
        id,
        reference,
        kind: data.kind,
        title: data.title || defaults.label,
        frequencyDays,
        ownerId: data.ownerId,
        evidenceExpected: data.evidenceExpected || defaults.evidenceExpected,
        nextDueOn: firstDueOn,
        createdById: actor.userId,
        createdAt: at,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "control-activity.scheduled",
      target: { type: "control-activity", id },
      details: { reference, kind: data.kind, frequencyDays, ownerId: data.ownerId, nextDueOn: formatDay(firstDueOn) },
    });
    return { reference };
  });
}
