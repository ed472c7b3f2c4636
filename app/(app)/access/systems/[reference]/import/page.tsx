import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmForm, ImportFileForm, MappingForm } from "@/components/access/access-forms";
import { ImportPreviewView } from "@/components/access/import-preview";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountImportMapping, getAccountImportPreview, getSystem } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { commitImportAction, previewImportAction, saveMappingAction } from "../../../actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import accounts" };

export default async function ImportAccountsPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<{ preview?: string }> }) {
  const { reference } = await params;
  const { preview: previewId } = await searchParams;
  const actor = await requirePagePermission("access.manage");
  const system = await getSystem(actor, reference).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  if (!system.canImport) notFound();
  const [mapping, preview] = await Promise.all([getAccountImportMapping(actor, reference), previewId ? getAccountImportPreview(actor, reference, previewId) : null]);
  return (
    <>
      <PageHeader
        title={`Import accounts: ${system.name}`}
        description="A CSV export of the system's accounts, one row per account. A re-import reconciles by account name: unchanged accounts stay as they are, accounts no longer in the file are revoked, revoked accounts that come back are reopened."
        actions={
          <Link className="button button-secondary" href={`/access/systems/${reference}`}>
            Back to {system.name}
          </Link>
        }
      />
      {preview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <ImportPreviewView preview={preview} />
          {preview.problems.length === 0 ? (
            <ConfirmForm action={commitImportAction.bind(null, reference, preview.id)} label="Import these accounts" pending="Importing…" ariaLabel="Commit the import" />
          ) : (
            <p className="alert alert-error">Correct the rows above in the file and preview it again: nothing is imported while a row is refused.</p>
          )}
        </section>
      ) : null}
      <div className={`grid grid-2 ${styles.gapAbove}`}>
        <section className="card" aria-labelledby="file-heading">
          <h2 id="file-heading">{preview ? "Another file" : "File"}</h2>
          <ImportFileForm action={previewImportAction.bind(null, reference)} />
        </section>
        <section className="card" aria-labelledby="mapping-heading">
          <h2 id="mapping-heading">Columns</h2>
          <p className="muted small">Fields: identifier (the account name, required), kind (human or service), person (name or PER reference; several separated by ;), privileges, lastUsed, mfa (yes/no), created.</p>
          <MappingForm action={saveMappingAction.bind(null, reference)} mapping={mapping ?? {}} />
        </section>
      </div>
    </>
  );
}
