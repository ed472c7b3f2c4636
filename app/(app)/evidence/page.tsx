import { EvidenceTable } from "@/components/evidence/evidence-table";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { listEvidence } from "@/lib/evidence";

export const dynamic = "force-dynamic";
export const metadata = { title: "Evidence" };

export default async function EvidenceListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "evidence.read")) return <NotAllowed title="Evidence" who="Security leads, auditors and the responders an incident is assigned to can." />;
  const params = await searchParams;
  const { rows, total, query } = await listEvidence(actor, params);
  return (
    <>
      <PageHeader title="Evidence" description="Every evidence item across incidents, with its custodian and status. Add evidence from an incident's page." />
      <form className="filters" method="get" role="search" aria-label="Filter evidence">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" defaultValue={query.q ?? ""} placeholder="Label, description, file name, serial" />
        </div>
        <div className="field">
          <label htmlFor="incident">Incident</label>
          <input id="incident" name="incident" defaultValue={query.incident ?? ""} placeholder="INC-2026-0001" />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="sealed">Sealed</option>
            <option value="released">Released</option>
            <option value="destroyed">Destroyed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">Kind</label>
          <select id="kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">Any</option>
            <option value="digital">Digital</option>
            <option value="physical">Physical</option>
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-secondary">
            Filter
          </button>
        </div>
      </form>
      <EvidenceTable
        rows={rows}
        total={total}
        page={query.page}
        pageSize={query.pageSize}
        sort={query.sort}
        dir={query.dir}
      />
    </>
  );
}
