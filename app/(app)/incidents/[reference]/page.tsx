import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/forms/action-form";
import { Countdown } from "@/components/incidents/countdown";
import { CHANNEL_LABELS, SEVERITY_BADGE, STATUS_BADGE } from "@/components/incidents/labels";
import { requireActor } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { draftAmazonNotice } from "@/lib/incidents/draft-amazon-notice";
import { IncidentEvidencePanel } from "@/components/evidence/incident-evidence-panel";
import { getIncidentEvidenceSummary } from "@/lib/evidence/incident-evidence-summary";
import { getIncident, type TIncidentDetail } from "@/lib/incidents/get-incident";
import { getIncidentCatalog } from "@/lib/incidents/incident-catalog";
import { THIRD_PARTY_WARNING } from "@/lib/incidents/notice-rules";
import { CLOSING_FIELDS, CLOSING_FIELD_LABELS, STATUS_LABELS } from "@/lib/incidents/status-rules";
import { formatWithZone } from "@/lib/incidents/time-zones";
import {
  addCommentAction,
  addTaskAction,
  addTimelineEntryAction,
  changeDetectionTimeAction,
  changeStatusAction,
  closeIncidentAction,
  falsePositiveAction,
  recordNoticeAction,
  recordThirdPartyAction,
  sendNoticeAction,
  setTaskDoneAction,
} from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

async function load(reference: string) {
  const actor = await requireActor();
  try {
    return { actor, incident: await getIncident(actor, reference) };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export default async function IncidentPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const { actor, incident } = await load(decodeURIComponent(reference));
  const ref = incident.reference;
  const at = (iso: string) => formatWithZone(new Date(iso), incident.timeZone);
  const open = !["closed", "false_positive"].includes(incident.status);
  const catalog = incident.can.update ? await getIncidentCatalog(actor) : null;
  const draft = incident.can.notify && incident.amazonInfoInvolved ? await draftAmazonNotice(actor, ref) : null;
  const evidence = await getIncidentEvidenceSummary(actor, ref);

  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted mono" style={{ margin: 0 }}>
            {ref}
          </p>
          <h1>{incident.title}</h1>
          <div className="form-actions">
            <span className={STATUS_BADGE[incident.status]}>{STATUS_LABELS[incident.status]}</span>
            <span className={SEVERITY_BADGE[incident.severity]}>{incident.severity}</span>
            <span className="muted">{incident.type.name}</span>
          </div>
        </div>
        <div aria-label="Amazon notice clock">
          <Countdown
            dueAt={incident.notificationDueAt}
            notifiedAt={incident.amazonNotifiedAt}
            noticeOnTime={incident.amazonNoticeOnTime}
            stopped={incident.status === "false_positive"}
            serverNow={now().toISOString()}
          />
        </div>
      </div>

      <div className="layout-detail">
        <div className="stack">
          <Summary incident={incident} at={at} />
          <Timeline incident={incident} at={at} />
          <Tasks incident={incident} people={catalog?.people ?? []} />
          <IncidentEvidencePanel reference={ref} rows={evidence.rows} canAdd={evidence.canAdd && open} canExport={evidence.canExport} />
          <Comments incident={incident} at={at} />
          <ThirdParties incident={incident} at={at} />
        </div>
        <div className="stack">
          <AmazonNotice incident={incident} at={at} draft={draft} />
          {incident.can.update && open ? <Work incident={incident} /> : null}
          {incident.can.close && open ? <Closing incident={incident} /> : null}
          {incident.status === "closed" ? <ClosingReport incident={incident} /> : null}
          <section className="card" aria-labelledby="procedure-heading">
            <h2 id="procedure-heading">Procedure: {incident.type.name}</h2>
            <p className="pre">{incident.type.procedure}</p>
            <h3 style={{ fontSize: "0.95rem", margin: "0.75rem 0 0.25rem" }}>Escalation path</h3>
            <p className="pre">{incident.type.escalationPath}</p>
          </section>
        </div>
      </div>
      <p>
        <Link href="/incidents">← All incidents</Link>
      </p>
    </>
  );
}

type TProps = { incident: TIncidentDetail; at: (iso: string) => string };

