import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";

export const ZAlarmSourceCreate = z.object({
  name: z.string().trim().min(2, "At least 2 characters.").max(60, "At most 60 characters."),
});

export function sourceSecretAad(sourceId: string): string {
  return `alarm-source:${sourceId}:secret`;
}

/** Registers a system that may POST alarms; the secret is shown this once. Needs "alarm.manage". */
export async function createAlarmSource(actor: Actor, input: unknown): Promise<{ id: string; name: string; secret: string }> {
  await authorize(actor, "alarm.manage");
  const parsed = ZAlarmSourceCreate.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { name: parsed.error.issues[0]!.message } });
  }
  const id = newId("als");
  const secret = randomBytes(32).toString("base64url");
  return withTransaction(async (tx) => {
    if (await tx.alarmSource.findUnique({ where: { name: parsed.data.name } })) {
      throw new AppError("CONFLICT", "A source with this name exists.", { fieldErrors: { name: "Already used." } });
    }
    await tx.alarmSource.create({
      data: { id, name: parsed.data.name, secretEnc: encryptField(secret, sourceSecretAad(id)), createdById: actor.kind === "user" ? actor.userId : "system" },
    });
    await recordAuditEvent(tx, { actor, action: "alarm-source.created", target: { type: "alarm-source", id } });
    return { id, name: parsed.data.name, secret };
  });
}

export async function disableAlarmSource(actor: Actor, sourceId: string): Promise<void> {
  await authorize(actor, "alarm.manage");
  await withTransaction(async (tx) => {
    const found = await tx.alarmSource.findUnique({ where: { id: sourceId }, select: { enabled: true } });
    if (!found) throw new AppError("NOT_FOUND", "This alarm source does not exist.");
    await tx.alarmSource.update({ where: { id: sourceId }, data: { enabled: false } });
    await recordAuditEvent(tx, { actor, action: "alarm-source.disabled", target: { type: "alarm-source", id: sourceId } });
  });
}

export async function listAlarmSources(actor: Actor) {
  await authorize(actor, "alarm.read");
  return db().alarmSource.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, enabled: true, createdAt: true, lastUsedAt: true },
  });
}
