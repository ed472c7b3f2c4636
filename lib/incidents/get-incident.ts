import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { decryptField } from "@/lib/crypto/field-encryption";
import { withTransaction } from "@/lib/db/transaction";
import { listNotices } from "@/lib/notices";
import { withoutEmailAddresses } from "@/lib/notices/types";
import { clockState } from "./clock-rules";
import { loadIncidentFor, piiAssociatedData, userTimeZone } from "./incident-access";
import { readRecipientName } from "./recipient-name";
import { TRANSITIONS } from "./status-rules";
import type { TIncidentDetail, TPersonRef, TRecipientKind, TTimelineKind } from "./types";

export async function getIncident(actor: Actor, idOrReference: string): Promise<TIncidentDetail> {
  return withTransaction(async (tx) => {
    const incident = await loadIncidentFor(tx, actor, idOrReference, "incident.read");
    const resource = { memberIds: incident.memberIds };
    const readPii = can(actor, "pii.read", resource);
    // The personal-data fields never leave the server for a reader without pii.read (the
    // encrypted details, third parties' names); people's emails in the free text never leave it
    // for a read-only reader without user.email.read (an auditor). Those who work the incident
    // read its text as written, since they edit it.
    const emailsHidden = !can(actor, "user.email.read") && !can(actor, "incident.update", resource);
    const text = (value: string) => (emailsHidden ? withoutEmailAddresses(value, "") : value);
    const optionalText = (value: string | null) => (value === null ? null : text(value));
    // One connection per transaction: queries run one after another.
    const type = await tx.incidentType.findUniqueOrThrow({ where: { id: incident.typeId } });
    const timeline = await tx.incidentTimelineEntry.findMany({ where: { incidentId: incident.id }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] });
    const tasks = await tx.incidentTask.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" } });
    const comments = await tx.incidentComment.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" } });
    const notices = await listNotices(tx, { incidentId: incident.id }, actor);
    const thirdParty = await tx.thirdPartyNotification.findMany({ where: { incidentId: incident.id }, orderBy: { notifiedAt: "asc" } });
    const clockChanges = await tx.incidentClockChange.findMany({ where: { incidentId: incident.id }, orderBy: [{ changedAt: "asc" }, { id: "asc" }] });
    const timeZone = await userTimeZone(tx, actor);
    const userIds = new Set<string>([incident.reportedById, ...(incident.commanderId ? [incident.commanderId] : []), ...incident.teamIds]);
    for (const e of timeline) if (e.authorId) userIds.add(e.authorId);
    for (const t of tasks) userIds.add(t.ownerId);
    for (const c of comments) userIds.add(c.authorId);
    for (const c of clockChanges) userIds.add(c.changedById);
    const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    const person = (id: string): TPersonRef => ({ id, name: names.get(id) ?? "Unknown user" });

    const piiDetails = readPii && incident.piiDetailsEnc ? decryptField(incident.piiDetailsEnc, piiAssociatedData(incident.id)) : null;
    const recipientNames = thirdParty.map((n) => (readPii ? readRecipientName(n) : null));
    const piiFields = [...(piiDetails !== null ? ["piiDetails"] : []), ...(recipientNames.some((name) => name !== null) ? ["thirdPartyNotifications.recipientName"] : [])];
    // A read of personal data is itself a security event (PII-5a).
    if (piiFields.length) await recordAuditEvent(tx, { actor, action: "incident.pii.read", target: { type: "incident", id: incident.id }, details: { fields: piiFields } });
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
  });
}
