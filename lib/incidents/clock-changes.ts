import "server-only";
// Stopping the 24-hour clock or moving it later: who may, and the record kept of it. Shared by
// changeAmazonInfoAnswer and changeDetectionTime; listed on the incident and the compliance map.
import type { Actor } from "@/lib/auth/actor";
import { deny } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { validationError } from "@/lib/core/field-errors";
import type { Db, Tx } from "@/lib/db/client";
import type { Incident } from "@/lib/generated/prisma/client";
import type { AmazonInfoAnswer, IncidentClockChangeKind } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { clockChangeReasonError } from "./clock-rules";
import type { TClockChangeFact } from "./types";

/**
 * A change that stops the clock or moves it later is a security lead's (incident.notify-amazon)
 * with a reason of at least 20 characters. Refused (Denied, audit-logged once) for anyone else,
 * whatever reason they give; then the reason is checked.
 */
export async function requireClockChangeByLead(actor: Actor, incident: Pick<Incident, "id" | "memberIds">, what: string, reason: string): Promise<void> {
  if (actor.kind !== "user" || !can(actor, "incident.notify-amazon", { memberIds: incident.memberIds })) {
    throw await deny(actor, {
      permission: "incident.notify-amazon",
      target: { type: "incident", id: incident.id },
      message: `Only a security lead can ${what}: it changes the 24-hour clock to notify Amazon.`,
    });
  }
  const error = clockChangeReasonError(reason);
  if (error) throw validationError({ reason: error });
}

/** Keeps a stopped or moved clock: the change itself, and what it was made with (due time after, reason, who, when). */
export async function recordClockChange(
  tx: Tx,
  incident: Pick<Incident, "id" | "notificationDueAt">,
  change: { kind: IncidentClockChangeKind; fromAnswer?: AmazonInfoAnswer; toAnswer?: AmazonInfoAnswer; fromDetectedAt?: Date; toDetectedAt?: Date },
  made: { toDueAt: Date | null; reason: string; by: string; at: Date },
): Promise<string> {
  const id = newId("icc");
  await tx.incidentClockChange.create({
    data: { id, incidentId: incident.id, ...change, fromDueAt: incident.notificationDueAt, toDueAt: made.toDueAt, reason: made.reason.trim(), changedById: made.by, changedAt: made.at },
  });
  return id;
}

/**
 * Every clock stopped or moved later since `since`, newest first, with who did it: for the
 * compliance map's GS-4e row (all incidents; the map is read with compliance.read). At most
 * `limit` (the ("changedAt", "id") index).
 */
export async function listClockChanges(database: Db | Tx, since: Date, limit = 200): Promise<TClockChangeFact[]> {
  // One statement with the incident's reference and the person's name (through Prisma's
  // relations it was three, one of them sent even when nothing had changed).
  const rows = await database.$queryRaw<(Omit<TClockChangeFact, "changedByName"> & { changedByName: string | null })[]>`
    SELECT i."reference", c."kind"::text AS "kind", c."fromAnswer"::text AS "fromAnswer", c."toAnswer"::text AS "toAnswer",
           c."fromDueAt", c."toDueAt", c."reason", u."displayName" AS "changedByName", c."changedAt"
    FROM (SELECT * FROM "IncidentClockChange" WHERE "changedAt" >= ${since} ORDER BY "changedAt" DESC, "id" DESC LIMIT ${limit}) c
    JOIN "Incident" i ON i."id" = c."incidentId"
    LEFT JOIN "User" u ON u."id" = c."changedById"
    ORDER BY c."changedAt" DESC, c."id" DESC`;
  return rows.map((r) => ({ ...r, changedByName: r.changedByName ?? "Unknown user" }));
}
