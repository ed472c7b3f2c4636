import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldsForm } from "@/components/forms/fields-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import styles from "@/components/audit-log/audit.module.css";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { listAlarms, type TAlarmView } from "@/lib/alarms/list-alarms";
import { listCanaries } from "@/lib/alarms";
import { acknowledgeAlarmAction, closeAlarmAction, markCanaryAction, openIncidentFromAlarmAction, unmarkCanaryAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Security alarms" };

const STATUSES = { active: "Open and acknowledged", open: "Open", acknowledged: "Acknowledged", closed: "Closed" } as const;
const STATUS_BADGE = { open: "badge-danger", acknowledged: "badge-warn", closed: "badge-neutral" } as const;

const minute = (at: Date) => at.toISOString().slice(0, 16).replace("T", " ");

const ALARM_COLUMNS: TSimpleColumn<TAlarmView>[] = [
  {
    header: "Alarm",
    cell: (alarm) => (
      <>
        {alarm.title}
        <div className="muted mono">{alarm.rule}{alarm.source !== "vigil" ? ` · from ${alarm.source}` : ""}</div>
      </>
    ),
  },
  { header: "Subject", className: "mono", cell: (alarm) => (alarm.subjectKey.length > 40 ? `${alarm.subjectKey.slice(0, 40)}…` : alarm.subjectKey) },
  { header: "Count", cell: (alarm) => alarm.count },
  {
    header: "First and last seen (UTC)",
    cell: (alarm) => (
      <>
        {minute(alarm.firstSeenAt)}
        <br />
        {minute(alarm.lastSeenAt)}
      </>
    ),
  },
  {
    header: "Status",
    cell: (alarm) => (
      <>
        <span className={`badge ${STATUS_BADGE[alarm.status]}`}>{alarm.status}</span>
        {alarm.incidentId ? <div className="muted mono">{alarm.incidentId}</div> : null}
      </>
    ),
  },
];

export default async function AlarmsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "alarm.read")) return <NotAllowed title="Security alarms" who="Security leads, administrators and auditors can." />;
  const requested = (await searchParams).status;
  const status = requested && requested in STATUSES ? (requested as keyof typeof STATUSES) : "active";
  const [alarms, canaries] = await Promise.all([
    listAlarms(actor, { status, limit: 100 }),
    can(actor, "canary.manage") ? listCanaries(actor) : Promise.resolve(null),
  ]);
  const manage = can(actor, "alarm.manage");
  const canOpenIncidents = can(actor, "incident.create");
  const actionsColumn: TSimpleColumn<TAlarmView> = {
    header: "Actions",
    cell: (alarm) => (
      <div className={styles.row}>
        {alarm.status === "open" ? (
          <FieldsForm action={acknowledgeAlarmAction} hidden={{ alarmId: alarm.id }} submitLabel="Acknowledge" secondary label={`Acknowledge ${alarm.title}`} />
        ) : null}
        {alarm.status !== "closed" && !alarm.incidentId && canOpenIncidents ? (
          <FieldsForm action={openIncidentFromAlarmAction} hidden={{ alarmId: alarm.id }} submitLabel="Open incident" label={`Open an incident from ${alarm.title}`} />
        ) : null}
        {alarm.status !== "closed" ? (
          <FieldsForm action={closeAlarmAction} hidden={{ alarmId: alarm.id }} submitLabel="Close" secondary label={`Close ${alarm.title}`} />
        ) : null}
      </div>
    ),
  };

  return (
    <>
      <PageHeader
        title="Security alarms"
        description="Raised by rules on Vigil's own audit log (failed sign-ins, denied requests, bulk downloads, canary records), by failed evidence integrity checks and an integrity sweep falling behind its cycle, by every grant of the security lead or privacy officer role, and by other systems."
        actions={
          <Link className="button button-secondary" href="/audit-log">
            Audit log
          </Link>
        }
      />
      <nav className={`${styles.row} ${styles.spaced}`} aria-label="Alarm status">
        {Object.entries(STATUSES).map(([key, label]) => (
          <Link key={key} href={`?status=${key}`} className={`button ${key === status ? "" : "button-secondary"}`} aria-current={key === status ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      {alarms.length === 0 ? (
        <EmptyState title="No alarms here">
          <p>Nothing suspicious has been detected with this status.</p>
        </EmptyState>
      ) : (
        <SimpleTable className={styles.table} cellLabels columns={manage ? [...ALARM_COLUMNS, actionsColumn] : ALARM_COLUMNS} rows={alarms} rowKey={(alarm) => alarm.id} />
      )}

      {canaries ? (
        <section className={`card ${styles.section}`} aria-labelledby="canary-heading">
          <h2 id="canary-heading">Canary records</h2>
          <p className="muted">Any access to one of these records raises an alarm. Only security leads see this list.</p>
          {canaries.length ? (
            <ul>
              {canaries.map((c) => (
                <li key={c.id} className={styles.row}>
                  <span className="mono">
                    {c.targetType} {c.targetId}
                  </span>
                  {c.note ? <span className="muted">— {c.note}</span> : null}
                  <FieldsForm action={unmarkCanaryAction} hidden={{ canaryId: c.id }} submitLabel="Remove" secondary label={`Remove canary ${c.targetId}`} />
                </li>
              ))}
            </ul>
          ) : null}
          <FieldsForm
            action={markCanaryAction}
            submitLabel="Mark as canary"
            label="Mark a record as a canary"
            fieldsClassName={styles.settings}
            fields={[
              { name: "targetType", label: "Record type", hint: "incident, evidence, user, asset…", required: true },
              { name: "targetId", label: "Record id", required: true },
              { name: "note", label: "Note (no personal data)" },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
