import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/due-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { nextReference } from "@/lib/core/references";
import { renderCertificatePdf } from "./certificate-pdf";
import { buildCertificateStatement, type TCertificateStatement } from "./certificate-statement";
import { getComplianceMap } from "./get-compliance-map";

const text = (max: number, message: string) => z.string({ message }).trim().min(1, message).max(max, `Keep it under ${max} characters.`);

export const ZCertificateIssue = z.object({
  asOf: z.string({ message: "Enter the date the certificate speaks for." }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the certificate speaks for."),
  organisation: text(200, "Name the organisation that certifies."),
  officerName: text(200, "Enter the certifying officer's name."),
  officerTitle: text(200, "Enter the certifying officer's title."),
  requestedBy: text(2000, "Name Amazon's written request: its reference or text."),
});

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
  if (!asOf) throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { asOf: "Enter a real calendar day." } });
  const map = await getComplianceMap(actor);
  if (asOf.getTime() > utcDay(map.asOf).getTime()) {
    throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors: { asOf: "A certificate cannot speak for a day still to come." } });
  }
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

export interface TCertificateRow {
  id: string;
  reference: string;
  policyVersion: string;
  asOf: string;
  officerName: string;
  officerTitle: string;
  requestedBy: string;
  issuedAt: string;
  pdfSha256: string;
  met: number;
  notMet: number;
}

/** Every certificate issued, newest first (the bytes stay in the database until downloaded). */
export async function listCertificates(actor: Actor): Promise<TCertificateRow[]> {
  await authorize(actor, "compliance.export");
  const rows = await db().complianceCertificate.findMany({
    orderBy: [{ issuedAt: "desc" }],
    take: 500,
    select: { id: true, reference: true, policyVersion: true, asOf: true, officerName: true, officerTitle: true, requestedBy: true, issuedAt: true, pdfSha256: true, statement: true },
  });
  return rows.map((r) => {
    const statement = r.statement as unknown as Partial<TCertificateStatement>;
    return {
      id: r.id,
      reference: r.reference,
      policyVersion: r.policyVersion,
      asOf: formatDay(r.asOf),
      officerName: r.officerName,
      officerTitle: r.officerTitle,
      requestedBy: r.requestedBy,
      issuedAt: r.issuedAt.toISOString(),
      pdfSha256: r.pdfSha256,
      met: statement.met?.length ?? 0,
      notMet: statement.notMet?.length ?? 0,
    };
  });
}

/** What the issue form starts with: the officer's own name, the organisation named last time. */
export async function certificateFormDefaults(actor: Actor): Promise<{ officerName: string; organisation: string }> {
  if (actor.kind !== "user") return { officerName: "", organisation: "" };
  const [me, last] = await Promise.all([
    db().user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }),
    db().complianceCertificate.findFirst({ orderBy: { issuedAt: "desc" }, select: { statement: true } }),
  ]);
  const organisation = (last?.statement as { organisation?: unknown } | undefined)?.organisation;
  return { officerName: me?.displayName ?? "", organisation: typeof organisation === "string" ? organisation : "" };
}

/** The stored PDF exactly as issued; each download is audit-logged. */
export async function downloadCertificate(actor: Actor, reference: string, context: TRequestContext = {}): Promise<{ fileName: string; body: Buffer; sha256: string }> {
  await authorize(actor, "compliance.export", { type: "certificate", id: reference });
  const certificate = await db().complianceCertificate.findUnique({ where: { reference }, select: { id: true, reference: true, pdf: true, pdfSha256: true } });
  if (!certificate) throw new AppError("NOT_FOUND", "There is no certificate with this reference.");
  await withTransaction((tx) =>
    recordAuditEvent(tx, { actor, action: "compliance.certificate-downloaded", target: { type: "certificate", id: certificate.id }, details: { reference }, context }),
  );
  return { fileName: `${certificate.reference}.pdf`, body: Buffer.from(certificate.pdf), sha256: certificate.pdfSha256 };
}
