import Link from "next/link";
import { FindingTable } from "@/components/findings/finding-table";
import { ComplianceNav } from "@/components/compliance/compliance-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { CONTROLS } from "@/lib/compliance";
import { listFindings } from "@/lib/findings";
import styles from "../compliance.module.css";

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
      <form className="filters" method="get" role="search" aria-label="Filter findings">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status}>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </select>
        </div>
        {/* Long control titles must not push a phone's screen wider. */}
        <div className={`field ${styles.shrinkField}`}>
          <label htmlFor="control">Control</label>
          <select id="control" name="control" defaultValue={query.control ?? ""}>
            <option value="">Any</option>
            {CONTROLS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id} {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-secondary">
            Filter
          </button>
        </div>
      </form>
      <FindingTable rows={rows} total={total} page={query.page} pageSize={query.pageSize} sort={query.sort} dir={query.dir} />
    </>
  );
}
