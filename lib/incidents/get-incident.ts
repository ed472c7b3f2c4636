import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { decryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { displayNames } from "@/lib/core/display-names";
import type { Incident } from "@/lib/generated/prisma/client";
import { listNotices } from "@/lib/notices";
import { withoutEmailAddresses } from "@/lib/notices/types";
import { clockState } from "./clock-rules";
import { loadIncidentFor, piiAssociatedData, userTimeZone } from "./incident-access";
import { readRecipientName } from "./recipient-name";
import { TRANSITIONS } from "./status-rules";
import type { TIncidentDetail, TPersonRef, TRecipientKind, TTimelineKind } from "./types";

/**
 * An incident as its page shows it. The record is found and the permission checked first; then
 * the reads that hold nothing sensitive (type, timeline, tasks, comments, notices, clock changes,
 * the reader's time zone) go in parallel on the pool, beside one transaction that reads the
 * personal data (the encrypted details, third parties' names) and writes the audit event for that
 * read (PII-5a), so the two commit together. 5 round trips one after another instead of 12.
 */
export async function getIncident(actor: Actor, idOrReference: string): Promise<TIncidentDetail> {
  const found = await loadIncidentFor(db(), actor, idOrReference, "incident.read");
  const [sensitive, reads] = await Promise.all([
    withTransaction(async (tx) => {
      // Checked again inside: the personal data is read only under a permission that still holds.
      const incident = await loadIncidentFor(tx, actor, found.id, "incident.read");
      const readPii = can(actor, "pii.read", { memberIds: incident.memberIds });
      const thirdParty = await tx.thirdPartyNotification.findMany({ where: { incidentId: incident.id }, orderBy: { notifiedAt: "asc" } });
      const piiDetails = readPii && incident.piiDetailsEnc ? decryptField(incident.piiDetailsEnc, piiAssociatedData(incident.id)) : null;
      const recipientNames = thirdParty.map((n) => (readPii ? readRecipientName(n) : null));
      const piiFields = [...(piiDetails !== null ? ["piiDetails"] : []), ...(recipientNames.some((name) => name !== null) ? ["thirdPartyNotifications.recipientName"] : [])];
      // A read of personal data is itself a security event (PII-5a), in the transaction that read it.
      if (piiFields.length) await recordAuditEvent(tx, { actor, action: "incident.pii.read", target: { type: "incident", id: incident.id }, details: { fields: piiFields } });
      return { incident, readPii, thirdParty, piiDetails, recipientNames };
    }),
    readIncidentRecords(actor, found),
  ]);
  const { incident, readPii, thirdParty, piiDetails, recipientNames } = sensitive;
  const { type, timeline, tasks, comments, notices, clockChanges, timeZone } = reads;
  const resource = { memberIds: incident.memberIds };
  // The personal-data fields never leave the server for a reader without pii.read (the
  // encrypted details, third parties' names); people's emails in the free text never leave it
  // for a read-only reader without user.email.read (an auditor). Those who work the incident
  // read its text as written, since they edit it.
  const emailsHidden = !can(actor, "user.email.read") && !can(actor, "incident.update", resource);
  const text = (value: string) => (emailsHidden ? withoutEmailAddresses(value, "") : value);
  const optionalText = (value: string | null) => (value === null ? null : text(value));
  const userIds = new Set<string>([incident.reportedById, ...(incident.commanderId ? [incident.commanderId] : []), ...incident.teamIds]);
  for (const e of timeline) if (e.authorId) userIds.add(e.authorId);
  for (const t of tasks) userIds.add(t.ownerId);
  for (const c of comments) userIds.add(c.authorId);
  for (const c of clockChanges) userIds.add(c.changedById);
  const names = await displayNames([...userIds]);
  const person = (id: string): TPersonRef => ({ id, name: names.get(id) ?? "Unknown user" });

  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: incident.id,
    reference: incident.reference,
    title: incident.title,
    summary: text(incident.summary),
    type: { id: type.id, name: type.name, procedure: type.procedure, escalationPath: type.escalationPath },
    severity: incident.severity,
    status: incident.status,
    detectedAt: incident.detectedAt.toISOString(),
    createdAt: incident.createdAt.toISOString(),
    reportedBy: person(incident.reportedById),
    commander: incident.commanderId ? person(incident.commanderId) : null,
    team: incident.teamIds.map(person),
    affectedSystems: incident.affectedSystems,
    affectedDataCategories: incident.affectedDataCategories,
    amazonInfoInvolved: incident.amazonInfoInvolved,
    amazonInfoAnswer: incident.amazonInfoAnswer,
    amazonInfoAnsweredBefore: incident.amazonInfoAnsweredBefore,
    clockChanges: clockChanges.map((c) => ({
      id: c.id,
      kind: c.kind,
      fromAnswer: c.fromAnswer,
      toAnswer: c.toAnswer,
      fromDueAt: iso(c.fromDueAt),
      toDueAt: iso(c.toDueAt),
      reason: c.reason,
      changedBy: person(c.changedById),
      changedAt: c.changedAt.toISOString(),
    })),
    piiInvolved: incident.piiInvolved,
    piiDetails,
    piiHidden: Boolean(incident.piiDetailsEnc) && !readPii,
    emailsHidden,
    notificationDueAt: iso(incident.notificationDueAt),
    amazonNotifiedAt: iso(incident.amazonNotifiedAt),
    amazonNoticeOnTime: incident.amazonNoticeOnTime,
    clock: clockState(
      { dueAt: incident.notificationDueAt, notifiedAt: incident.amazonNotifiedAt, noticeOnTime: incident.amazonNoticeOnTime, stopped: incident.status === "false_positive" },
      clockNow(),
    ),
    falsePositiveReason: optionalText(incident.falsePositiveReason),
    closing: {
      closureDescription: optionalText(incident.closureDescription),
      rootCause: optionalText(incident.rootCause),
      remediationActions: optionalText(incident.remediationActions),
      correctiveControls: optionalText(incident.correctiveControls),
      lessonsLearned: optionalText(incident.lessonsLearned),
    },
    closedAt: iso(incident.closedAt),
    timeline: timeline.map((e) => ({ id: e.id, occurredAt: e.occurredAt.toISOString(), kind: e.kind as TTimelineKind, text: text(e.text), author: e.authorId ? person(e.authorId) : null })),
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, owner: person(t.ownerId), dueDate: t.dueDate ? t.dueDate.toISOString().slice(0, 10) : null, doneAt: iso(t.doneAt) })),
    comments: comments.map((c) => ({ id: c.id, body: text(c.body), author: person(c.authorId), createdAt: c.createdAt.toISOString() })),
    notices,
    thirdPartyNotifications: thirdParty.map((n, i) => ({
      id: n.id,
      recipientKind: n.recipientKind as TRecipientKind,
      recipientName: recipientNames[i] ?? null,
      notifiedAt: n.notifiedAt.toISOString(),
      basis: n.basis,
      amazonApproval: optionalText(n.amazonApproval),
      legalObligation: optionalText(n.legalObligation),
      reasonWithoutBasis: optionalText(n.reasonWithoutBasis),
      summary: text(n.summary),
    })),
    allowedStatuses: TRANSITIONS[incident.status].filter((s) => s !== "closed" && s !== "false_positive"),
    timeZone,
    can: {
      update: can(actor, "incident.update", resource),
      close: can(actor, "incident.close", resource),
      notify: can(actor, "incident.notify-amazon", resource),
      readPii: readPii,
      writePii: can(actor, "pii.write", resource),
    },
  };
}

/** The incident's records that hold no personal data, read in parallel once the reader is authorized. */
async function readIncidentRecords(actor: Actor, incident: Incident) {
  const database = db();
  const [type, timeline, tasks, comments, notices, clockChanges, timeZone] = await Promise.all([
    database.incidentType.findUniqueOrThrow({ where: { id: incident.typeId } }),
    database.incidentTimelineEntry.findMany({ where: { incidentId: incident.id }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] }),
    database.incidentTask.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" } }),
    database.incidentComment.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" } }),
    listNotices(database, { incidentId: incident.id }, actor),
    database.incidentClockChange.findMany({ where: { incidentId: incident.id }, orderBy: [{ changedAt: "asc" }, { id: "asc" }] }),
    userTimeZone(database, actor),
  ]);
  return { type, timeline, tasks, comments, notices, clockChanges, timeZone };
}
