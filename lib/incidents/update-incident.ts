import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { encryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addTimelineEntry, assertUsersExist, lockIncidentFor, memberIdsOf, piiAssociatedData, refuseIfClosed } from "./incident-access";
import { ZIncidentUpdate } from "./schemas";

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  summary: "summary",
  typeId: "type",
  severity: "severity",
  commanderId: "commander",
  teamIds: "team",
  affectedSystems: "affected systems",
  affectedDataCategories: "affected data categories",
  piiInvolved: "personal data involved",
  piiDetails: "personal data details",
};

/**
 * Changes the description of an open incident: only the fields given. The answer to the policy
 * question changes through changeAmazonInfoAnswer, with its own rules.
 */
export async function updateIncident(actor: Actor, idOrReference: string, input: unknown): Promise<void> {
  const data = parseInput(ZIncidentUpdate, input);
  const given = Object.keys(input as object).filter((k) => k in FIELD_LABELS);
  await withTransaction(async (tx) => {
    const incident = await lockIncidentFor(tx, actor, idOrReference, "incident.update");
    if (given.includes("piiDetails")) await authorize(actor, "pii.write", { type: "incident", id: incident.id, memberIds: incident.memberIds });
    refuseIfClosed(incident);

    const change: Prisma.IncidentUpdateInput = {};
    const changed: string[] = [];
    const set = <K extends keyof typeof data>(key: K, current: unknown, apply: () => void) => {
      if (!given.includes(key as string)) return;
      if (JSON.stringify(current) === JSON.stringify(data[key])) return;
      changed.push(key as string);
      apply();
    };
    set("title", incident.title, () => (change.title = data.title));
    set("summary", incident.summary, () => (change.summary = data.summary));
    set("severity", incident.severity, () => (change.severity = data.severity));
    if (given.includes("typeId") && data.typeId !== incident.typeId) {
      const type = await tx.incidentType.findUnique({ where: { id: data.typeId! } });
      if (!type || !type.active) throw validationError({ typeId: "Choose the type of incident." });
      changed.push("typeId");
      change.type = { connect: { id: type.id } };
    }
    set("affectedSystems", incident.affectedSystems, () => (change.affectedSystems = data.affectedSystems));
    set("affectedDataCategories", incident.affectedDataCategories, () => (change.affectedDataCategories = data.affectedDataCategories));
    set("piiInvolved", incident.piiInvolved, () => (change.piiInvolved = data.piiInvolved));
    if (given.includes("piiDetails")) {
      const text = data.piiDetails?.trim() ?? "";
      if (text && !(data.piiInvolved ?? incident.piiInvolved)) throw validationError({ piiDetails: "Tick “personal data involved” to record personal data details." });
      changed.push("piiDetails");
      change.piiDetailsEnc = text ? encryptField(text, piiAssociatedData(incident.id)) : null;
    }
    const commanderId = given.includes("commanderId") ? (data.commanderId ?? null) : incident.commanderId;
    const teamIds = given.includes("teamIds") ? [...new Set(data.teamIds ?? [])] : incident.teamIds;
    if (commanderId !== incident.commanderId) {
      await assertUsersExist(tx, commanderId ? [commanderId] : [], "commanderId");
      changed.push("commanderId");
      change.commander = commanderId ? { connect: { id: commanderId } } : { disconnect: true };
    }
    if (JSON.stringify(teamIds) !== JSON.stringify(incident.teamIds)) {
      await assertUsersExist(tx, teamIds, "teamIds");
      changed.push("teamIds");
      change.teamIds = teamIds;
    }
    if (changed.length === 0) return;
    change.memberIds = memberIdsOf({ ...incident, commanderId, teamIds });
    await tx.incident.update({ where: { id: incident.id }, data: change });
    const authorId = actor.kind === "user" ? actor.userId : null;
    await addTimelineEntry(tx, {
      incidentId: incident.id,
      kind: "incident.updated",
      text: `Changed ${changed.map((f) => FIELD_LABELS[f]).join(", ")}.`,
      authorId,
      occurredAt: clockNow(),
    });
    await recordAuditEvent(tx, { actor, action: "incident.updated", target: { type: "incident", id: incident.id }, details: { fields: changed } });
  });
}
