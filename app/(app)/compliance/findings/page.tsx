import Link from "next/link";
import { FindingTable } from "@/components/findings/finding-table";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { CONTROLS } from "@/lib/compliance";
import { listFindings } from "@/lib/findings";
import styles from "../compliance.module.css";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { FINDING_STATUS_LABEL } from "@/lib/findings/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit findings" };

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("compliance.read");
  const { rows, total, query, canManage } = await listFindings(actor, await searchParams);
  return (
    <>
      <PageHeader
        title="Audit findings"
        description="What audits found against the policy's controls, who remediates each and by when. An overdue finding puts its control in need of attention on the compliance map."
        actions={
          <div className="actions-row">
            {canManage ? (
              <Link className="button" href={query.control ? `/compliance/findings/new?control=${query.control}` : "/compliance/findings/new"}>
                Record a finding
              </Link>
            ) : null}
          </div>
        }
      />
      <ComplianceNav current="/compliance/findings" />
      <FilterForm label="Filter findings">
        <SelectFilter name="status" label="Status" value={query.status} labels={{ ...FINDING_STATUS_LABEL, all: "All" }} anyLabel={null} />
        {/* Long control titles must not push a phone's screen wider. */}
        <SelectFilter
          name="control"
          label="Control"
          value={query.control}
          labels={CONTROLS.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }))}
          className={styles.shrinkField}
        />
      </FilterForm>
      <FindingTable rows={rows} total={total} query={query} />
    </>
  );
}
