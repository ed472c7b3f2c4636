import { ImportForm, ImportPreview, MappingForm } from "@/components/assets/asset-forms";
import { AssetsNav } from "@/components/assets/assets-nav";
import { PageHeader } from "@/components/ui/page-header";
import { ASSET_IMPORT_FIELDS, getAssetImportMapping, getAssetImportPreview } from "@/lib/assets";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { commitAssetImportAction, previewAssetImportAction, saveAssetImportMappingAction } from "../actions";
import styles from "@/components/assets/assets.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import assets" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("asset.manage");
  const previewId = (await searchParams).preview;
  const [mapping, preview] = await Promise.all([getAssetImportMapping(actor), typeof previewId === "string" ? getAssetImportPreview(actor, previewId) : null]);
  return (
    <>
      <PageHeader
        title="Import assets from CSV"
        description="Preview a file first: every row is checked and each bad row named with its line. The import writes everything or nothing. Importing the same file again changes nothing; assets imported before and missing from the new file are retired. Assets added by hand are never touched."
      />
      <AssetsNav current="/assets/import" canManage />
      {preview ? <ImportPreview preview={preview} commitAction={commitAssetImportAction} /> : null}
      <section className={`card ${preview ? styles.gapAbove : ""}`} aria-label="Preview a file">
        <ImportForm previewAction={previewAssetImportAction} columns={ASSET_IMPORT_FIELDS} />
      </section>
      <details className={`disclosure ${styles.gapAbove}`}>
        <summary>Column mapping {mapping ? "(saved)" : "(columns named like the fields)"}</summary>
        <MappingForm action={saveAssetImportMappingAction} mapping={mapping ? Object.entries(mapping).map(([c, f]) => `${c} = ${f}`).join("\n") : ""} />
      </details>
    </>
  );
}
