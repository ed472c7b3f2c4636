import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { formatBytes } from "./encrypted-file-store";
import { loadIncidentForEvidence } from "./evidence-access";
import { maxUploadBytes } from "./evidence-settings";

/** What the "add evidence" screen needs: the incident (permission checked) and the size limit. */
export async function getEvidenceUploadContext(actor: Actor, incidentRef: string) {
  const incident = await withTransaction((tx) => loadIncidentForEvidence(tx, actor, incidentRef, "evidence.create"));
  const full = await db().incident.findUniqueOrThrow({ where: { id: incident.id }, select: { reference: true, title: true } });
  return { reference: full.reference, title: full.title, maxBytesText: formatBytes(await maxUploadBytes(db())) };
}
