import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { encryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { sourceSecretAad } from "./alarm-access";
import { ZAlarmSourceCreate } from "./types";

/** Registers a system that may POST alarms; the secret is shown this once. Needs "alarm.manage". */
export async function createAlarmSource(actor: Actor, input: unknown): Promise<{ id: string; name: string; secret: string }> {
  const { name } = parseInput(ZAlarmSourceCreate, input);
  const id = newId("als");
  const secret = randomBytes(32).toString("base64url");
  return withTransaction(async (tx) => {
    await authorize(actor, "alarm.manage");
    if (await tx.alarmSource.findUnique({ where: { name } })) {
      throw new AppError("CONFLICT", "A source with this name exists.", { fieldErrors: { name: "Already used." } });
    }
    await tx.alarmSource.create({ data: { id, name, secretEnc: encryptField(secret, sourceSecretAad(id)), createdById: actor.kind === "user" ? actor.userId : "system" } });
    await recordAuditEvent(tx, { actor, action: "alarm-source.created", target: { type: "alarm-source", id } });
    return { id, name, secret };
  });
}
