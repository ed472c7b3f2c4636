import { ActionForm, Field } from "@/components/forms/action-form";
import { LegalRequestTable } from "@/components/legal-requests/legal-request-table";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { NotAllowed } from "@/components/ui/not-allowed";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { getIncidentCatalog } from "@/lib/incidents";
import { listLegalRequests } from "@/lib/legal-requests";
import { LEGAL_REQUEST_STATUS_LABEL } from "@/lib/legal-requests/types";
import { createLegalRequestAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Legal requests" };

export default async function LegalRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "legal-request.read")) return <NotAllowed title="Legal requests" who="Security leads, privacy officers and auditors can." />;
  const [{ rows, total, query }, catalog] = await Promise.all([listLegalRequests(actor, await searchParams), getIncidentCatalog(actor).catch(() => ({ timeZone: "UTC" }))]);
  return (
    <>
      <PageHeader title="Legal-process requests" description="Subpoenas, court orders and authority requests for Amazon's data: inform Amazon within 24 hours of receipt." />
      <div className="stack">
        <div>
          <FilterForm label="Filter legal-process requests" keep={{ sort: query.sort, dir: query.dir }}>
            <TextFilter name="q" label="Search" value={query.q} placeholder="Reference or party" />
            <SelectFilter name="status" label="Status" value={query.status} labels={LEGAL_REQUEST_STATUS_LABEL} anyLabel={null} />
          </FilterForm>
          <LegalRequestTable rows={rows} total={total} query={query} timeZone={catalog.timeZone} serverNow={now().toISOString()} />
        </div>
        {can(actor, "legal-request.manage") ? (
          <section className="card" aria-labelledby="new-heading">
            <h2 id="new-heading">Record a request</h2>
            <ActionForm action={createLegalRequestAction} submitLabel="Record request" resetOnSuccess={false} ariaLabel="Record a legal-process request">
              <input type="hidden" name="timeZone" value={catalog.timeZone} />
              <div className="form-grid">
                <Field name="receivedAt" label="Received at" type="datetime-local" hint={`Leave empty for now. Your time zone: ${catalog.timeZone}.`} />
                <Field name="requestingParty" label="From whom" required placeholder="e.g. District Court of Example" />
                <div className="span-2">
                  <Field name="dataSought" label="What data is sought" as="textarea" rows={3} required />
                </div>
                <div className="span-2">
                  <Field name="description" label="Notes" as="textarea" rows={2} />
                </div>
              </div>
            </ActionForm>
          </section>
        ) : null}
      </div>
    </>
  );
}
