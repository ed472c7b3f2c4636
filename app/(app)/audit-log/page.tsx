import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditTable } from "@/components/audit-log/audit-table";
import styles from "@/components/audit-log/audit.module.css";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { NotAllowed } from "@/components/ui/not-allowed";
import { listAuditEvents } from "@/lib/audit-log/list-audit-events";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "outcome", "from", "to"] as const;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The URL of this screen with the current filters and one cursor. */
function hrefWith(params: SearchParams, cursor: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) if (first(params[key])) query.set(key, first(params[key]));
  for (const [k, v] of Object.entries(cursor)) query.set(k, v);
  const text = query.toString();
  return text ? `?${text}` : "?";
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "audit.read")) return <NotAllowed title="Audit log" who="Security leads, administrators and auditors can." />;
  const params = await searchParams;
  const page = await listAuditEvents(actor, params);
  const errors = page.ok ? {} : page.fieldErrors;
  const exportHref = `/api/audit-log/export${hrefWith(params, {})}`;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sensitive read, denial and failed sign-in, hash-chained and append-only. Times are UTC."
        actions={
          <div className={styles.row}>
            {can(actor, "alarm.read") ? (
              <Link className="button button-secondary" href="/audit-log/alarms">
                Alarms
              </Link>
            ) : null}
            <Link className="button button-secondary" href="/audit-log/verify">
              Verification and checkpoints
            </Link>
            {can(actor, "audit.export") ? (
              <a className="button" href={exportHref} download>
                Export CSV
              </a>
            ) : null}
          </div>
        }
      />

      <form className={`card ${styles.filters} ${styles.spaced}`} method="get" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="f-actor">Actor</label>
          <input id="f-actor" name="actor" defaultValue={first(params.actor)} placeholder="usr_… or system" aria-invalid={!!errors.actor} />
          {errors.actor ? <span className="error">{errors.actor}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="f-action">Action</label>
          <input id="f-action" name="action" defaultValue={first(params.action)} placeholder="incident.* or auth.sign-in.failed" aria-invalid={!!errors.action} aria-describedby={errors.action ? "f-action-error" : undefined} />
          {errors.action ? <span className="error" id="f-action-error">{errors.action}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="f-target-type">Target type</label>
          <input id="f-target-type" name="targetType" defaultValue={first(params.targetType)} placeholder="incident" />
        </div>
        <div className="field">
          <label htmlFor="f-target-id">Target id</label>
          <input id="f-target-id" name="targetId" defaultValue={first(params.targetId)} placeholder="inc_…" />
        </div>
        <div className="field">
          <label htmlFor="f-outcome">Outcome</label>
          <select id="f-outcome" name="outcome" defaultValue={first(params.outcome)}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="denied">Denied</option>
            <option value="failed">Failed</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">From (UTC)</label>
          <input id="f-from" name="from" type="datetime-local" defaultValue={first(params.from)} aria-invalid={!!errors.from} />
          {errors.from ? <span className="error">{errors.from}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="f-to">To (UTC)</label>
          <input id="f-to" name="to" type="datetime-local" defaultValue={first(params.to)} aria-invalid={!!errors.to} aria-describedby={errors.to ? "f-to-error" : undefined} />
          {errors.to ? <span className="error" id="f-to-error">{errors.to}</span> : null}
        </div>
        <div className={styles.filterActions}>
          <button className="button" type="submit">
            Apply filters
          </button>
          <Link className="button button-secondary" href="/audit-log">
            Clear
          </Link>
        </div>
      </form>

      {!page.ok ? (
        <div className="alert alert-error" role="alert">
          Check the highlighted filters.
        </div>
      ) : page.rows.length === 0 ? (
        <EmptyState title="No events match these filters">
          <p>Change or clear the filters to see more of the log.</p>
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={page.rows} />
          <nav className={styles.pager} aria-label="Pages of the audit log">
            <Link className="button button-secondary" href={page.newer ? hrefWith(params, { after: page.newer }) : "#"} aria-disabled={!page.newer} rel="prev">
              ← Newer
            </Link>
            <span className="muted">
              Events {page.rows[0]!.sequence} to {page.rows[page.rows.length - 1]!.sequence}
            </span>
            <Link className="button button-secondary" href={page.older ? hrefWith(params, { before: page.older }) : "#"} aria-disabled={!page.older} rel="next">
              Older →
            </Link>
          </nav>
        </>
      )}
    </>
  );
}
