import Link from "next/link";
import { notFound } from "next/navigation";
import { CustodyEventForms, RespondForm, TransferForm, VerifyForm } from "@/components/evidence/custody-forms";
import { CustodyTimeline } from "@/components/evidence/custody-timeline";
import { EvidenceAuditorAccess } from "@/components/engagements/evidence-auditor-access";
import { EVIDENCE_STATUS_BADGE, formatSize, formatWhen } from "@/components/evidence/labels";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { allowedCustodyEvents, EVIDENCE_STATUS_LABEL, getEvidence, isInCustody, listCustodyCandidates, type TEvidenceDetail } from "@/lib/evidence";
import { evidenceAuditorAccess } from "@/lib/engagements";
import { grantEvidenceAction, revokeEvidenceGrantAction } from "../../compliance/engagements/actions";
import { custodyEventAction, requestTransferAction, respondTransferAction, verifyIntegrityAction } from "../actions";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ label: string }> }) {
  return { title: (await params).label };
}

export default async function EvidencePage({ params }: { params: Promise<{ label: string }> }) {
  const { label } = await params;
  const actor = await requireActor();
  let item: TEvidenceDetail;
  try {
    item = await getEvidence(actor, label);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  const candidates = item.allowed.custody ? await listCustodyCandidates(actor) : [];
  const auditorAccess = item.kind === "digital" && item.status !== "destroyed" ? await evidenceAuditorAccess(actor, item.id) : null;
  const events = item.allowed.custody ? allowedCustodyEvents(item.status, item.legalHold) : [];

  return (
    <>
      <PageHeader
        title={item.label}
        description={item.description}
        actions={
          <div className="actions-row">
            {item.allowed.download ? (
              <a className="button" href={`/api/evidence/${item.label}/download`}>
                Download file
              </a>
            ) : null}
            <a className="button button-secondary" href={`/api/evidence/${item.label}/report`}>
              Chain-of-custody PDF
            </a>
          </div>
        }
      />
      <div className="badges-row">
        <span className={EVIDENCE_STATUS_BADGE[item.status]}>{EVIDENCE_STATUS_LABEL[item.status]}</span>
        {item.legalHold ? <span className="badge badge-warn">Legal hold</span> : null}
        {item.kind === "digital" ? (
          item.lastVerifiedOk === false ? (
            <span className="badge badge-danger">Integrity check failed</span>
          ) : (
            <span className="badge badge-ok">File matches its hash</span>
          )
        ) : (
          <span className="badge badge-neutral">Physical item</span>
        )}
        {item.ledgerProblem ? (
          <span className="badge badge-danger">
            Ledger broken at entry {item.ledgerProblem.sequence} ({item.ledgerProblem.problem})
          </span>
        ) : (
          <span className="badge badge-ok">Ledger intact · {item.ledger.length} entries</span>
        )}
      </div>

      {item.pendingTransfer ? (
        <section className="card card-highlight" aria-labelledby="transfer-heading">
          <h2 id="transfer-heading">Transfer waiting for {item.pendingTransfer.toName}</h2>
          <p>
            {item.pendingTransfer.fromName} asked on {formatWhen(item.pendingTransfer.requestedAt)} to hand this item over for: {item.pendingTransfer.purpose} (at{" "}
            {item.pendingTransfer.location}). Custody moves only when {item.pendingTransfer.toName} accepts.
          </p>
          {item.allowed.respondToTransfer ? <RespondForm action={respondTransferAction.bind(null, item.label)} transferId={item.pendingTransfer.id} /> : null}
        </section>
      ) : null}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="kv">
            <dt>Incident</dt>
            <dd>
              <Link href={`/incidents/${item.incident.reference}`}>{item.incident.reference}</Link>
            </dd>
            <dt>Current custodian</dt>
            <dd>{item.custodianName}</dd>
            <dt>Storage location</dt>
            <dd>{item.storageLocation}</dd>
            <dt>Collected</dt>
            <dd>
              {formatWhen(item.collectedAt)} by {item.collectedByName}
            </dd>
            <dt>How and where</dt>
            <dd>{item.collectionMethod}</dd>
            {item.sourceSystem ? (
              <>
                <dt>Source system</dt>
                <dd>{item.sourceSystem}</dd>
              </>
            ) : null}
            {item.sealNumber ? (
              <>
                <dt>Seal</dt>
                <dd>{item.sealNumber}</dd>
              </>
            ) : null}
            {item.kind === "physical" ? (
              <>
                <dt>Make and model</dt>
                <dd>{[item.make, item.model].filter(Boolean).join(" ") || "—"}</dd>
                <dt>Serial number</dt>
                <dd>{item.serialNumber ?? "—"}</dd>
              </>
            ) : (
              <>
                <dt>File</dt>
                <dd>
                  {item.fileName} · {item.fileType} · {formatSize(item.fileSize)}
                </dd>
                <dt>SHA-256</dt>
                <dd className="mono hash">{item.sha256}</dd>
                <dt>Last integrity check</dt>
                <dd>{item.lastVerifiedAt ? `${formatWhen(item.lastVerifiedAt)}: ${item.lastVerifiedOk ? "matches" : "does not match"}` : "never"}</dd>
              </>
            )}
          </dl>
        </section>
        {item.allowed.custody && (events.length > 0 || isInCustody(item.status)) ? (
          <section className="card" aria-labelledby="custody-heading">
            <h2 id="custody-heading">Custody</h2>
            {!item.pendingTransfer && isInCustody(item.status) ? (
              <details className="disclosure" open={false}>
                <summary>Transfer to a colleague</summary>
                <TransferForm action={requestTransferAction.bind(null, item.label)} candidates={candidates} />
              </details>
            ) : null}
            <CustodyEventForms action={custodyEventAction.bind(null, item.label)} allowed={events} />
            {item.kind === "digital" && item.status !== "destroyed" ? <VerifyForm action={verifyIntegrityAction.bind(null, item.label)} /> : null}
          </section>
        ) : null}
      </div>

      {auditorAccess ? (
        <EvidenceAuditorAccess access={auditorAccess} evidenceId={item.id} grant={grantEvidenceAction.bind(null, item.label)} revoke={revokeEvidenceGrantAction.bind(null, item.label)} />
      ) : null}

      <section className={`card ${styles.ledger}`} aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">Custody ledger</h2>
        <p className="muted">Every hand-over, access and check, oldest first. Each entry&apos;s hash covers the one before it.</p>
        <CustodyTimeline entries={item.ledger} />
      </section>
    </>
  );
}
