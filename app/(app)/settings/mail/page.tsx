import Link from "next/link";
import { OutboxTable } from "@/components/mail/outbox-table";
import { STATUS_LABELS, outboxHref, type TOutboxStatus } from "@/components/mail/outbox-types";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { listOutbox } from "@/lib/mail/list-outbox";
import { resendEmailAction } from "./actions";
import styles from "@/components/mail/mail.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Email outbox" };

const STATUSES: TOutboxStatus[] = ["pending", "sending", "sent", "failed", "held", "cancelled"];

export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "mail.read")) {
    return (
      <>
        <PageHeader title="Email outbox" />
        <div className="alert alert-error" role="alert">
          You do not have permission to see the email outbox.
        </div>
      </>
    );
  }
  const params = await searchParams;
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const outbox = await listOutbox(actor, flat);
  const { query } = outbox;

  return (
    <>
      <PageHeader title="Email outbox" description="Every email Vigil has queued: its delivery status, attempts and the mail server's last answer." />
      {!outbox.smtpConfigured ? (
        <div className="alert alert-warn" role="status">
          No mail server is configured, so emails are held here and not sent. Set <code>SMTP_URL</code> (or <code>SMTP_HOST</code>) and{" "}
          <code>MAIL_FROM</code>, restart Vigil, then resend the held emails.
        </div>
      ) : null}
      <ul aria-label="Emails by status" className={styles.statusCounts}>
        {STATUSES.map((status) => (
          <li key={status}>
            <Link href={outboxHref(query, { status, page: 1 })} className={`badge ${STATUS_LABELS[status].badge} ${styles.statusLink}`} aria-current={query.status === status ? "true" : undefined}>
              {STATUS_LABELS[status].label}: {outbox.counts[status]}
            </Link>
          </li>
        ))}
      </ul>
      {query.email ? (
        <p className="alert alert-warn" role="status">
          Showing one email. <Link href="/settings/mail">Show the whole outbox</Link>
        </p>
      ) : null}
      <form method="get" action="/settings/mail" className={`card ${styles.search}`}>
        <div className={`field ${styles.searchFieldWide}`}>
          <label htmlFor="q">Subject contains</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <div className={`field ${styles.searchField}`}>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status].label}
              </option>
            ))}
          </select>
        </div>
        {query.sort !== "createdAt" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "desc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        {query.pageSize !== 25 ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
        <button type="submit" className="button button-secondary">
          Filter
        </button>
        {query.q || query.status || query.email ? (
          <Link href="/settings/mail" className="button button-secondary">
            Clear
          </Link>
        ) : null}
      </form>
      <OutboxTable rows={outbox.rows} total={outbox.total} query={query} canResend={can(actor, "mail.manage")} resendAction={resendEmailAction} />
    </>
  );
}
