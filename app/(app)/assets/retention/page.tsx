import { PurgeForm, RetentionRuleForm } from "@/components/assets/asset-forms";
import { AssetsNav, RegisterDownloads } from "@/components/assets/assets-nav";
import { GapList } from "@/components/assets/gap-list";
import { PageHeader } from "@/components/ui/page-header";
import { listRetention, RETENTION_ANSWER_LABEL, RETENTION_BASIS_LABEL, RETENTION_CATEGORY_LABEL } from "@/lib/assets";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { attestPurgeAction, setRetentionRuleAction } from "../actions";
import styles from "@/components/assets/assets.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Retention" };

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("asset.read");
  const canManage = can(actor, "asset.manage");
  const { rules, answer, dataStores, total } = await listRetention(actor, { ...(await searchParams), pageSize: 100 });
  const today = day(now());
  return (
    <>
      <PageHeader
        title="Retention"
        description="How long each data store keeps personal data (at most 30 days after shipment, or the period a law requires) and other Amazon data (at most 18 months), how often it is purged, and each purge attested."
      />
      <AssetsNav current="/assets/retention" canManage={canManage} />
      <section className="card" aria-labelledby="answer-heading">
        <h2 id="answer-heading">Developer Profile: how long is PII kept after shipment?</h2>
        {answer ? (
          <p>
            <span className={styles.answer}>{RETENTION_ANSWER_LABEL[answer.answer]}</span> <span className="muted">(the longest PII rule keeps it {answer.longestDays} days)</span>
          </p>
        ) : (
          <p className="muted">No PII retention rule yet: no answer.</p>
        )}
      </section>
      <div className={`${styles.records} ${styles.gapAbove}`}>
        {rules.length === 0 ? <p className="muted">No retention rule yet.</p> : null}
        {rules.map((r) => (
          <section key={r.id} className="card" id={r.reference} aria-labelledby={`${r.reference}-heading`}>
            <h2 id={`${r.reference}-heading`}>
              {r.reference}: {r.assetName}
            </h2>
            <dl className="kv">
              <dt>Data</dt>
              <dd>{RETENTION_CATEGORY_LABEL[r.category]}</dd>
              <dt>Kept</dt>
              <dd>{r.keepDays} days after shipment</dd>
              <dt>Basis</dt>
              <dd>
                {RETENTION_BASIS_LABEL[r.basis]}
                {r.legalReference ? `: ${r.legalReference}` : ""}
              </dd>
              <dt>Purged</dt>
              <dd>every {r.purgeEveryDays} days; next due {day(r.nextPurgeDueOn)}</dd>
              <dt>Last purge</dt>
              <dd className={styles.wrap}>{r.lastPurge ? `${day(r.lastPurge.purgedOn)} by ${r.lastPurge.attestedByName}: ${r.lastPurge.recordsPurged} records, ${r.lastPurge.method}` : "None attested yet"}</dd>
            </dl>
            <GapList gaps={r.gaps} label={`Gaps of ${r.reference}`} />
            {canManage ? (
              <details className={`disclosure ${styles.gapAbove}`}>
                <summary>Attest a purge</summary>
                <PurgeForm action={attestPurgeAction.bind(null, r.reference)} today={today} reference={r.reference} />
              </details>
            ) : null}
          </section>
        ))}
      </div>
      <p className="muted small">{total} rule(s).</p>
      <div className={styles.downloads}>
        <RegisterDownloads name="retention" label="Retention rules" />
        <RegisterDownloads name="purges" label="Purge attestations" />
      </div>
      {canManage ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Set a retention rule</summary>
          {dataStores.length === 0 ? <p className="muted">Add a data store to the inventory first.</p> : <RetentionRuleForm action={setRetentionRuleAction} dataStores={dataStores.map((d) => ({ value: d.reference, label: `${d.name} (${d.reference})` }))} />}
        </details>
      ) : null}
    </>
  );
}
