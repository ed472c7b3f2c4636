import { PolicyVersionForm } from "@/components/compliance/compliance-forms";
import { ComplianceExportLinks } from "@/components/compliance/export-links";
import { ComplianceMapView } from "@/components/compliance/compliance-map-view";
import { ComplianceSummary } from "@/components/compliance/compliance-summary";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { getComplianceMap, toControlRows } from "@/lib/compliance";
import { setPolicyVersionAction } from "./actions";
import styles from "./compliance.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Compliance map" };

const VERSION_LABEL = { "2025": "the DPP revision of 11 November 2025", "2021": "the DPP of January 2021" } as const;

export default async function CompliancePage() {
  const actor = await requireActor();
  if (!can(actor, "compliance.read")) return <NotAllowed title="Compliance map" who="Security leads, privacy officers and auditors can." />;
  const map = await getComplianceMap(actor, { forScreen: true });
  const rows = toControlRows(map.results, { forScreen: true });
  return (
    <>
      <PageHeader
        title="Compliance map"
        description={`Every control of ${VERSION_LABEL[map.version]}, as of ${map.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC. A control is met only by records in its period or by a current attestation signed by a named person.`}
        actions={
          <ComplianceExportLinks
            canExportPack={can(actor, "compliance.export")}
            map={[
              { format: "csv", label: "Export CSV" },
              { format: "pdf", label: "Export PDF" },
            ]}
          />
        }
      />
      <ComplianceNav current="/compliance" />
      <ComplianceSummary counts={map.counts} />
      {map.canManage ? (
        <div className={`card ${styles.versionCard}`}>
          <PolicyVersionForm action={setPolicyVersionAction} version={map.version} />
        </div>
      ) : null}
      <ComplianceMapView rows={rows} canAttest={map.canManage} />
    </>
  );
}
