import Link from "next/link";
import { EngagementTable } from "@/components/engagements/engagement-table";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { listEngagements } from "@/lib/engagements";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { ENGAGEMENT_STATE_LABEL } from "@/lib/engagements/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit engagements" };

export default async function EngagementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("compliance.read");
  const params = await searchParams;
  const { rows, total, query } = await listEngagements(actor, params);
  return (
    <>
      <PageHeader
        title="Audit engagements"
        description="Audits by Amazon or its auditor (DPP A-1): who audits what, and until when. Auditors' accounts end with their engagements."
        actions={
          <div className="actions-row">
            {can(actor, "compliance.manage") ? (
              <Link className="button" href="/compliance/engagements/new">
                New engagement
              </Link>
            ) : null}
          </div>
        }
      />
      <ComplianceNav current="/compliance/engagements" />
      <FilterForm label="Filter engagements">
        <SelectFilter name="state" label="State" value={query.state} labels={ENGAGEMENT_STATE_LABEL} />
      </FilterForm>
      <EngagementTable rows={rows} total={total} query={query} />
    </>
  );
}
