import { ActionForm, Field } from "@/components/forms/action-form";
import type { TIncidentDetail, TPersonRef } from "@/lib/incidents/types";
import styles from "./incident.module.css";
import type { TAction } from "./types";

/** Tasks with owner and due day; while the incident is open, members add them and mark them done. */
export function IncidentTasks({
  incident,
  people,
  actions,
}: {
  incident: TIncidentDetail;
  people: TPersonRef[];
  actions: { add: TAction; setDone: (taskId: string, done: boolean) => TAction } | null;
}) {
  return (
    <section className="card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      {incident.tasks.length === 0 ? <p className="muted">No tasks yet.</p> : null}
      <ul className="timeline">
        {incident.tasks.map((t) => (
          <li key={t.id} className={styles.task}>
            <span>
              {t.doneAt ? <s>{t.title}</s> : t.title}
              <span className="muted">
                {" "}
                · {t.owner.name}
                {t.dueDate ? ` · due ${t.dueDate}` : ""}
              </span>
            </span>
            {actions ? (
              <ActionForm action={actions.setDone(t.id, !t.doneAt)} submitLabel={t.doneAt ? "Reopen" : "Mark done"} submitClassName="button button-secondary" ariaLabel={`Task ${t.title}`}>
                {null}
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {actions && people.length ? (
        <details className={styles.followUp}>
          <summary>Add a task</summary>
          <ActionForm action={actions.add} submitLabel="Add task" ariaLabel="Add a task">
            <Field name="title" label="Task" required />
            <Field name="ownerId" label="Owner" as="select" required options={people.map((p) => ({ value: p.id, label: p.name }))} />
            <Field name="dueDate" label="Due" type="date" />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
