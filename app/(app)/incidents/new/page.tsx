import { PageHeader } from "@/components/ui/page-header";
import { IncidentForm } from "@/components/incidents/incident-form";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/current-actor";
import { getIncidentCatalog } from "@/lib/incidents";
import { createIncidentAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Log an incident" };

export default async function NewIncidentPage() {
  const actor = await requireActor();
  const catalog = await getIncidentCatalog(actor);
  return (
    <>
      <PageHeader title="Log an incident" description="Record what you know now. Everything can be completed while the incident is worked." />
      <section className="card">
        <IncidentForm action={createIncidentAction} catalog={catalog} timeZone={catalog.timeZone} canWritePii={can(actor, "pii.write")} />
      </section>
    </>
  );
}
