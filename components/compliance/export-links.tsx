// File downloads from route handlers, not pages: plain links, not next/link.
const EXPORT_URL = "/api/compliance/map";
const AUDIT_PACK_URL = "/api/compliance/audit-pack";

/** The compliance map's downloads: the audit pack (for those who may export it) and the map as PDF or CSV, with each screen's own labels. */
export function ComplianceExportLinks({ canExportPack, map }: { canExportPack: boolean; map: readonly { format: "pdf" | "csv"; label: string }[] }) {
  return (
    <div className="actions-row">
      {canExportPack ? (
        <a className="button" href={AUDIT_PACK_URL}>
          Export audit pack (ZIP)
        </a>
      ) : null}
      {map.map(({ format, label }) => (
        <a key={format} className="button button-secondary" href={`${EXPORT_URL}?format=${format}`}>
          {label}
        </a>
      ))}
    </div>
  );
}
