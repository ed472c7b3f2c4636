import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/forms/action-form";
import { Countdown } from "@/components/incidents/countdown";
import { CHANNEL_LABELS } from "@/components/incidents/labels";
import { requireActor } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { formatWithZone } from "@/lib/incidents/time-zones";
import { getLegalRequest } from "@/lib/legal-requests/legal-requests";
import { closeLegalRequestAction, recordLegalNoticeAction, sendLegalNoticeAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

export default async function LegalRequestPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requireActor();
  const request = await getLegalRequest(actor, decodeURIComponent(reference)).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const at = (iso: string) => formatWithZone(new Date(iso), request.timeZone);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted mono" style={{ margin: 0 }}>
            {request.reference}
          </p>
          <h1>Legal process from {request.requestingParty}</h1>
          {request.closedAt ? <span className="badge badge-neutral">Closed</span> : <span className="badge badge-warn">Open</span>}
        </div>
        <Countdown dueAt={request.notificationDueAt} notifiedAt={request.amazonNotifiedAt} noticeOnTime={request.amazonNoticeOnTime} serverNow={now().toISOString()} />
      </div>
      <div className="layout-detail">
        <div className="stack">
          <section className="card" aria-labelledby="req-heading">
            <h2 id="req-heading">Request</h2>
            <dl className="kv">
              <dt>Received at</dt>
              <dd>{at(request.receivedAt)}</dd>
              <dt>From</dt>
              <dd>{request.requestingParty}</dd>
              <dt>Data sought</dt>
              <dd className="pre">{request.dataSought}</dd>
              {request.description ? (
                <>
                  <dt>Notes</dt>
                  <dd className="pre">{request.description}</dd>
                </>
              ) : null}
              <dt>Amazon notice due</dt>
              <dd>{at(request.notificationDueAt)}</dd>
              <dt>Amazon informed</dt>
              <dd data-testid="notified">
                {request.amazonNotifiedAt ? (
                  <>
                    {at(request.amazonNotifiedAt)} <span className={request.amazonNoticeOnTime ? "badge badge-ok" : "badge badge-warn"}>{request.amazonNoticeOnTime ? "On time" : "Late"}</span>
                  </>
                ) : (
                  <span className="muted">Not yet</span>
                )}
              </dd>
            </dl>
          </section>
          {request.notices.map((n) => (
            <details key={n.id} className="card">
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
        </div>
        <div className="stack">
          {request.draft && !request.closedAt ? (
            <section className="card" aria-labelledby="notice-heading">
              <h2 id="notice-heading">Inform Amazon</h2>
              <details open={!request.amazonNotifiedAt}>
                <summary>Send through Vigil</summary>
                <ActionForm action={sendLegalNoticeAction.bind(null, request.reference)} submitLabel="Send notice" ariaLabel="Send the notice" successMessage="Notice queued for sending.">
                  <Field name="toAddress" label="To" type="email" defaultValue={request.draft.toAddress} required />
                  <Field name="subject" label="Subject" defaultValue={request.draft.subject} required />
                  <Field name="body" label="Notice" as="textarea" rows={12} defaultValue={request.draft.body} required />
                </ActionForm>
              </details>
              <details style={{ marginTop: "0.75rem" }}>
                <summary>Record a notice sent another way</summary>
                <ActionForm action={recordLegalNoticeAction.bind(null, request.reference)} submitLabel="Record notice" ariaLabel="Record a notice sent another way" successMessage="Notice recorded.">
                  <input type="hidden" name="timeZone" value={request.timeZone} />
                  <Field name="sentAt" label="Sent at" type="datetime-local" required />
                  <Field name="channel" label="Channel" as="select" required options={[{ value: "email", label: "Email" }, { value: "phone", label: "Phone" }, { value: "portal", label: "Amazon portal" }, { value: "other", label: "Other" }]} />
                  <Field name="sender" label="Sent by" required />
                  <Field name="subject" label="Subject" defaultValue={request.draft.subject} required />
                  <Field name="body" label="Copy of what was sent" as="textarea" rows={8} required />
                </ActionForm>
              </details>
              {request.amazonNotifiedAt ? (
                <div style={{ marginTop: "0.75rem" }}>
                  <ActionForm action={closeLegalRequestAction.bind(null, request.reference)} submitLabel="Close request" submitClassName="button button-secondary" ariaLabel="Close the request">
                    {null}
                  </ActionForm>
                </div>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
      <p>
        <Link href="/legal-requests">← All legal-process requests</Link>
      </p>
    </>
  );
}
