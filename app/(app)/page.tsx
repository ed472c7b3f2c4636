import Link from "next/link";
import { DueList } from "@/components/core/due-list";
import { Countdown } from "@/components/incidents/countdown";
import { SEVERITY_BADGE, STATUS_BADGE } from "@/components/incidents/labels";
import { PageHeader } from "@/components/ui/page-header";
import { RecordLink } from "@/components/ui/record-link";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { clockSource } from "@/lib/core/clocks/registry";
import { listDueItems } from "@/lib/core/clocks/list-due-items";
import { DUE_LIMIT, DUE_WITHIN_MS, getDashboard } from "@/lib/incidents/get-dashboard";
import type { TDashboard, TIncidentListRow } from "@/lib/incidents/types";
import { INCIDENT_STATUSES, STATUS_LABELS } from "@/lib/incidents/status-rules";
import { checkHealth } from "@/lib/system/check-health";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

/**
 * Every deadline the person may see that is overdue or due within 7 days, from every clock source
 * registered (lib/core/clocks/registry.ts), nearest first, each a link with its state.
 */
function DueSection({ due, truncated, serverNow }: { due: TDashboard["due"]; truncated: boolean; serverNow: string }) {
  const overdue = due.filter((item) => item.state === "overdue").length;
  return (
    <section className={`card ${overdue ? "due-card-overdue" : ""}`} aria-labelledby="due-heading">
      <h2 id="due-heading">
        Overdue and falling due ({overdue} overdue, {due.length - overdue} due within 7 days)
      </h2>
      {due.length ? (
        <DueList
          serverNow={serverNow}
          items={due.map((item) => ({
            key: `${item.kind}:${item.id}`,
            kindLabel: clockSource(item.kind).label,
            reference: item.reference,
            title: item.title,
            link: item.link,
            dueAt: item.dueAt.toISOString(),
            allDay: item.allDay,
            state: item.state,
          }))}
        />
      ) : (
        <p className="muted">Nothing you can see is overdue or due within 7 days.</p>
      )}
      {truncated ? <p className="muted small spaced-top">The {due.length} nearest are shown; more fall due within 7 days.</p> : null}
    </section>
  );
}

function IncidentRows({ rows, serverNow }: { rows: TIncidentListRow[]; serverNow: string }) {
  const columns: TSimpleColumn<TIncidentListRow>[] = [
    { header: "Incident", cell: (r) => <RecordLink href={`/incidents/${r.reference}`} reference={r.reference} title={r.title} /> },
    { header: "Severity", cell: (r) => <span className={SEVERITY_BADGE[r.severity]}>{r.severity}</span> },
    { header: "Status", cell: (r) => <span className={STATUS_BADGE[r.status]}>{STATUS_LABELS[r.status]}</span> },
    {
      header: "Amazon clock",
      cell: (r) => <Countdown dueAt={r.notificationDueAt} notifiedAt={r.amazonNotifiedAt} noticeOnTime={r.amazonNoticeOnTime} stopped={r.status === "false_positive"} serverNow={serverNow} compact />,
    },
  ];
  return <SimpleTable columns={columns} rows={rows} rowKey={(r) => r.id} />;
}