function Summary({ incident, at }: TProps) {
  const list = (items: string[]) => (items.length ? items.join(", ") : <span className="muted">Not recorded</span>);
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <p className="pre">{incident.summary}</p>
      <dl className="kv">
        <dt>Detected at</dt>
        <dd>{at(incident.detectedAt)}</dd>
        <dt>Reported by</dt>
        <dd>{incident.reportedBy.name}</dd>
        <dt>Commander</dt>
        <dd>{incident.commander?.name ?? <span className="muted">Not assigned</span>}</dd>
        <dt>Team</dt>
        <dd>{list(incident.team.map((t) => t.name))}</dd>
        <dt>Systems</dt>
        <dd>{list(incident.affectedSystems)}</dd>
        <dt>Data</dt>
        <dd>{list(incident.affectedDataCategories)}</dd>
        <dt>Amazon Information</dt>
        <dd>{incident.amazonInfoInvolved ? <strong>May be involved</strong> : "Not involved"}</dd>
        <dt>Personal data</dt>
        <dd>
          {incident.piiInvolved ? "Involved" : "Not involved"}
          {incident.piiDetails ? <p className="pre" data-testid="pii-details">{incident.piiDetails}</p> : null}
          {incident.piiHidden ? <p className="muted">Details recorded; only the privacy officer can read them.</p> : null}
        </dd>
        {incident.falsePositiveReason ? (
          <>
            <dt>False positive</dt>
            <dd>{incident.falsePositiveReason}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Timeline({ incident, at }: TProps) {
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline">
        {incident.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.occurredAt}>
              {at(e.occurredAt)}
              {e.author ? ` · ${e.author.name}` : ""}
              {e.kind === "manual" ? " · note" : ""}
            </time>
            {e.text}
          </li>
        ))}
      </ol>
      {incident.can.update ? (
        <details style={{ marginTop: "0.75rem" }}>
          <summary>Add a timeline entry</summary>
          <ActionForm action={addTimelineEntryAction.bind(null, incident.reference)} submitLabel="Add entry" ariaLabel="Add a timeline entry">
            <input type="hidden" name="timeZone" value={incident.timeZone} />
            <Field name="occurredAt" label="When" type="datetime-local" hint="Leave empty for now." />
            <Field name="text" label="What happened" as="textarea" rows={2} required />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}

function Tasks({ incident, people }: { incident: TIncidentDetail; people: { id: string; name: string }[] }) {
  return (
    <section className="card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      {incident.tasks.length === 0 ? <p className="muted">No tasks yet.</p> : null}
      <ul className="timeline">
        {incident.tasks.map((t) => (
          <li key={t.id} style={{ display: "flex", justifyContent: "space-between", gap: "1rem", alignItems: "center" }}>
            <span>
              {t.doneAt ? <s>{t.title}</s> : t.title}
              <span className="muted">
                {" "}
                · {t.owner.name}
                {t.dueDate ? ` · due ${t.dueDate}` : ""}
              </span>
            </span>
            {incident.can.update ? (
              <ActionForm
                action={setTaskDoneAction.bind(null, incident.reference, t.id, !t.doneAt)}
                submitLabel={t.doneAt ? "Reopen" : "Mark done"}
                submitClassName="button button-secondary"
                ariaLabel={`Task ${t.title}`}
              >
                {null}
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {incident.can.update && people.length ? (
        <details style={{ marginTop: "0.75rem" }}>
          <summary>Add a task</summary>
          <ActionForm action={addTaskAction.bind(null, incident.reference)} submitLabel="Add task" ariaLabel="Add a task">
            <Field name="title" label="Task" required />
            <Field name="ownerId" label="Owner" as="select" required options={people.map((p) => ({ value: p.id, label: p.name }))} />
            <Field name="dueDate" label="Due" type="date" />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}

function Comments({ incident, at }: TProps) {
  return (
    <section className="card" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {incident.comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ul className="timeline">
        {incident.comments.map((c) => (
          <li key={c.id}>
            <time dateTime={c.createdAt}>
              {c.author.name} · {at(c.createdAt)}
            </time>
            <p className="pre">{c.body}</p>
          </li>
        ))}
      </ul>
      {incident.can.update ? (
        <ActionForm action={addCommentAction.bind(null, incident.reference)} submitLabel="Comment" ariaLabel="Add a comment">
          <Field name="body" label="Comment" as="textarea" rows={2} />
        </ActionForm>
      ) : null}
    </section>
  );
}

function ThirdParties({ incident, at }: TProps) {
  const basis = (n: TIncidentDetail["thirdPartyNotifications"][number]) =>
    n.basis === "amazon_approval" ? "Amazon's written approval" : n.basis === "legal_obligation" ? `Legal obligation: ${n.legalObligation}` : `No approval or obligation — reason: ${n.reasonWithoutBasis}`;
  return (
    <section className="card" aria-labelledby="third-heading">
      <h2 id="third-heading">Regulators and customers notified</h2>
      {incident.thirdPartyNotifications.length === 0 ? <p className="muted">No one outside has been notified.</p> : null}
      <ul className="timeline">
        {incident.thirdPartyNotifications.map((n) => (
          <li key={n.id}>
            <time dateTime={n.notifiedAt}>{at(n.notifiedAt)}</time>
            <strong>{n.recipientName}</strong> ({n.recipientKind}) — {n.summary}
            <div className={n.basis === "none" ? "badge badge-warn" : "muted"}>{basis(n)}</div>
          </li>
        ))}
      </ul>
      {incident.can.notify ? (
        <details style={{ marginTop: "0.75rem" }}>
          <summary>Record a notification</summary>
          <div className="alert alert-warn">{THIRD_PARTY_WARNING}</div>
          <ActionForm action={recordThirdPartyAction.bind(null, incident.reference)} submitLabel="Record notification" ariaLabel="Record a third-party notification">
            <input type="hidden" name="timeZone" value={incident.timeZone} />
            <Field name="recipientKind" label="Who" as="select" required options={[{ value: "regulator", label: "Regulator" }, { value: "customer", label: "Customer" }, { value: "other", label: "Other" }]} />
            <Field name="recipientName" label="Name" required />
            <Field name="notifiedAt" label="When" type="datetime-local" hint="Leave empty for now." />
            <Field name="summary" label="What was communicated" as="textarea" rows={2} required />
            <Field
              name="basis"
              label="Basis"
              as="select"
              required
              options={[
                { value: "amazon_approval", label: "Amazon approved in writing" },
                { value: "legal_obligation", label: "A legal obligation" },
                { value: "none", label: "Neither (give a reason)" },
              ]}
            />
            <Field name="amazonApproval" label="Amazon's written approval" as="textarea" rows={2} hint="Paste the approval or its reference." />
            <Field name="legalObligation" label="Legal obligation" hint="Law and article, e.g. GDPR Article 33." />
            <Field name="reasonWithoutBasis" label="Reason without approval or obligation" as="textarea" rows={2} />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}

function AmazonNotice({ incident, at, draft }: TProps & { draft: { toAddress: string; subject: string; body: string } | null }) {
  return (
    <section className="card" aria-labelledby="notice-heading">
      <h2 id="notice-heading">Notice to Amazon</h2>
      {!incident.amazonInfoInvolved ? (
        <p className="muted">No Amazon Information involved: no notice is due.</p>
      ) : (
        <dl className="kv">
          <dt>Due</dt>
          <dd>{incident.notificationDueAt ? at(incident.notificationDueAt) : "—"}</dd>
          <dt>Notified</dt>
          <dd data-testid="notified">
            {incident.amazonNotifiedAt ? (
              <>
                {at(incident.amazonNotifiedAt)}{" "}
                <span className={incident.amazonNoticeOnTime ? "badge badge-ok" : "badge badge-warn"}>{incident.amazonNoticeOnTime ? "On time" : "Late"}</span>
              </>
            ) : (
              <span className="muted">Not yet</span>
            )}
          </dd>
        </dl>
      )}
      {incident.notices.map((n) => (
        <details key={n.id} style={{ marginTop: "0.75rem" }}>
          <summary>
            {CHANNEL_LABELS[n.channel]} · {at(n.sentAt)} · {n.sender}
            {n.status === "queued" ? " · queued in Vigil's outbox" : ""}
          </summary>
          <p className="muted">To {n.toAddress}</p>
          <p>
            <strong>{n.subject}</strong>
          </p>
          <p className="pre">{n.body}</p>
        </details>
      ))}
      {draft ? (
        <>
          <details open={!incident.amazonNotifiedAt} style={{ marginTop: "0.75rem" }}>
            <summary>{incident.amazonNotifiedAt ? "Send a follow-up through Vigil" : "Send the notice through Vigil"}</summary>
            <ActionForm action={sendNoticeAction.bind(null, incident.reference)} submitLabel="Send notice" pendingLabel="Sending…" ariaLabel="Send the notice" successMessage="Notice queued for sending.">
              <Field name="toAddress" label="To" type="email" defaultValue={draft.toAddress} required />
              <Field name="subject" label="Subject" defaultValue={draft.subject} required />
              <Field name="body" label="Notice" as="textarea" rows={14} defaultValue={draft.body} required />
            </ActionForm>
          </details>
          <details style={{ marginTop: "0.75rem" }}>
            <summary>Record a notice sent another way</summary>
            <ActionForm action={recordNoticeAction.bind(null, incident.reference)} submitLabel="Record notice" ariaLabel="Record a notice sent another way" successMessage="Notice recorded.">
              <input type="hidden" name="timeZone" value={incident.timeZone} />
              <Field name="sentAt" label="Sent at" type="datetime-local" required hint={`Your time zone: ${incident.timeZone}.`} />
              <Field name="channel" label="Channel" as="select" required options={[{ value: "email", label: "Email" }, { value: "phone", label: "Phone" }, { value: "portal", label: "Amazon portal" }, { value: "other", label: "Other" }]} />
              <Field name="sender" label="Sent by" required />
              <Field name="toAddress" label="To" defaultValue={draft.toAddress} />
              <Field name="subject" label="Subject" defaultValue={draft.subject} required />
              <Field name="body" label="Copy of what was sent" as="textarea" rows={8} required />
            </ActionForm>
          </details>
        </>
      ) : null}
    </section>
  );
}

function Work({ incident }: { incident: TIncidentDetail }) {
  return (
    <section className="card" aria-labelledby="work-heading">
      <h2 id="work-heading">Status</h2>
      {incident.allowedStatuses.length ? (
        <ActionForm action={changeStatusAction.bind(null, incident.reference)} submitLabel="Change status" ariaLabel="Change status">
          <Field name="status" label="Move to" as="select" required options={incident.allowedStatuses.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          <Field name="note" label="Note" hint="Optional: what was done." />
        </ActionForm>
      ) : (
        <p className="muted">{incident.status === "recovered" ? "Recovered: close the incident below." : "No further working states."}</p>
      )}
      <details style={{ marginTop: "0.75rem" }}>
        <summary>Correct the detection time</summary>
        <ActionForm action={changeDetectionTimeAction.bind(null, incident.reference)} submitLabel="Change detection time" ariaLabel="Change detection time">
          <input type="hidden" name="timeZone" value={incident.timeZone} />
          <Field name="detectedAt" label="Detected at" type="datetime-local" required hint={`Your time zone: ${incident.timeZone}. Never in the future; the Amazon due time follows.`} />
          <Field name="reason" label="Reason" required />
        </ActionForm>
      </details>
    </section>
  );
}

function Closing({ incident }: { incident: TIncidentDetail }) {
  return (
    <section className="card" aria-labelledby="closing-heading">
      <h2 id="closing-heading">Close the incident</h2>
      <ActionForm action={closeIncidentAction.bind(null, incident.reference)} submitLabel="Close incident" ariaLabel="Close the incident">
        {CLOSING_FIELDS.map((f) => (
          <Field key={f} name={f} label={CLOSING_FIELD_LABELS[f]} as="textarea" rows={2} required />
        ))}
      </ActionForm>
      {incident.status === "detected" || incident.status === "triaged" ? (
        <details style={{ marginTop: "0.75rem" }}>
          <summary>Mark a false positive</summary>
          <ActionForm action={falsePositiveAction.bind(null, incident.reference)} submitLabel="Mark false positive" submitClassName="button button-secondary" ariaLabel="Mark a false positive">
            <Field name="reason" label="Why is this a false positive?" as="textarea" rows={2} required />
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}

function ClosingReport({ incident }: { incident: TIncidentDetail }) {
  return (
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading">Closing report</h2>
      <dl className="kv">
        {CLOSING_FIELDS.map((f) => (
          <div key={f} style={{ display: "contents" }}>
            <dt>{CLOSING_FIELD_LABELS[f]}</dt>
            <dd className="pre">{incident.closing[f]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
