import { ActionForm, Field } from "@/components/forms/action-form";
import { formatWithZone, type TIncidentDetail } from "@/lib/incidents/types";
import type { TAction } from "./types";

export function IncidentComments({ incident, addComment }: { incident: TIncidentDetail; addComment: TAction | null }) {
  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {incident.comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ul className="timeline">
        {incident.comments.map((c) => (
          <li key={c.id}>
            <time dateTime={c.createdAt}>
              {c.author.name} · {formatWithZone(new Date(c.createdAt), incident.timeZone)}
            </time>
            <p className="pre">{c.body}</p>
          </li>
        ))}
      </ul>
      {addComment ? (
        <ActionForm action={addComment} submitLabel="Comment" ariaLabel="Add a comment">
          <Field name="body" label="Comment" as="textarea" rows={2} />
        </ActionForm>
      ) : null}
    </section>
  );
}
