import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { displayNames } from "@/lib/core/display-names";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { planListsOf } from "./plan-lists-access";
import { approvedVersionPdf } from "./render-policy-pdf";

/** An approved version as a PDF, rendered from its Markdown; each download is audit-logged. */
export async function downloadPolicyVersionPdf(actor: Actor, reference: string, number: string, context: TRequestContext = {}): Promise<{ fileName: string; body: Buffer }> {
  await authorize(actor, "policy.read", { type: "policy-document", id: reference });
  const document = await db().policyDocument.findUnique({ where: { reference }, select: { id: true, reference: true, title: true } });
  const version =
    document && /^[1-9]\d{0,5}$/.test(number) ? await db().policyDocumentVersion.findUnique({ where: { documentId_number: { documentId: document.id, number: Number(number) } } }) : null;
  if (!document || !version || version.status !== "approved") throw new AppError("NOT_FOUND", "There is no approved version with this number.");
  const names = await displayNames([version.authorId, version.approvedById]);
  const lists = await planListsOf(db(), [version]);
  const body = await approvedVersionPdf(document, version, names, lists.get(version.id) ?? null);
  await withTransaction((tx) =>
    recordAuditEvent(
      tx,
      exportEvent({ actor, record: "policy.version", verb: "downloaded", target: { type: "policy-document", id: document.id }, recordCount: 1, details: { reference, number: version.number, versionId: version.id }, context }),
    ),
  );
  return { fileName: `${document.reference}-v${version.number}.pdf`, body };
}
