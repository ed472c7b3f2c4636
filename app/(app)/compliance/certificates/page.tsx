import { IssueCertificateForm } from "@/components/compliance/certificate-form";
import { formatUtc } from "@/components/findings/labels";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { certificateFormDefaults, listCertificates } from "@/lib/compliance/certificate";
import { issueCertificateAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compliance certificates" };

// A file download from a route handler, not a page: a plain link, not next/link.
const DOWNLOAD_URL = "/api/compliance/certificates";

export default async function CertificatesPage() {
  const actor = await requirePagePermission("compliance.export");
  const certificates = await listCertificates(actor);
  const canIssue = can(actor, "compliance.manage");
  const defaults = canIssue ? await certificateFormDefaults(actor) : null;
  return (
    <>
      <PageHeader
        title="Compliance certificates"
        description="Written certifications of compliance issued on Amazon's request (DPP A-1). Each states every control's status as Vigil computes it at issue; only controls that are met are certified as met. Issued certificates are kept exactly as issued."
      />
      <ComplianceNav current="/compliance/certificates" />
      {defaults ? (
        <section className="card" aria-labelledby="issue-heading" style={{ marginBottom: "1rem", maxWidth: "48rem" }}>
          <h2 id="issue-heading">Issue a certificate</h2>
          <IssueCertificateForm action={issueCertificateAction} today={now().toISOString().slice(0, 10)} officerName={defaults.officerName} organisation={defaults.organisation} />
        </section>
      ) : null}
      <section aria-labelledby="issued-heading">
        <h2 id="issued-heading">Issued</h2>
        {certificates.length === 0 ? (
          <p className="empty">No certificate has been issued yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">As of</th>
                  <th scope="col">Officer</th>
                  <th scope="col">Requested by</th>
                  <th scope="col">Controls</th>
                  <th scope="col">Issued</th>
                  <th scope="col">File</th>
                </tr>
              </thead>
              <tbody>
                {certificates.map((c) => (
                  <tr key={c.id}>
                    <td className="mono" style={{ whiteSpace: "nowrap" }}>
                      {c.reference}
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>{c.asOf}</td>
                    <td>
                      {c.officerName}
                      <div className="muted small">{c.officerTitle}</div>
                    </td>
                    <td style={{ minWidth: "12rem" }}>{c.requestedBy}</td>
                    <td style={{ whiteSpace: "nowrap" }}>
                      {c.met} met
                      <div className="muted small">{c.notMet} not certified</div>
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>
                      {formatUtc(c.issuedAt)}
                      <div className="muted small mono" title={`SHA-256 ${c.pdfSha256}`}>
                        SHA-256 {c.pdfSha256.slice(0, 12)}…
                      </div>
                    </td>
                    <td>
                      <a className="button button-secondary button-small" href={`${DOWNLOAD_URL}/${c.reference}`} aria-label={`Download ${c.reference} (PDF)`}>
                        PDF
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
