import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { getIncidentCatalog } from "@/lib/incidents";
import { SeverityDefinitions } from "@/components/incidents/severity-definitions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Incident types" };

/** The response plan's incident types (GS-4a), as its approved version lists them: read here, changed in the plan. */
export default async function IncidentTypesPage() {
  const actor = await requireActor();
  const catalog = await getIncidentCatalog(actor);
  return (
    <>
      <PageHeader
        title="Incident types"
        description="The incident response plan's types, as its version in force lists them: each carries its procedure and its escalation path to Amazon. A retired type is not offered for new incidents and stays on the incidents that have it. Severities are fixed: SEV1 to SEV4."
      />
      <div className="stack">
        <p className="muted">
          The types are part of the incident response plan: {can(actor, "policy.write") ? "add, change or retire them in the plan's draft; they apply once another security lead approves it." : "they change when a new version of the plan is approved."}{" "}
          {can(actor, "policy.read") ? <Link href="/plans">Plans and policies</Link> : null}
        </p>
        {catalog.types.map((type) => (
          <section key={type.id} className="card" aria-labelledby={`type-${type.id}`}>
            <h2 id={`type-${type.id}`}>
              {type.name} {type.active ? null : <span className="badge badge-neutral">Retired</span>}
            </h2>
            <dl className="kv">
              <dt>Description</dt>
              <dd>{type.description}</dd>
              <dt>Procedure</dt>
              <dd className="pre">{type.procedure}</dd>
              <dt>Escalation path</dt>
              <dd className="pre">{type.escalationPath}</dd>
            </dl>
          </section>
        ))}
        <section className="card" aria-labelledby="sev-heading">
          <h2 id="sev-heading">Severities</h2>
          <SeverityDefinitions severities={catalog.severities} />
        </section>
      </div>
    </>
  );
}
