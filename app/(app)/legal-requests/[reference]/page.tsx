import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Countdown } from "@/components/incidents/countdown";
import { NoticePanel } from "@/components/notices/notice-panel";
import { requireActor } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { formatWithZone } from "@/lib/incidents/types";
import { getLegalRequest } from "@/lib/legal-requests";
import { pendingNoticeState } from "@/lib/notices/types";
import { closeLegalRequestAction, recordLegalNoticeAction, sendLegalNoticeAction } from "../actions";
import styles from "./page.module.css";

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
  const ref = request.reference;
  const open = !request.closedAt;
  return (
    <>
      <div className="page-header">
        <div>
          <p className={`muted mono ${styles.reference}`}>{ref}</p>
          <h1>Legal process from {request.requestingParty}</h1>
          {open ? <span className="badge badge-warn">Open</span> : <span className="badge badge-neutral">Closed</span>}
        </div>
        <Countdown dueAt={request.notificationDueAt} notifiedAt={request.amazonNotifiedAt} noticeOnTime={request.amazonNoticeOnTime} serverNow={now().toISOString()} notice={pendingNoticeState(request.notices.map((n) => n.state))} />
      </div>
      <div className="layout-detail">
        <div className="stack">
          <section className="card" aria-labelledby="req-heading">
            <h2 id="req-heading">Request</h2>
            <dl className="kv">
              <dt>Received at</dt>
              <dd>{formatWithZone(new Date(request.receivedAt), request.timeZone)}</dd>
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
            </dl>
          </section>
        </div>
        <div className="stack">
          <NoticePanel
            heading="Inform Amazon"
            record={request}
            draft={open ? request.draft : null}
            sendAction={sendLegalNoticeAction.bind(null, ref)}
            recordAction={recordLegalNoticeAction.bind(null, ref)}
          >
            {request.canManage && open && request.amazonNotifiedAt ? (
              <ActionForm action={closeLegalRequestAction.bind(null, ref)} submitLabel="Close request" submitClassName="button button-secondary" ariaLabel="Close the request">
                {null}
              </ActionForm>
            ) : null}
          </NoticePanel>
        </div>
      </div>
      <p>
        <Link href="/legal-requests">← All legal-process requests</Link>
      </p>
    </>
  );
}
