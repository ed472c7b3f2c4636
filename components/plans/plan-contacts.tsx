import Link from "next/link";
import { PLAN_CONTACT_ROLE_LABEL, type TPlanContacts } from "@/lib/plans/types";
import styles from "./plans.module.css";

/**
 * The people the incident response plan names, for an incident page or the plan itself. Team
 * members see how to reach them; auditors see names and roles only.
 */
export function PlanContactsCard({
  contacts,
  heading = "Who to contact",
  remove,
  draft = false,
}: {
  contacts: TPlanContacts;
  heading?: string;
  /** The form taking a person off the draft, by the person's key. */
  remove?: (key: string) => React.ReactNode;
  /** The draft's people rather than those of the version in force. */
  draft?: boolean;
}) {
  const hasImpoc = contacts.contacts.some((c) => c.role === "impoc");
  const editHref = contacts.planReference ? `/plans/${contacts.planReference}/edit#contacts-heading` : "/plans";
  return (
    <section className="card" aria-labelledby="plan-contacts-heading">
      <h2 id="plan-contacts-heading">{heading}</h2>
      {!hasImpoc ? (
        <p className="alert alert-error" role="note">
          {draft ? "The draft names no Incident Management Point of Contact." : "The incident response plan in force names no Incident Management Point of Contact."}{" "}
          {draft ? null : contacts.canManage ? <Link href={editHref}>Name one in the plan.</Link> : "A security lead or privacy officer names one in the plan."}
        </p>
      ) : null}
      <ul className={styles.contacts}>
        {contacts.contacts.map((c) => (
          <li key={c.id}>
            <div className="small muted">{PLAN_CONTACT_ROLE_LABEL[c.role]}</div>
            <div>
              <strong>{c.name}</strong>
            </div>
            {c.email ? (
              <div>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </div>
            ) : null}
            {c.phone ? (
              <div>
                <a href={`tel:${c.phone.replace(/[^0-9+]/g, "")}`}>{c.phone}</a>
              </div>
            ) : null}
            {remove ? remove(c.key) : null}
          </li>
        ))}
      </ul>
      {!contacts.withDetails && contacts.contacts.length > 0 ? <p className="muted small">Names and roles only: contact details are shown to the team.</p> : null}
    </section>
  );
}
