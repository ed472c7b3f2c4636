import { custodyEntryLabel, type TCustodyEntryView } from "@/lib/evidence/types";
import { formatWhen } from "./labels";


const DETAIL_LABELS: Record<string, string> = {
  sealNumber: "Seal number",
  method: "Sanitisation method (NIST SP 800-88)",
  witness: "Witness",
  releasedTo: "Released to",
  result: "Result",
  reason: "Reason",
  note: "Note",
  format: "Format",
  kind: "Kind",
  size: "Size (bytes)",
  fileType: "File type",
  collectedAt: "Collected at",
};

/** The custody ledger as a timeline, oldest first, every field of every entry. */
export function CustodyTimeline({ entries }: { entries: TCustodyEntryView[] }) {
  return (
    <ol className="timeline" aria-label="Custody ledger">
      {entries.map((e) => {
        const facts = Object.entries(e.details).filter(([key]) => key !== "transferId");
        return (
          <li key={e.sequence} className="timeline-entry">
            <div className="timeline-head">
              <span className="timeline-seq mono">#{e.sequence}</span>
              <strong>{custodyEntryLabel(e)}</strong>
              <span className="muted">by {e.actorName}</span>
            </div>
            <div className="muted timeline-when">
              <time dateTime={e.occurredAt}>{formatWhen(e.occurredAt)}</time>
              {e.actorTimeZone !== "UTC" ? <> · {formatWhen(e.occurredAt, e.actorTimeZone)} ({e.actorTimeZone})</> : null}
            </div>
            <dl className="timeline-facts">
              {e.fromName || e.toName ? (
                <>
                  <dt>From / to</dt>
                  <dd>
                    {e.fromName ?? "—"} → {e.toName ?? "—"}
                  </dd>
                </>
              ) : null}
              {e.location ? (
                <>
                  <dt>Where</dt>
                  <dd>{e.location}</dd>
                </>
              ) : null}
              {e.purpose ? (
                <>
                  <dt>Why</dt>
                  <dd>{e.purpose}</dd>
                </>
              ) : null}
              {facts.map(([key, value]) => (
                <FactRow key={key} label={DETAIL_LABELS[key] ?? key} value={String(value)} />
              ))}
              {e.sha256 ? (
                <>
                  <dt>File SHA-256</dt>
                  <dd className="mono hash">{e.sha256}</dd>
                </>
              ) : null}
              <dt>Entry hash</dt>
              <dd className="mono hash" title={e.hash}>
                {e.hash.slice(0, 16)}…
              </dd>
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
