import { CONTROL_STATUS_LABEL, type TControlStatus } from "@/lib/compliance/types";
import { CONTROL_STATUS_BADGE } from "./status";

const ORDER = ["met", "attention", "not_met", "no_evidence", "not_attested", "not_tracked"] as const satisfies readonly TControlStatus[];

/** How many controls stand in each status, as a row of badges above the map. */
export function ComplianceSummary({ counts }: { counts: Record<TControlStatus, number> }) {
  return (
    <div className="badges-row" aria-label="Summary">
      {ORDER.map((s) => (
        <span key={s} className={CONTROL_STATUS_BADGE[s]}>
          {CONTROL_STATUS_LABEL[s]}: {counts[s]}
        </span>
      ))}
    </div>
  );
}