export default async function DashboardPage() {
  const actor = await requireActor();
  // Administrators manage people and settings but see no incident content (least privilege).
  if (!can(actor, "incident.read")) {
    // Their own deadlines still show (tasks assigned to them), from the same registry.
    const due = await listDueItems(actor, now(), { within: DUE_WITHIN_MS, limit: DUE_LIMIT + 1 });
    const mine = due.length ? <DueSection due={due.slice(0, DUE_LIMIT)} truncated={due.length > DUE_LIMIT} serverNow={now().toISOString()} /> : null;
    return <AdministrationHome actor={actor} health={await checkHealth()} due={mine} />;
  }
  const [dashboard, health] = await Promise.all([getDashboard(actor), checkHealth()]);
  const serverNow = now().toISOString();
  const max = Math.max(1, ...dashboard.months.map((m) => m.count));
  const openCount = INCIDENT_STATUSES.filter((s) => s !== "closed" && s !== "false_positive").reduce((n, s) => n + (dashboard.byStatus[s] ?? 0), 0);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Open incidents, deadlines and alarms at a glance."
        actions={
          can(actor, "incident.create") ? (
            <Link className="button" href="/incidents/new">
              Log incident
            </Link>
          ) : null
        }
      />
      <div className="stack">
        <DueSection due={dashboard.due} truncated={dashboard.dueTruncated} serverNow={serverNow} />

        <section className="card" aria-labelledby="open-heading">
          <h2 id="open-heading">Open incidents, nearest deadline first ({openCount})</h2>
          {dashboard.open.length ? <IncidentRows rows={dashboard.open} serverNow={serverNow} /> : <p className="muted">No open incidents.</p>}
          <p className="spaced-top">
            <Link href="/incidents?status=open&sort=dueAt&dir=asc">All open incidents →</Link>
          </p>
        </section>

        <div className="grid grid-3">
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading">By status</h2>
            <dl className="kv">
              {INCIDENT_STATUSES.map((s) => (
                <div key={s} className="contents">
                  <dt>{STATUS_LABELS[s]}</dt>
                  <dd>
                    <Link href={`/incidents?status=${s}`}>{dashboard.byStatus[s] ?? 0}</Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="card" aria-labelledby="severity-heading">
            <h2 id="severity-heading">Open by severity</h2>
            <dl className="kv">
              {["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => (
                <div key={s} className="contents">
                  <dt>
                    <span className={SEVERITY_BADGE[s]}>{s}</span>
                  </dt>
                  <dd>
                    <Link href={`/incidents?status=open&severity=${s}`}>{dashboard.bySeverity[s] ?? 0}</Link>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="card" aria-labelledby="months-heading">
            <h2 id="months-heading">Last 12 months</h2>
            <div className="bars" role="img" aria-label={`Incidents per month: ${dashboard.months.map((m) => `${m.month} ${m.count}`).join(", ")}`}>
              {dashboard.months.map((m) => (
                <div key={m.month} className="bar" style={{ height: `${(m.count / max) * 100}%` }} title={`${m.month}: ${m.count}`} />
              ))}
            </div>
            <div className="bars-labels" aria-hidden="true">
              {dashboard.months.map((m) => (
                <span key={m.month}>{m.month.slice(5)}</span>
              ))}
            </div>
          </section>
        </div>

        <div className="grid grid-2">
          {dashboard.alarms ? (
            <section className="card" aria-labelledby="alarms-heading">
              <h2 id="alarms-heading">Open alarms ({dashboard.alarms.length})</h2>
              {dashboard.alarms.length ? (
                <ul className="timeline">
                  {dashboard.alarms.map((a) => (
                    <li key={a.id}>
                      <strong>{a.title}</strong> <span className="muted">· {a.rule} · seen {a.count}× · last {a.lastSeenAt.slice(0, 16).replace("T", " ")} UTC</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">No open alarms.</p>
              )}
            </section>
          ) : null}
          <section className="card" aria-labelledby="system-heading">
            <h2 id="system-heading">System</h2>
            <dl className="kv">
              <dt>Database</dt>
              <dd>
                {health.databaseMode === "embedded" ? "Embedded PostgreSQL" : "PostgreSQL"}{" "}
                {health.database === "ok" ? <span className="badge badge-ok">reachable</span> : <span className="badge badge-danger">unreachable</span>}
              </dd>
              <dt>Migrations applied</dt>
              <dd>{health.migrations ?? "unknown"}</dd>
            </dl>
          </section>
        </div>
      </div>
    </>
  );
}

function AdministrationHome({ actor, health, due }: { actor: Actor; health: Awaited<ReturnType<typeof checkHealth>>; due: React.ReactNode }) {
  const links = [
    { href: "/settings/users", label: "Users and roles", text: "Invite people, change roles, unlock accounts, reset two-step sign-in.", show: can(actor, "user.read") },
    { href: "/settings/mail", label: "Email outbox", text: "Delivery of reminders, invitations and notices.", show: can(actor, "mail.read") },
    { href: "/audit-log", label: "Audit log", text: "Sign-ins, denials and changes, with verification and alarms.", show: can(actor, "audit.read") },
    { href: "/settings", label: "Settings", text: "Organisation settings and your account.", show: true },
  ].filter((l) => l.show);
  return (
    <>
      <PageHeader title="Dashboard" description="Administration: people, email and the audit log. Incident content is for the security team." />
      {due ? <div className="stack spaced-bottom">{due}</div> : null}
      <div className="grid grid-2">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="card settings-link">
            <h2>{l.label}</h2>
            <p className="muted flush-block">
              {l.text}
            </p>
          </Link>
        ))}
        <section className="card" aria-labelledby="system-heading">
          <h2 id="system-heading">System</h2>
          <p className="flush-block">
            Database: {health.databaseMode === "embedded" ? "embedded PostgreSQL" : "PostgreSQL"}{" "}
            {health.database === "ok" ? <span className="badge badge-ok">reachable</span> : <span className="badge badge-danger">unreachable</span>}
          </p>
        </section>
      </div>
    </>
  );
}
