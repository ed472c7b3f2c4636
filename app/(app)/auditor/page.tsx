import Link from "next/link";
import { ComplianceExportLinks } from "@/components/compliance/export-links";
import { ComplianceMapView } from "@/components/compliance/compliance-map-view";
import { MyEngagementCard } from "@/components/engagements/my-engagement-card";
import { ComplianceSummary } from "@/components/compliance/compliance-summary";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { myEngagements } from "@/lib/engagements";
import { getComplianceMap, toControlRows } from "@/lib/compliance";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Auditor portal" };

/** The auditor's landing page: the compliance map, read-only, and the records behind it. */
export default async function AuditorPortalPage() {
  const actor = await requireActor();
  if (!can(actor, "compliance.read")) return <NotAllowed title="Auditor portal" who="Auditors, security leads and privacy officers can." />;
  const map = await getComplianceMap(actor, { forScreen: true });
  const engagements = await myEngagements(actor);
  return (
    <>
      <PageHeader
        title="Auditor portal"
        description="Read-only access to the records that show compliance with Amazon's Data Protection Policy. The personal-data fields (incident details, the names of notified parties, people's email addresses) are never sent to an auditor, and every view and export is logged."
        actions={
          <ComplianceExportLinks
            canExportPack={can(actor, "compliance.export")}
            map={[
              { format: "pdf", label: "Compliance map (PDF)" },
              { format: "csv", label: "Compliance map (CSV)" },
            ]}
          />
        }
      />
      {engagements.map((e) => (
        <MyEngagementCard key={e.reference} engagement={e} />
      ))}
      <nav className={`card ${styles.records}`} aria-label="Records">
        <h2>Records</h2>
        <ul className="link-list">
          <li>
            <Link href="/incidents">Incidents</Link> <span className="muted">with their Amazon clocks, notices, timelines and closing reports (without the personal-data fields)</span>
          </li>
          <li>
            <Link href="/evidence">Evidence</Link> <span className="muted">metadata and chain-of-custody ledgers, with PDF reports</span>
          </li>
          <li>
            <Link href="/compliance/findings">Audit findings</Link> <span className="muted">with their owners, remediation deadlines, closure evidence and history</span>
          </li>
          <li>
            <Link href="/compliance/certificates">Compliance certificates</Link> <span className="muted">issued on Amazon&apos;s request, as PDF</span>
          </li>
          <li>
            <Link href="/audit-log">Audit log</Link> <span className="muted">with its verification result and signed checkpoints</span>
          </li>
          <li>
            <Link href="/auditor/users">Users and roles</Link> <span className="muted">who has access, with which role (without emails)</span>
          </li>
          <li>
            <Link href="/plans">Plans and policies</Link> <span className="muted">the incident response plan and policies in force, their versions, reviews and acknowledgements, and the control activities</span>
          </li>
          <li>
            <Link href="/access">Access reviews</Link> <span className="muted">systems, accounts and people with access, and the quarterly reviews with their decisions</span>
          </li>
          <li>
            <Link href="/assets">Assets</Link> <span className="muted">the inventory of assets that touch Amazon or personal data, records of processing and retention rules</span>
          </li>
          <li>
            <Link href="/legal-requests">Legal-process requests</Link> <span className="muted">with the notices sent to Amazon</span>
          </li>
        </ul>
      </nav>
      <ComplianceSummary counts={map.counts} />
      <ComplianceMapView rows={toControlRows(map.results, { forScreen: true })} />
    </>
  );
}
