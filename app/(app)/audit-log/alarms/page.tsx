import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldsForm } from "@/components/forms/fields-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import styles from "@/components/audit-log/audit.module.css";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { listAlarms } from "@/lib/alarms/list-alarms";
import { listCanaries } from "@/lib/alarms";
import { acknowledgeAlarmAction, closeAlarmAction, markCanaryAction, openIncidentFromAlarmAction, unmarkCanaryAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Security alarms" };

const STATUSES = { active: "Open and acknowledged", open: "Open", acknowledged: "Acknowledged", closed: "Closed" } as const;
const STATUS_BADGE = { open: "badge-danger", acknowledged: "badge-warn", closed: "badge-neutral" } as const;

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

  return (
    <>
      <PageHeader
        title="Security alarms"
        description="Raised by rules on Vigil's own audit log (failed sign-ins, denied requests, bulk downloads, canary records), by failed evidence integrity checks, by every grant of the security lead or privacy officer role, and by other systems."
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
        <div className="table-wrap">
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Alarm</th>
                <th scope="col">Subject</th>
                <th scope="col">Count</th>
                <th scope="col">First and last seen (UTC)</th>
                <th scope="col">Status</th>
                {manage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {alarms.map((alarm) => (
                <tr key={alarm.id}>
                  <td data-label="Alarm">
                    {alarm.title}
                    <div className="muted mono">{alarm.rule}{alarm.source !== "vigil" ? ` · from ${alarm.source}` : ""}</div>
                  </td>
                  <td data-label="Subject" className="mono">
                    {alarm.subjectKey.length > 40 ? `${alarm.subjectKey.slice(0, 40)}…` : alarm.subjectKey}
                  </td>
                  <td data-label="Count">{alarm.count}</td>
                  <td data-label="First and last seen (UTC)">
                    {alarm.firstSeenAt.toISOString().slice(0, 16).replace("T", " ")}
                    <br />
                    {alarm.lastSeenAt.toISOString().slice(0, 16).replace("T", " ")}
                  </td>
                  <td data-label="Status">
                    <span className={`badge ${STATUS_BADGE[alarm.status]}`}>{alarm.status}</span>
                    {alarm.incidentId ? <div className="muted mono">{alarm.incidentId}</div> : null}
                  </td>
                  {manage ? (
                    <td data-label="Actions">
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
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
