import type { ReactNode } from "react";
import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";
import { formatWithZone } from "@/lib/incidents/types";
import {
  NOTICE_CHANNEL_LABELS,
  NOTICE_STATE_LABELS,
  NOTICE_STATE_TONE,
  isUndelivered,
  noticeVerdictLabel,
  pendingNoticeState,
  type TNoticeDraft,
  type TNoticeRow,
} from "@/lib/notices/types";
import styles from "./notice-panel.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

const CHANNEL_OPTIONS = (["phone", "portal", "email", "other"] as const).map((value) => ({
  value,
  label: value === "email" ? "Email from another mailbox" : NOTICE_CHANNEL_LABELS[value],
}));

const TONE_BADGE = { ok: "badge badge-ok", warn: "badge badge-warn", danger: "badge badge-danger", neutral: "badge badge-neutral" } as const;

const UNDELIVERED_TEXT = {
  held: "No mail server is configured, so Vigil holds the email in its outbox: it was not sent and Amazon has not been told.",
  failed: "The mail server did not accept the email: Amazon has not been told.",
} as const;

/**
 * The notice to Amazon, for an incident or a legal-process request alike: when it is due,
 * when Amazon was notified and the verdict, every notice with its state and proof of delivery,
 * and (with a draft) the forms to send the notice through Vigil or record one given another way.
 */
