import { IssueCertificateForm } from "@/components/compliance/certificate-form";
import { CertificateTable } from "@/components/compliance/certificate-table";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { certificateFormDefaults, listCertificates } from "@/lib/compliance";
import { issueCertificateAction } from "./actions";
import styles from "../compliance.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compliance certificates" };

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
        <section className={`card ${styles.formCard} ${styles.gapBelow}`} aria-labelledby="issue-heading">
          <h2 id="issue-heading">Issue a certificate</h2>
          <IssueCertificateForm action={issueCertificateAction} today={now().toISOString().slice(0, 10)} officerName={defaults.officerName} organisation={defaults.organisation} />
        </section>
      ) : null}
      <section aria-labelledby="issued-heading">
        <h2 id="issued-heading">Issued</h2>
        {certificates.length === 0 ? (
          <p className="empty">No certificate has been issued yet.</p>
        ) : (
          <CertificateTable certificates={certificates} />
        )}
      </section>
    </>
  );
}
