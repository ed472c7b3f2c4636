import type { TGap } from "@/lib/assets/types";
import styles from "./assets.module.css";

/** An asset's gaps, each with the control it breaks; "No gaps" when there are none. */
export function GapList({ gaps, label }: { gaps: readonly TGap[]; label: string }) {
  if (gaps.length === 0) return <p className={styles.ok}>No gaps.</p>;
  return (
    <ul className={styles.gaps} aria-label={label}>
      {gaps.map((g, i) => (
        <li key={`${g.code}-${i}`}>
          <strong>{g.controlId}</strong> {g.text}
        </li>
      ))}
    </ul>
  );
}

/** A short badge: the number of gaps, red, or "No gaps", green. */
export function GapBadge({ count }: { count: number }) {
  return count === 0 ? <span className="badge badge-ok">No gaps</span> : <span className="badge badge-danger">{count === 1 ? "1 gap" : `${count} gaps`}</span>;
}
