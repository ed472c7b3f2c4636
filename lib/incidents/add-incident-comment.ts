import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { deny } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { lockIncidentFor, refuseIfClosed } from "./incident-access";
import { ZComment } from "./schemas";

/** A comment by a person on an open incident. */
export async function addIncidentComment(actor: Actor, idOrReference: string, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZComment, input);
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can comment." });
  return withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    refuseIfClosed(incident);
    const id = newId("cmt");
    await tx.incidentComment.create({ data: { id, incidentId: incident.id, authorId: actor.userId, body: data.body } });
    await recordAuditEvent(tx, { actor, action: "incident.comment.added", target: { type: "incident", id: incident.id }, details: { commentId: id } });
    return { id };
  });
}
