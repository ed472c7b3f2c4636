import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { FieldsForm } from "@/components/forms/fields-form";
import { NotAllowed } from "@/components/ui/not-allowed";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import styles from "@/components/audit-log/audit.module.css";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { getAuditOverview, verifyAuditLogNow } from "@/lib/audit-log";
import { signCheckpointAction, updateAuditSettingsAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log verification" };

type TCheckpointRow = Awaited<ReturnType<typeof getAuditOverview>>["checkpoints"][number];

const CHECKPOINT_COLUMNS: TSimpleColumn<TCheckpointRow>[] = [
  { header: "Signed (UTC)", cell: (c) => c.signedAt.slice(0, 19).replace("T", " ") },
  { header: "Reason", cell: (c) => c.reason },
  { header: "Event", className: "mono", cell: (c) => c.sequence },
  {
    header: "Hash",
    cell: (c) => (
      <span className={styles.hash} title={c.hash}>
        {c.hash.slice(0, 16)}…
      </span>
    ),
  },
  {
    header: "Key",
    cell: (c) => (
      <>
        <span className={styles.hash} title={c.keyId}>
          {c.keyId.slice(0, 12)}…
        </span>{" "}
        {c.currentKey ? <span className="badge badge-ok">current</span> : <span className="badge badge-neutral">other key</span>}
      </>
    ),
  },
];

export default async function AuditVerifyPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "audit.read")) return <NotAllowed title="Audit log verification" who="Security leads, administrators and auditors can." />;
  const { run } = await searchParams;
  const [overview, verification] = await Promise.all([getAuditOverview(actor), run === "1" ? verifyAuditLogNow(actor) : null]);

  return (
    <>
      <PageHeader
        title="Audit log verification"
        description="Walk the hash chain, and sign checkpoints that prove later the log was not rewritten."
        actions={
          <Link className="button button-secondary" href="/audit-log">
            Back to the audit log
          </Link>
        }
      />
      <div className={styles.stack}>
        <section className="card" aria-labelledby="verify-heading">
          <h2 id="verify-heading">Chain verification</h2>
          <p className="muted">
            {overview.events.toLocaleString("en-US")} events kept; head at event {overview.head?.sequence ?? "0"}. Verification recomputes every
            hash from the oldest kept event (or the checkpoint before it) and checks every signed checkpoint.
          </p>
          {verification ? (
            <div className={`alert ${verification.intact ? "alert-ok" : "alert-error"}`} role="status" aria-live="polite">
              <p className={styles.summary}>{verification.summary}</p>
              <p className={styles.problem}>
                {verification.checkpoints.checked} of {verification.checkpoints.total} checkpoints valid · checked in{" "}
                {(verification.durationMs / 1000).toFixed(2)} s
              </p>
              {verification.breaks.length > 1 ? (
                <ul className={styles.problem} aria-label="Every break">
                  {verification.breaks.slice(0, 50).map((b) => (
                    <li key={`${b.sequence}-${b.kind}-${b.message}`}>
                      Event {b.sequence.toString()} ({b.kind}): {b.message}
                    </li>
                  ))}
                  {verification.totalBreaks > 50 ? <li>… and {verification.totalBreaks - 50} more: download the verification report for the full list.</li> : null}
                </ul>
              ) : null}
              {verification.checkpoints.problems.map((p) => (
                <p key={`${p.id}-${p.problem}`} className={styles.problem}>
                  {p.problem}
                </p>
              ))}
            </div>
          ) : null}
          <form method="get">
            <input type="hidden" name="run" value="1" />
            <button className="button" type="submit">
              Verify the chain now
            </button>
          </form>
        </section>

        <section className="card" aria-labelledby="checkpoints-heading">
          <h2 id="checkpoints-heading">Signed checkpoints</h2>
          <p className="muted">
            A checkpoint is the head&apos;s sequence and hash signed with Vigil&apos;s Ed25519 key, daily and on demand. Download them and keep
            the file outside Vigil: <code>npm run audit:verify -- --checkpoints &lt;file&gt;</code> then proves the chain still contains them.
          </p>
          <div className={`${styles.row} ${styles.spaced}`}>
            {can(actor, "audit.checkpoint") ? <FieldsForm action={signCheckpointAction} submitLabel="Sign a checkpoint now" label="Sign a checkpoint" /> : null}
            {can(actor, "audit.export") ? (
              <a className="button button-secondary" href="/api/audit-log/checkpoints" download>
                Download checkpoints (JSON)
              </a>
            ) : null}
          </div>
          {overview.checkpoints.length === 0 ? (
            <p className="muted">No checkpoint yet. The first daily checkpoint is signed by the background sweep.</p>
          ) : (
            <SimpleTable className={styles.table} cellLabels columns={CHECKPOINT_COLUMNS} rows={overview.checkpoints} rowKey={(c) => c.id} />
          )}
        </section>

        <section className="card" aria-labelledby="retention-heading">
          <h2 id="retention-heading">Retention and alarm threshold</h2>
          <p className="muted">
            Events are kept {overview.settings.retentionDays} days (never fewer than 90), then pruned up to a signed checkpoint so verification
            still starts from it. An alarm is raised when one user downloads or exports more than {overview.settings.exportAlarmThreshold} records
            or files in an hour.
          </p>
          {can(actor, "settings.manage") ? (
            <FieldsForm
              action={updateAuditSettingsAction}
              submitLabel="Save settings"
              label="Audit settings"
              fieldsClassName={styles.settings}
              fields={[
                { name: "retentionDays", label: "Keep events for (days)", type: "number", defaultValue: String(overview.settings.retentionDays), hint: "90 to 3650; 400 by default." },
                {
                  name: "exportAlarmThreshold",
                  label: "Export alarm threshold (records per hour)",
                  type: "number",
                  defaultValue: String(overview.settings.exportAlarmThreshold),
                  hint: "Alarm above this many downloaded or exported records.",
                },
              ]}
            />
          ) : null}
        </section>
      </div>
    </>
  );
}
