import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

/** The stored PDF exactly as issued; each download is audit-logged. */
export async function downloadCertificate(actor: Actor, reference: string, context: TRequestContext = {}): Promise<{ fileName: string; body: Buffer; sha256: string }> {
  await authorize(actor, "compliance.export", { type: "certificate", id: reference });
  const certificate = await db().complianceCertificate.findUnique({ where: { reference }, select: { id: true, reference: true, pdf: true, pdfSha256: true } });
  if (!certificate) throw new AppError("NOT_FOUND", "There is no certificate with this reference.");
  await withTransaction((tx) =>
    recordAuditEvent(
      tx,
      exportEvent({ actor, record: "compliance.certificate", verb: "downloaded", target: { type: "certificate", id: certificate.id }, recordCount: 1, details: { reference }, context }),
    ),
  );
  return { fileName: `${certificate.reference}.pdf`, body: Buffer.from(certificate.pdf), sha256: certificate.pdfSha256 };
}
