import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import type { TAttestationHistoryRow } from "@/lib/compliance/types";
import styles from "./compliance.module.css";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A control's signed attestations, newest first; on a phone each one stacks as a card. */
export function AttestationHistory({ rows }: { rows: TAttestationHistoryRow[] }) {
  return (
    <SimpleTable<TAttestationHistoryRow>
      className={styles.stacked}
      rows={rows}
      rowKey={(r) => r.id}
      empty="No attestation has been signed for this control."
      cellLabels
      columns={[
        { header: "Signed", nowrap: true, cell: (r) => day(r.attestedAt) },
        { header: "By", cell: (r) => r.signedBy },
        { header: "Says", cell: (r) => (r.kind === "none_occurred" ? "None occurred" : r.status === "met" ? "Met" : "Not met") },
        {
          header: "Statement",
          wide: true,
          cell: (r) => (
            <>
              {r.statement}
              {r.evidenceReference ? (
                <div className="small">
                  Evidence: <Link href={`/evidence/${r.evidenceReference}`}>{r.evidenceReference}</Link>
                </div>
              ) : null}
            </>
          ),
        },
        { header: "Renew by", nowrap: true, cell: (r) => day(r.nextDueAt) },
        {
          header: "Standing",
          cell: (r) => (r.needsResigning ? <span className="badge badge-warn">Needs re-signing: {r.needsResigning}</span> : <span className="badge badge-ok">Signed</span>),
        },
      ]}
    />
  );
}
