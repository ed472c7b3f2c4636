import { EvidenceTable } from "@/components/evidence/evidence-table";
import { IntegrityCycle } from "@/components/evidence/integrity-cycle";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { getIntegrityCycleStatus, listEvidence } from "@/lib/evidence";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/filter-form";
import { EVIDENCE_KIND_LABEL, EVIDENCE_STATUS_LABEL } from "@/lib/evidence/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Evidence" };

export default async function EvidenceListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "evidence.read")) return <NotAllowed title="Evidence" who="Security leads, auditors and the responders an incident is assigned to can." />;
  const params = await searchParams;
  const { rows, total, query } = await listEvidence(actor, params);
  const integrity = await getIntegrityCycleStatus(actor, now());
  return (
    <>
      <PageHeader title="Evidence" description="Every evidence item across incidents, with its custodian and status. Add evidence from an incident's page." />
      {integrity ? <IntegrityCycle status={integrity} /> : null}
      <FilterForm label="Filter evidence">
        <TextFilter name="q" label="Search" value={query.q} placeholder="Label, description, file name, serial" />
        <TextFilter name="incident" label="Incident" value={query.incident} placeholder="INC-2026-0001" />
        <SelectFilter name="status" label="Status" value={query.status} labels={EVIDENCE_STATUS_LABEL} />
        <SelectFilter name="kind" label="Kind" value={query.kind} labels={EVIDENCE_KIND_LABEL} />
      </FilterForm>
      <EvidenceTable rows={rows} total={total} query={query} />
    </>
  );
}
