import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { withTransaction } from "@/lib/db/transaction";
import { amazonNoticeAddress, noticeContact, noticeMailConfigured } from "@/lib/notices";
import type { TNoticeDraft } from "@/lib/notices/types";
import { loadIncidentFor, userTimeZone } from "./incident-access";
import { draftIncidentNotice } from "./notice-rules";

/** The pre-filled notice to Amazon for an incident, for a security lead to review and send. */
export async function draftAmazonNotice(actor: Actor, idOrReference: string): Promise<TNoticeDraft> {
  return withTransaction(async (tx) => {
    const incident = await loadIncidentFor(tx, actor, idOrReference, "incident.notify-amazon");
    const type = await tx.incidentType.findUniqueOrThrow({ where: { id: incident.typeId } });
    const timeline = await tx.incidentTimelineEntry.findMany({ where: { incidentId: incident.id, kind: { in: ["manual", "status.changed"] } }, orderBy: { occurredAt: "asc" } });
    const toAddress = await amazonNoticeAddress(tx);
    const contact = await noticeContact(tx, actor, incident.commanderId);
    const timeZone = await userTimeZone(tx, actor);
    const draft = draftIncidentNotice(
      {
        reference: incident.reference,
        title: incident.title,
        summary: incident.summary,
        detectedAt: incident.detectedAt,
        typeName: type.name,
        severity: incident.severity,
        affectedSystems: incident.affectedSystems,
        affectedDataCategories: incident.affectedDataCategories,
        actionsTaken: timeline.map((e) => e.text),
        contact,
      },
      timeZone,
    );
    return { toAddress, ...draft, mailHeld: !noticeMailConfigured() };
  });
}
