import { ProcessingRecordForm } from "@/components/assets/asset-forms";
import { AssetsNav, RegisterDownloads } from "@/components/assets/assets-nav";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { listAssets, listProcessingRecords, listRetention, RETENTION_CATEGORY_LABEL } from "@/lib/assets";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { addProcessingRecordAction } from "../actions";
import styles from "@/components/assets/assets.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Records of processing" };

export default async function ProcessingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("asset.read");
  const canManage = can(actor, "asset.manage");
  const { rows, total, query } = await listProcessingRecords(actor, { ...(await searchParams), pageSize: 100 });
  const [assets, retention] = canManage ? await Promise.all([listAssets(actor, { pageSize: 100, sort: "name" }), listRetention(actor, { pageSize: 100 })]) : [null, null];
  return (
    <>
      <PageHeader
        title="Records of processing"
        description="For each personal-data field: where it comes from, how it is collected, processed, stored, used, shared and disposed of, with the assets that store it and its retention rule."
      />
      <AssetsNav current="/assets/processing" canManage={canManage} />
      <SimpleTable
        rows={rows}
        rowKey={(r) => r.id}
        empty="No record of processing yet."
        rowAttributes={(r) => ({ id: r.reference })}
        cellLabels
        columns={[
          { header: "Field", nowrap: true, cell: (r) => <strong>{r.dataField}</strong> },
          { header: "Source", cell: (r) => r.source },
          { header: "Collected", cell: (r) => r.collection },
          { header: "Processed", cell: (r) => r.processing },
          { header: "Stored in", cell: (r) => r.assets.map((a) => a.name).join(", ") },
          { header: "Used for", cell: (r) => r.purpose },
          { header: "Shared with", cell: (r) => r.sharedWith },
          { header: "Disposed of", cell: (r) => r.disposal },
          { header: "Retention", nowrap: true, cell: (r) => (r.retentionRule ? `${r.retentionRule.keepDays} days (${r.retentionRule.reference})` : "—") },
        ]}
      />
      <p className="muted small">
        {total} record(s){total > query.pageSize ? `, the first ${query.pageSize} shown; the downloads hold all of them` : ""}.
      </p>
      <div className={styles.downloads}>
        <RegisterDownloads name="processing" label="Records of processing" />
      </div>
      {canManage && assets && retention ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Record the processing of a field</summary>
          <ProcessingRecordForm
            action={addProcessingRecordAction}
            assets={assets.rows.map((a) => ({ value: a.reference, label: `${a.name} (${a.reference})` }))}
            rules={retention.rules.map((r) => ({ value: r.reference, label: `${r.reference}: ${r.assetName}, ${RETENTION_CATEGORY_LABEL[r.category]}, ${r.keepDays} days` }))}
          />
        </details>
      ) : null}
    </>
  );
}