export function NoticePanel({
  heading,
  record,
  draft,
  sendAction,
  recordAction,
  notRequired,
  children,
}: {
  heading: string;
  /** The incident or legal-process request the notice is about, with its clock and notices. */
  record: { notificationDueAt: string | null; amazonNotifiedAt: string | null; amazonNoticeOnTime: boolean | null; notices: TNoticeRow[]; timeZone: string };
  /** The drafted notice for those who may send it now; null shows no forms. */
  draft: TNoticeDraft | null;
  sendAction: TAction;
  recordAction: TAction;
  /** Said instead of the due time when no notice is due. */
  notRequired?: string;
  /** More for those who may act (closing a request once Amazon knows). */
  children?: ReactNode;
}) {
  const { notificationDueAt: dueAt, amazonNotifiedAt: notifiedAt, amazonNoticeOnTime: onTime, notices, timeZone } = record;
  const at = (iso: string) => formatWithZone(new Date(iso), timeZone);
  const pending = notifiedAt ? null : pendingNoticeState(notices.map((n) => n.state));
  const undelivered = pending === "held" || pending === "failed" ? pending : null;
  return (
    <section className="card" aria-labelledby="notice-heading" data-testid="notice-panel">
      <h2 id="notice-heading">{heading}</h2>
      {notRequired ? (
        <p className="muted">{notRequired}</p>
      ) : (
        <dl className="kv">
          <dt>Due</dt>
          <dd>{dueAt ? at(dueAt) : "—"}</dd>
          <dt>Notified</dt>
          <dd data-testid="notified">
            {notifiedAt ? (
              <>
                {at(notifiedAt)} <span className={onTime ? "badge badge-ok" : "badge badge-warn"}>{noticeVerdictLabel(Boolean(onTime))}</span>
              </>
            ) : pending ? (
              <span className={`${TONE_BADGE[NOTICE_STATE_TONE[pending]]} ${styles.wrap}`} data-notice-state={pending}>
                Not yet · notice {NOTICE_STATE_LABELS[pending].toLowerCase()}
              </span>
            ) : (
              <span className="muted">Not yet</span>
            )}
          </dd>
        </dl>
      )}
      {pending === "sending" ? (
        <p className="alert alert-warn" role="status">
          The notice is sending: Amazon counts as notified when the mail server accepts it, not before. Reminders continue until then.
        </p>
      ) : null}
      {undelivered ? (
        <div className="alert alert-error" role="alert" data-testid="notice-undelivered">
          <p className={styles.tight}>
            <strong>Notice {NOTICE_STATE_LABELS[undelivered].toLowerCase()}.</strong> {UNDELIVERED_TEXT[undelivered]} Give the notice another way (phone, Amazon&apos;s portal,
            another mailbox) and record it: its email in the outbox is then withdrawn, so it never goes out late.
          </p>
          {draft ? (
            <p className={styles.tight}>
              <a className="button button-secondary" href="#record-notice">
                Record that it was given another way
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      {notices.map((n) => (
        <details key={n.id} className={styles.followUp} data-testid="notice">
          <summary>
            {NOTICE_CHANNEL_LABELS[n.channel]} · {at(n.sentAt)} · {n.sender} <span className={TONE_BADGE[NOTICE_STATE_TONE[n.state]]}>{NOTICE_STATE_LABELS[n.state]}</span>
          </summary>
          <dl className={styles.proof}>
            <dt>To</dt>
            <dd>{n.toAddress}</dd>
            {n.acceptedAt ? (
              <>
                <dt>Accepted by the mail server</dt>
                <dd>{at(n.acceptedAt)}</dd>
                <dt>Server reply</dt>
                <dd className="mono" data-testid="server-reply">
                  {n.serverResponse}
                </dd>
                <dt>Message-ID</dt>
                <dd className="mono" data-testid="message-id">
                  {n.messageId}
                </dd>
              </>
            ) : null}
            {n.deliveryError && isUndelivered(n.state) ? (
              <>
                <dt>Mail server said</dt>
                <dd className="mono">{n.deliveryError}</dd>
              </>
            ) : null}
            {n.evidenceReference ? (
              <>
                <dt>Copy kept at</dt>
                <dd>{n.evidenceReference}</dd>
              </>
            ) : null}
          </dl>
          <p>
            <strong>{n.subject}</strong>
          </p>
          {n.body ? <p className="pre">{n.body}</p> : null}
        </details>
      ))}
      {draft ? (
        <>
          <details open={!notifiedAt && !pending} className={styles.followUp}>
            <summary>{notifiedAt ? "Send a follow-up through Vigil" : "Send the notice through Vigil"}</summary>
            {draft.mailHeld ? (
              <p className="alert alert-error" data-testid="mail-held-warning">
                No mail server is configured: &ldquo;Send notice&rdquo; will only hold the email in Vigil&apos;s outbox. It will not reach Amazon. Give the notice another way and
                record it below, or ask an administrator to configure the mail server.
              </p>
            ) : (
              <p className="muted">Amazon counts as notified when the mail server accepts the email; Vigil keeps its reply and the Message-ID as proof.</p>
            )}
            <ActionForm action={sendAction} submitLabel="Send notice" pendingLabel="Sending…" ariaLabel="Send the notice" successMessage="Notice queued: sending.">
              <Field name="toAddress" label="To" type="email" defaultValue={draft.toAddress} required />
              <Field name="subject" label="Subject" defaultValue={draft.subject} required />
              <Field name="body" label="Notice" as="textarea" rows={14} defaultValue={draft.body} required />
            </ActionForm>
          </details>
          <details open={Boolean(undelivered)} className={styles.followUp} id="record-notice">
            <summary>Record a notice given another way</summary>
            <ActionForm action={recordAction} submitLabel="Record notice" ariaLabel="Record a notice given another way" successMessage="Notice recorded as given another way.">
              <input type="hidden" name="timeZone" value={timeZone} />
              <Field name="sentAt" label="Given at" type="datetime-local" required hint={`Your time zone: ${timeZone}.`} />
              <Field name="channel" label="How" as="select" required options={CHANNEL_OPTIONS} />
              <Field name="sender" label="Given by" required hint="Who gave the notice." />
              <Field name="toAddress" label="To whom" defaultValue={draft.toAddress} required hint="The address, phone number or portal it went to." />
              <Field name="subject" label="Subject" defaultValue={draft.subject} />
              <Field name="body" label="Copy of what was given" as="textarea" rows={8} hint="Paste what was said or sent, or give where the copy is kept below." />
              <Field name="evidenceReference" label="Copy kept at" hint="An evidence label, a ticket or a file: where the copy can be found." />
            </ActionForm>
          </details>
        </>
      ) : null}
      {children ? <div className={styles.followUp}>{children}</div> : null}
    </section>
  );
}
