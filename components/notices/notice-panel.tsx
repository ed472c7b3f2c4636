import type { ReactNode } from "react";
import { ActionForm, Field } from "@/components/forms/action-form";
import type { TActionState } from "@/lib/core/action-state";
import { formatWithZone } from "@/lib/incidents/types";
import { NOTICE_CHANNEL_LABELS, noticeVerdictLabel, type TNoticeDraft, type TNoticeRow } from "@/lib/notices/types";
import styles from "./notice-panel.module.css";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;

const CHANNEL_OPTIONS = (["email", "phone", "portal", "other"] as const).map((value) => ({ value, label: NOTICE_CHANNEL_LABELS[value] }));

/**
 * The notice to Amazon, for an incident or a legal-process request alike: when it is due,
 * when Amazon was notified and the verdict, every notice kept, and (with a draft) the forms to
 * send the notice through Vigil or record one sent another way.
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
  return (
    <section className="card" aria-labelledby="notice-heading">
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
            ) : (
              <span className="muted">Not yet</span>
            )}
          </dd>
        </dl>
      )}
      {notices.map((n) => (
        <details key={n.id} className={styles.followUp}>
          <summary>
            {NOTICE_CHANNEL_LABELS[n.channel]} · {at(n.sentAt)} · {n.sender}
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
          <details open={!notifiedAt} className={styles.followUp}>
            <summary>{notifiedAt ? "Send a follow-up through Vigil" : "Send the notice through Vigil"}</summary>
            <ActionForm action={sendAction} submitLabel="Send notice" pendingLabel="Sending…" ariaLabel="Send the notice" successMessage="Notice queued for sending.">
              <Field name="toAddress" label="To" type="email" defaultValue={draft.toAddress} required />
              <Field name="subject" label="Subject" defaultValue={draft.subject} required />
              <Field name="body" label="Notice" as="textarea" rows={14} defaultValue={draft.body} required />
            </ActionForm>
          </details>
          <details className={styles.followUp}>
            <summary>Record a notice sent another way</summary>
            <ActionForm action={recordAction} submitLabel="Record notice" ariaLabel="Record a notice sent another way" successMessage="Notice recorded.">
              <input type="hidden" name="timeZone" value={timeZone} />
              <Field name="sentAt" label="Sent at" type="datetime-local" required hint={`Your time zone: ${timeZone}.`} />
              <Field name="channel" label="Channel" as="select" required options={CHANNEL_OPTIONS} />
              <Field name="sender" label="Sent by" required />
              <Field name="toAddress" label="To" defaultValue={draft.toAddress} />
              <Field name="subject" label="Subject" defaultValue={draft.subject} required />
              <Field name="body" label="Copy of what was sent" as="textarea" rows={8} required />
            </ActionForm>
          </details>
        </>
      ) : null}
      {children ? <div className={styles.followUp}>{children}</div> : null}
    </section>
  );
}
