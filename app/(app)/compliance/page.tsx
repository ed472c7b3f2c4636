import Link from "next/link";
import { AttestForm, PolicyVersionForm } from "@/components/compliance/compliance-forms";
import { ComplianceMapView } from "@/components/compliance/compliance-map-view";
import { CONTROL_STATUS_BADGE, CONTROL_STATUS_LABEL } from "@/components/compliance/status";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { getComplianceMap } from "@/lib/compliance/get-compliance-map";
import { toControlRows } from "@/lib/compliance/map-view";
import { attestControlAction, setPolicyVersionAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compliance map" };

// A file download from a route handler, not a page: a plain link, not next/link.
const EXPORT_URL = "/api/compliance/map";
const VERSION_LABEL = { "2025": "the DPP revision of 11 November 2025", "2021": "the DPP of January 2021" } as const;

export default async function CompliancePage() {
  const actor = await requireActor();
  const map = await getComplianceMap(actor);
  const rows = toControlRows(map.results);
  return (
    <>
      <PageHeader
        title="Compliance map"
        description={`Every control of ${VERSION_LABEL[map.version]}, computed from live records where Vigil tracks them, as of ${map.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC.`}
        actions={
          <div className="actions-row">
            <Link className="button button-secondary" href="/compliance/findings">
              Findings
            </Link>
            <Link className="button button-secondary" href="/compliance/certificates">
              Certificates
            </Link>
            <a className="button button-secondary" href={`${EXPORT_URL}?format=csv`}>
              Export CSV
            </a>
            <a className="button button-secondary" href={`${EXPORT_URL}?format=pdf`}>
              Export PDF
            </a>
          </div>
        }
      />
      <div className="badges-row" aria-label="Summary">
        {(["met", "not_met", "attention", "not_attested", "not_tracked"] as const).map((s) => (
          <span key={s} className={CONTROL_STATUS_BADGE[s]}>
            {CONTROL_STATUS_LABEL[s]}: {map.counts[s]}
          </span>
        ))}
      </div>
      {map.canManage ? (
        <div className="card" style={{ marginBottom: "1rem", maxWidth: "32rem" }}>
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
