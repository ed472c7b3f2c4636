import { AttestForm, PolicyVersionForm } from "@/components/compliance/compliance-forms";
import { ComplianceMapView } from "@/components/compliance/compliance-map-view";
import { CONTROL_STATUS_BADGE } from "@/components/compliance/status";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { CONTROL_STATUS_LABEL, getComplianceMap, toControlRows } from "@/lib/compliance";
import { attestControlAction, setPolicyVersionAction } from "./actions";
import styles from "./compliance.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compliance map" };

// A file download from a route handler, not a page: a plain link, not next/link.
const EXPORT_URL = "/api/compliance/map";
const AUDIT_PACK_URL = "/api/compliance/audit-pack";
const VERSION_LABEL = { "2025": "the DPP revision of 11 November 2025", "2021": "the DPP of January 2021" } as const;

export default async function CompliancePage() {
  const actor = await requireActor();
  if (!can(actor, "compliance.read")) return <NotAllowed title="Compliance map" who="Security leads, privacy officers and auditors can." />;
  const map = await getComplianceMap(actor);
  const rows = toControlRows(map.results);
  return (
    <>
      <PageHeader
        title="Compliance map"
        description={`Every control of ${VERSION_LABEL[map.version]}, computed from live records where Vigil tracks them, as of ${map.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC.`}
        actions={
          <div className="actions-row">
            {can(actor, "compliance.export") ? (
              <a className="button" href={AUDIT_PACK_URL}>
                Export audit pack (ZIP)
              </a>
            ) : null}
            <a className="button button-secondary" href={`${EXPORT_URL}?format=csv`}>
              Export CSV
            </a>
            <a className="button button-secondary" href={`${EXPORT_URL}?format=pdf`}>
              Export PDF
            </a>
          </div>
        }
      />
      <ComplianceNav current="/compliance" />
      <div className="badges-row" aria-label="Summary">
        {(["met", "not_met", "attention", "not_attested", "not_tracked"] as const).map((s) => (
          <span key={s} className={CONTROL_STATUS_BADGE[s]}>
            {CONTROL_STATUS_LABEL[s]}: {map.counts[s]}
          </span>
        ))}
      </div>
      {map.canManage ? (
        <div className={`card ${styles.versionCard}`}>
          <PolicyVersionForm action={setPolicyVersionAction} version={map.version} />
        </div>
      ) : null}
      <ComplianceMapView
        rows={rows}
        renderActions={map.canManage ? (row) => (row.basis === "attested" ? <AttestForm action={attestControlAction} controlId={row.id} /> : null) : undefined}
      />
    </>
  );
}
