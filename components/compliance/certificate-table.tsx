import { formatUtc } from "@/components/findings/labels";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import type { TCertificateRow } from "@/lib/compliance/types";

// A file download from a route handler, not a page: a plain link, not next/link.
const DOWNLOAD_URL = "/api/compliance/certificates";

const COLUMNS: TSimpleColumn<TCertificateRow>[] = [
  { header: "Reference", nowrap: true, className: "mono", cell: (c) => c.reference },
  { header: "As of", nowrap: true, cell: (c) => c.asOf },
  {
    header: "Officer",
    cell: (c) => (
      <>
        {c.officerName}
        <div className="muted small">{c.officerTitle}</div>
      </>
    ),
  },
  { header: "Requested by", wide: true, cell: (c) => c.requestedBy },
  {
    header: "Controls",
    nowrap: true,
    cell: (c) => (
      <>
        {c.met} met
        <div className="muted small">{c.notMet} not certified</div>
      </>
    ),
  },
  {
    header: "Issued",
    nowrap: true,
    cell: (c) => (
      <>
        {formatUtc(c.issuedAt)}
        <div className="muted small mono" title={`SHA-256 ${c.pdfSha256}`}>
          SHA-256 {c.pdfSha256.slice(0, 12)}…
        </div>
      </>
    ),
  },
  {
    header: "File",
    cell: (c) => (
      <a className="button button-secondary button-small" href={`${DOWNLOAD_URL}/${c.reference}`} aria-label={`Download ${c.reference} (PDF)`}>
        PDF
      </a>
    ),
  },
];

/** Every certificate issued, with its fingerprint and the stored PDF. */
export function CertificateTable({ certificates }: { certificates: TCertificateRow[] }) {
  return <SimpleTable columns={COLUMNS} rows={certificates} rowKey={(c) => c.id} />;
}
