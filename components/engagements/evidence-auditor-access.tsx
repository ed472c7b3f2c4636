import Link from "next/link";
import { formatWhen } from "@/components/evidence/labels";
import type { TEvidenceAuditorAccess } from "@/lib/engagements/types";
import type { TActionState } from "@/lib/core/action-state";
import { GrantForm, RevokeGrantForm } from "./engagement-forms";
import styles from "./engagements.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

/** On an evidence item's page: which audit engagements may download its file; grant and revoke. */
export function EvidenceAuditorAccess({ access, evidenceId, grant, revoke }: { access: TEvidenceAuditorAccess; evidenceId: string; grant: TAction; revoke: TAction }) {
  return (
    <section className={`card ${styles.gapAbove}`} aria-labelledby="auditor-access-heading">
      <h2 id="auditor-access-heading">Auditor access</h2>
      <p className="muted">Auditors of an engagement may download this file only while the engagement is active. Every download is in the custody ledger.</p>
      {access.grants.length ? (
        <ul className="link-list">
          {access.grants.map((g) => (
            <li key={g.id} className={`actions-row ${styles.grantRow}`}>
              <span>
                <Link href={`/compliance/engagements/${g.engagementReference}`} className="mono">
                  {g.engagementReference}
                </Link>{" "}
                {g.engagementName} <span className="muted small">since {formatWhen(g.grantedAt)}</span> {g.live ? null : <span className="badge badge-neutral">Not active</span>}
              </span>
              <RevokeGrantForm action={revoke} grantId={g.id} label={g.engagementReference} />
            </li>
          ))}
        </ul>
      ) : (
        <p>No engagement may download this file.</p>
      )}
      {access.engagements.length ? (
        <GrantForm action={grant} evidenceId={evidenceId} engagements={access.engagements} />
      ) : (
        <p className="muted small">
          No other engagement is open. <Link href="/compliance/engagements">Audit engagements</Link>
        </p>
      )}
    </section>
  );
}
