import { integrityCycleSentence, type TIntegrityCycleStatus } from "@/lib/evidence/types";
import styles from "./evidence.module.css";

const BADGE = {
  "no-files": { className: "badge badge-neutral", text: "No files yet" },
  "within-cycle": { className: "badge badge-ok", text: "Within cycle" },
  "behind-cycle": { className: "badge badge-danger", text: "Behind" },
} as const;

function bytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}

/** The cycle the integrity sweep achieves: every stored file re-verified, and when the oldest was. */
export function IntegrityCycle({ status }: { status: TIntegrityCycleStatus }) {
  const badge = BADGE[status.state];
  const run = status.lastRun;
  return (
    <section className={`card ${styles.integrity}`} aria-labelledby="integrity-cycle-title">
      <h2 id="integrity-cycle-title">
        File integrity checks <span className={badge.className}>{badge.text}</span>
      </h2>
      <p data-testid="integrity-cycle">{integrityCycleSentence(status)}</p>
      <p className="muted">
        {status.totalFiles === 1 ? "1 stored file" : `${status.totalFiles} stored files`} ({bytes(status.totalBytes)}), each re-verified (decrypted and its SHA-256 compared) at
        least every {status.cycleHours} h, one file at a time within a read budget.
        {run ? ` Latest run ${new Date(run.startedAt).toISOString().slice(0, 16).replace("T", " ")} UTC: ${run.checked} checked, ${run.failed} failed, ${bytes(run.bytesRead)} read.` : " No run recorded yet."}
      </p>
    </section>
  );
}
