import { ACCOUNT_FLAG_LABELS, SYSTEM_FLAG_LABELS, type TAccountFlag, type TSystemFlag } from "@/lib/access/types";
import styles from "./access.module.css";

export function AccountFlags({ flags }: { flags: readonly TAccountFlag[] }) {
  if (flags.length === 0) return <span className="muted">None</span>;
  return (
    <span className={styles.flags}>
      {flags.map((f) => (
        <span key={f} className="badge badge-warn">
          {ACCOUNT_FLAG_LABELS[f]}
        </span>
      ))}
    </span>
  );
}

export function SystemFlags({ flags }: { flags: readonly TSystemFlag[] }) {
  if (flags.length === 0) return <span className="badge badge-ok">Lockout and password history meet the DPP</span>;
  return (
    <span className={styles.flags}>
      {flags.map((f) => (
        <span key={f} className="badge badge-danger">
          {SYSTEM_FLAG_LABELS[f]}
        </span>
      ))}
    </span>
  );
}
