import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { changeEngagement } from "./engagement-access";
import { engagementDateErrors } from "./engagement-rules";
import { ZEngagementEnd } from "./schemas";

/** Moves the last day; the auditors' access follows. */
export async function changeEngagementEnd(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZEngagementEnd, input);
  await changeEngagement(actor, idOrReference, "engagement.end-changed", async (tx, engagement, at) => {
    const errors = engagementDateErrors({ startsAt: engagement.startsAt, endsAt: data.endsAt }, at);
    if (Object.keys(errors).length) throw validationError(errors);
    await tx.auditEngagement.update({ where: { id: engagement.id }, data: { endsAt: data.endsAt } });
    return { details: { from: engagement.endsAt.toISOString(), to: data.endsAt.toISOString() }, recompute: engagement.auditors.map((a) => a.userId) };
  });
}
