import "server-only";
import { createHash } from "node:crypto";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { nextReference } from "@/lib/core/references";
import { renderCertificatePdf } from "./certificate-pdf";
import { buildCertificateStatement } from "./certificate-statement";
import { getComplianceMap } from "./get-compliance-map";
import { ZCertificateIssue } from "./schemas";

/**
 * Issues a compliance certificate: every control of the policy version with its status as
 * computed now, rendered to PDF and stored with its SHA-256, the statement and the audit event
 * in one transaction. The table is append-only: what was issued stays as issued.
 */
export async function issueCertificate(actor: Actor, input: unknown): Promise<{ id: string; reference: string; pdfSha256: string }> {
  await authorize(actor, "compliance.manage", { type: "certificate", id: "new" });
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can issue a certificate." });
  const data = parseInput(ZCertificateIssue, input);
  const asOf = parseCalendarDay(data.asOf);
  if (!asOf) throw validationError({ asOf: "Enter a real calendar day." });
  const map = await getComplianceMap(actor);
  if (asOf.getTime() > utcDay(map.asOf).getTime()) throw validationError({ asOf: "A certificate cannot speak for a day still to come." });
  // The reference is reserved first, so the PDF (which prints it) is rendered with no
  // transaction open; a rendering failure leaves a gap in the numbering, never a half-issued
  // certificate.
  const id = newId("cert");
  const reference = await withTransaction((tx) => nextReference(tx, "CERT", map.asOf));
  const statement = buildCertificateStatement({
    reference,
    organisation: data.organisation,
    version: map.version,
    results: map.results,
    asOf: formatDay(asOf),
    computedAt: map.asOf,
    officer: { id: actor.userId, name: data.officerName, title: data.officerTitle },
    requestedBy: data.requestedBy,
  });
  const pdf = await renderCertificatePdf(statement);
  const pdfSha256 = createHash("sha256").update(pdf).digest("hex");
  return withTransaction(async (tx) => {
    await tx.complianceCertificate.create({
      data: {
        id,
        reference,
        policyVersion: map.version,
        asOf,
        officerId: actor.userId,
        officerName: data.officerName,
        officerTitle: data.officerTitle,
        requestedBy: data.requestedBy,
        statement: statement as unknown as Prisma.InputJsonValue,
        pdfSha256,
        pdf: new Uint8Array(pdf),
        issuedAt: clockNow(),
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "compliance.certificate-issued",
      target: { type: "certificate", id },
      details: { reference, policyVersion: map.version, asOf: formatDay(asOf), met: statement.met.length, notMet: statement.notMet, pdfSha256 },
    });
    return { id, reference, pdfSha256 };
  });
}
