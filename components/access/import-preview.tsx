import { SimpleTable } from "@/components/ui/simple-table";
import type { TImportPreview } from "@/lib/core/csv-import/types";

const CLASS_LABELS = { added: "Added", changed: "Changed", unchanged: "Unchanged", removed: "Revoked (not in the file)" } as const;

export function ImportPreviewView({ preview }: { preview: TImportPreview }) {
  const { counts } = preview;
  return (
    <>
      <p>
        {counts.added} to add, {counts.changed} to change, {counts.unchanged} unchanged, {counts.removed} to revoke
        {counts.problems ? <strong className="badge badge-danger">{counts.problems} refused row(s)</strong> : null}
      </p>
      {preview.problems.length ? (
        <SimpleTable
          columns={[
            { header: "Line", cell: (p) => p.line, nowrap: true },
            { header: "Why it is refused", cell: (p) => p.reason, wide: true },
          ]}
          rows={preview.problems}
          rowKey={(p) => String(p.line)}
        />
      ) : null}
      <SimpleTable
        columns={[
          { header: "Account", cell: (e) => <span className="mono">{e.key}</span> },
          { header: "Line", cell: (e) => e.line ?? "", nowrap: true },
          { header: "What happens", cell: (e) => CLASS_LABELS[e.class] + (e.changedFields?.length ? `: ${e.changedFields.join(", ")}` : "") },
        ]}
        rows={preview.entries.filter((e) => e.class !== "unchanged")}
        rowKey={(e) => e.key}
        empty="Nothing changes."
      />
    </>
  );
}
