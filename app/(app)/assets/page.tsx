import { AssetForm, InventoryReviewForm } from "@/components/assets/asset-forms";
import { AssetTable } from "@/components/assets/asset-table";
import { AssetsNav, RegisterDownloads } from "@/components/assets/assets-nav";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { ASSET_KIND_LABEL, listAssets, listOwnerOptions } from "@/lib/assets";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { addAssetAction, recordInventoryReviewAction } from "./actions";
import styles from "@/components/assets/assets.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Assets" };

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("asset.read");
  const canManage = can(actor, "asset.manage");
  const params = await searchParams;
  const { rows, total, query } = await listAssets(actor, params);
  const imported = typeof params.imported === "string" ? params.imported.split("-").map(Number) : null;
  const owners = canManage ? (await listOwnerOptions(actor)).map((o) => ({ value: o.id, label: o.name })) : [];
  const today = now().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Assets"
        description="Every asset that touches Amazon Information or personal data: software, cloud services, data stores, devices, network controls and the systems of access governance. Each shows its gaps against the Data Protection Policy."
      />
      <AssetsNav current="/assets" canManage={canManage} />
      {imported && imported.length === 4 && imported.every(Number.isInteger) ? (
        <p className="alert alert-ok" role="status">
          Imported: {imported[0]} added, {imported[1]} changed, {imported[2]} retired, {imported[3]} unchanged.
        </p>
      ) : null}
      <FilterForm label="Filter assets" keep={{ sort: query.sort, dir: query.dir }}>
        <SelectFilter name="kind" label="Kind" value={query.kind} labels={ASSET_KIND_LABEL} />
        <TextFilter name="q" label="Name" value={query.q} type="search" />
      </FilterForm>
      <AssetTable rows={rows} total={total} query={query} />
      <div className={`${styles.downloads} ${styles.gapAbove}`}>
        <RegisterDownloads name="inventory" label="Inventory" />
      </div>
      {canManage ? (
        <div className={`disclosures ${styles.gapAbove}`}>
          <details className="disclosure">
            <summary>Add an asset</summary>
            <AssetForm action={addAssetAction} owners={owners} submitLabel="Add asset" />
          </details>
          <details className="disclosure" id="review-heading">
            <summary>Record the inventory review</summary>
            <p className="muted small">Review the whole inventory every three months by default: owners, locations, what each holds and how it is protected.</p>
            <InventoryReviewForm action={recordInventoryReviewAction} today={today} />
          </details>
        </div>
      ) : null}
    </>
  );
}
