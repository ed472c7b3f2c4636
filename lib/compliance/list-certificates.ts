import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { formatDay } from "@/lib/findings/types";
import type { TCertificateStatement } from "./certificate-statement";
import type { TCertificateRow } from "./types";

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
