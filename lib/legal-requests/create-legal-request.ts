import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import { withTransaction } from "@/lib/db/transaction";
import { newId } from "@/lib/ids";
import { noticeDueAt, resolveInstant } from "@/lib/incidents/types";
import { ZLegalRequestCreate } from "./schemas";

/** Registers a legal-process request for Amazon's data; its 24-hour clock runs from receipt (GS-4g). */
export async function createLegalRequest(actor: Actor, input: unknown): Promise<{ id: string; reference: string }> {
  await authorize(actor, "legal-request.manage");
  const data = parseInput(ZLegalRequestCreate, input);
  const now = clockNow();
  const receivedAt = resolveInstant(data.receivedAt, data.timeZone, now, "receivedAt");
  if (receivedAt.getTime() > now.getTime()) throw validationError({ receivedAt: "The time received cannot be in the future." });
  return withTransaction(async (tx) => {
    const id = newId("lpr");
    const reference = await nextReference(tx, "LPR", now);
    await tx.legalRequest.create({
      data: {
        id,
        reference,
        receivedAt,
        requestingParty: data.requestingParty,
        dataSought: data.dataSought,
        description: data.description ?? "",
        notificationDueAt: noticeDueAt(receivedAt),
        createdById: actor.kind === "user" ? actor.userId : "system",
      },
    });
    await recordAuditEvent(tx, { actor, action: "legal-request.created", target: { type: "legal-request", id }, details: { reference } });
    return { id, reference };
  });
}
