import Link from "next/link";
import { notFound } from "next/navigation";
import { AttestationHistory } from "@/components/compliance/attestation-history";
import { AttestForm } from "@/components/compliance/compliance-forms";
import { ControlLinks } from "@/components/compliance/compliance-map-view";
import { CONTROL_STATUS_BADGE } from "@/components/compliance/status";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { CONTROL_STATUS_LABEL, getControlAttestations, type TControlAttestations } from "@/lib/compliance";
import { isAppError } from "@/lib/errors";
import { attestControlAction } from "../../actions";
import styles from "../../compliance.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ control: string }> }) {
  return { title: `Attest ${(await params).control}` };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/** One control: where it stands, its signed attestations, and (for those who may) the form to sign one. */
export default async function AttestControlPage({ params }: { params: Promise<{ control: string }> }) {
  const { control: controlId } = await params;
  const actor = await requirePagePermission("compliance.read");
  let page: TControlAttestations;
  try {
    page = await getControlAttestations(actor, decodeURIComponent(controlId));
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { result, history } = page;
  const control = result.control;
  return (
    <>
      <PageHeader
        title={`${control.id} ${control.title}`}
        description={control.requirement}
        actions={
          <Link className="button button-secondary" href={`/compliance#control-${control.id}`}>
            Back to the map
          </Link>
        }
      />
      <div className="badges-row">
        <span className={CONTROL_STATUS_BADGE[result.status]}>{CONTROL_STATUS_LABEL[result.status]}</span>
        {control.period ? <span className="badge badge-neutral">Period: {control.period.label}</span> : null}
        <span className="badge badge-neutral">Next due: {day(result.nextDueAt)}</span>
      </div>
      <div className={page.canAttest ? "grid grid-2" : undefined}>
        <section className="card" aria-labelledby="standing-heading">
          <h2 id="standing-heading">Where it stands</h2>
          <p>{result.summary}</p>
          {result.problems.length ? (
            <ul className="problems">
              {result.problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          <ControlLinks links={result.links} />
          {control.check ? <p className="muted small">What Vigil checks: {control.check}</p> : null}
        </section>
        {page.canAttest && result.attestable ? (
          <section className="card" aria-labelledby="attest-heading">
            <h2 id="attest-heading">{result.attestable === "none_occurred" ? "Attest that none occurred" : "Sign an attestation"}</h2>
            <AttestForm action={attestControlAction} controlId={control.id} kind={result.attestable} period={control.period?.label ?? "12 months"} />
          </section>
        ) : null}
      </div>
      <section className={`card ${styles.gapAbove}`} aria-labelledby="history-heading">
        <h2 id="history-heading">Attestations</h2>
        <AttestationHistory rows={history} />
      </section>
    </>
  );
}
