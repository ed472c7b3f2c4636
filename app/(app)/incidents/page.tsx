import Link from "next/link";
import { IncidentTable } from "@/components/incidents/incident-table";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { getIncidentCatalog, listIncidents } from "@/lib/incidents";
import { CLOCK_LABELS, CLOCK_STATES, INCIDENT_STATUSES, STATUS_LABELS } from "@/lib/incidents/types";
import { utcToZonedLocal } from "@/lib/core/time-zones";

export const dynamic = "force-dynamic";
export const metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "incident.read")) return <NotAllowed title="Incidents" who="Security leads, privacy officers, auditors and the people an incident is assigned to can." />;
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
  const [page, catalog] = await Promise.all([listIncidents(actor, flat), getIncidentCatalog(actor)]);
  const q = page.query;
  const exportParams = new URLSearchParams(Object.entries(flat).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "page"));
  const rows = page.rows.map((r) => ({
    ...r,
    detectedAtText: utcToZonedLocal(new Date(r.detectedAt), catalog.timeZone).replace("T", " "),
  }));

  return (
    <>
      <PageHeader
        title="Incidents"
        description={`Times in ${catalog.timeZone}. The Amazon clock runs 24 hours from detection.`}
        actions={
          <span className="form-actions">
            <Link className="button button-secondary" href="/incidents/types">
              Types and procedures
            </Link>
            {can(actor, "incident.export") ? (
              <a className="button button-secondary" href={`/api/incidents/export?${exportParams.toString()}`}>
                Export CSV
              </a>
            ) : null}
            {can(actor, "incident.create") ? (
              <Link className="button" href="/incidents/new">
                Log incident
              </Link>
            ) : null}
          </span>
        }
      />
      <form className="filters card" method="get" aria-label="Filter incidents">
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={q.q ?? ""} placeholder="Reference, title, summary" />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={q.status.join(",")}>
            <option value="">Any</option>
            <option value="open">Open (not closed)</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="severity">Severity</label>
          <select id="severity" name="severity" defaultValue={q.severity.join(",")}>
            <option value="">Any</option>
            {["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="type">Type</label>
          <select id="type" name="type" defaultValue={q.type ?? ""}>
            <option value="">Any</option>
            {catalog.types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="clock">Amazon clock</label>
          <select id="clock" name="clock" defaultValue={q.clock.join(",")}>
            <option value="">Any</option>
            {CLOCK_STATES.map((c) => (
              <option key={c} value={c}>
                {CLOCK_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">Detected from</label>
          <input id="from" name="from" type="date" defaultValue={q.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">to</label>
          <input id="to" name="to" type="date" defaultValue={q.to ?? ""} />
        </div>
        <div className="form-actions">
          <button className="button" type="submit">
            Filter
          </button>
          <Link className="button button-secondary" href="/incidents">
            Clear
          </Link>
        </div>
      </form>
      <IncidentTable rows={rows} total={page.total} query={q} serverNow={now().toISOString()} />
    </>
  );
}
