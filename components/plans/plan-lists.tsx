import { LIST_CHANGE_LABEL, PLAN_CONTACT_ROLE_LABEL, type TPlanContactName, type TPlanListsDiff, type TPlanTypeView } from "@/lib/plans/types";
import styles from "./plans.module.css";

/** The incident types a version of the plan lists: each name opens its procedure and escalation path (or, to edit, its form). */
export function PlanTypesList({ types, edit }: { types: TPlanTypeView[]; edit?: (type: TPlanTypeView) => React.ReactNode }) {
  if (types.length === 0) return <p className="empty">This version lists no incident types.</p>;
  return (
    <ul className={styles.typeList} aria-label="Incident types">
      {types.map((t) => (
        <li key={t.typeId}>
          <details>
            <summary>
              <strong>{t.name}</strong>
              <span className="small muted"> · {t.description}</span>
            </summary>
            <div className={styles.typeBody}>
              {edit ? (
                edit(t)
              ) : (
                <dl className="kv">
                  <dt>Procedure</dt>
                  <dd className="pre">{t.procedure}</dd>
                  <dt>Escalation path</dt>
                  <dd className="pre">{t.escalationPath}</dd>
                </dl>
              )}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}

/** Who a version names, by name and role only (a past version, or its PDF). */
export function PlanContactNames({ contacts }: { contacts: TPlanContactName[] }) {
  if (contacts.length === 0) return <p className="empty">This version names nobody.</p>;
  return (
    <ul className={styles.contacts} aria-label="People named">
      {contacts.map((c) => (
        <li key={`${c.key}-${c.role}`}>
          <div className="small muted">{PLAN_CONTACT_ROLE_LABEL[c.role]}</div>
          <strong>{c.name}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The plan's incident types and people that differ between two versions. */
export function PlanListsDiff({ diff }: { diff: TPlanListsDiff }) {
  if (diff.types.length === 0 && diff.contacts.length === 0) return <p className="empty">The two versions list the same incident types and name the same people.</p>;
  return (
    <ul className={styles.contacts} aria-label="Changes to incident types and contacts">
      {diff.types.map((t) => (
        <li key={`type-${t.name}-${t.change}`} className={t.change === "changed" ? undefined : styles[t.change]}>
          {LIST_CHANGE_LABEL[t.change]} incident type: <strong>{t.name}</strong>
          {t.fields.length > 0 ? <span className="small"> ({t.fields.map((f) => FIELD_LABEL[f] ?? f).join(", ")})</span> : null}
        </li>
      ))}
      {diff.contacts.map((c) => (
        <li key={`contact-${c.name}-${c.role}-${c.change}`} className={c.change === "changed" ? undefined : styles[c.change]}>
          {LIST_CHANGE_LABEL[c.change]} {PLAN_CONTACT_ROLE_LABEL[c.role]}: <strong>{c.name}</strong>
        </li>
      ))}
    </ul>
  );
}

const FIELD_LABEL: Record<string, string> = { name: "name", description: "description", procedure: "procedure", escalationPath: "escalation path" };
