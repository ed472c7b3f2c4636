import Link from "next/link";
import { ActionForm, Field } from "@/components/forms/action-form";
import { Countdown } from "@/components/incidents/countdown";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { getIncidentCatalog } from "@/lib/incidents";
import { formatWithZone } from "@/lib/incidents/types";
import { listLegalRequests } from "@/lib/legal-requests";
import { createLegalRequestAction } from "./actions";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Legal requests" };

export default async function LegalRequestsPage() {
  const actor = await requireActor();
  if (!can(actor, "legal-request.read")) return <NotAllowed title="Legal requests" who="Security leads, privacy officers and auditors can." />;
  const [requests, catalog] = await Promise.all([listLegalRequests(actor), getIncidentCatalog(actor).catch(() => ({ timeZone: "UTC" }))]);
  const serverNow = now().toISOString();
  return (
    <>
      <PageHeader title="Legal-process requests" description="Subpoenas, court orders and authority requests for Amazon's data: inform Amazon within 24 hours of receipt." />
      <div className="stack">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Data sought</th>
                <th scope="col">Amazon clock</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/legal-requests/${r.reference}`} className="mono">
                      {r.reference}
                    </Link>
                  </td>
                  <td>{formatWithZone(new Date(r.receivedAt), catalog.timeZone).replace(/ \(.*\)$/, "")}</td>
                  <td>{r.requestingParty}</td>
                  <td>{r.dataSought}</td>
                  <td>
                    <Countdown dueAt={r.notificationDueAt} notifiedAt={r.amazonNotifiedAt} noticeOnTime={r.amazonNoticeOnTime} serverNow={serverNow} compact />
                  </td>
                </tr>
              ))}
              {requests.length === 0 ? (
                <tr>
                  <td colSpan={5} className={`muted ${styles.empty}`}>
                    No legal-process requests recorded.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        {can(actor, "legal-request.manage") ? (
          <section className="card" aria-labelledby="new-heading">
            <h2 id="new-heading">Record a request</h2>
            <ActionForm action={createLegalRequestAction} submitLabel="Record request" resetOnSuccess={false} ariaLabel="Record a legal-process request">
              <input type="hidden" name="timeZone" value={catalog.timeZone} />
              <div className="form-grid">
                <Field name="receivedAt" label="Received at" type="datetime-local" hint={`Leave empty for now. Your time zone: ${catalog.timeZone}.`} />
                <Field name="requestingParty" label="From whom" required placeholder="e.g. District Court of Example" />
                <div className="span-2">
                  <Field name="dataSought" label="What data is sought" as="textarea" rows={3} required />
                </div>
                <div className="span-2">
                  <Field name="description" label="Notes" as="textarea" rows={2} />
                </div>
              </div>
            </ActionForm>
          </section>
        ) : null}
      </div>
    </>
  );
}
