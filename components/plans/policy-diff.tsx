import type { TPolicyDiffPart } from "@/lib/plans/types";
import styles from "./plans.module.css";

const MARK = { added: "+", removed: "−", same: " " } as const;
const LABEL = { added: "Added", removed: "Removed", same: "Unchanged" } as const;

/** Lines added and removed between two versions, each line marked for screen readers too. */
export function PolicyDiff({ parts }: { parts: TPolicyDiffPart[] }) {
  const lines = parts.flatMap((part, p) =>
    part.text
      .replace(/\n$/, "")
      .split("\n")
      .map((line, i) => ({ key: `${p}-${i}`, kind: part.kind, line })),
  );
  return (
    <ol className={styles.diff} aria-label="Changes between the versions">
      {lines.map((l) => (
        <li key={l.key} className={styles[l.kind]}>
          <span className="visually-hidden">{LABEL[l.kind]}: </span>
          <span aria-hidden="true">{MARK[l.kind]} </span>
          {l.line || " "}
        </li>
      ))}
    </ol>
  );
}
