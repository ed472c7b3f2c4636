import Link from "next/link";
import { notFound } from "next/navigation";
import { PhysicalEvidenceForm } from "@/components/evidence/physical-form";
import { EvidenceUploadForm } from "@/components/evidence/upload-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { getEvidenceUploadContext } from "@/lib/evidence";
import { createPhysicalEvidenceAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Add evidence" };

export default async function NewEvidencePage({ searchParams }: { searchParams: Promise<{ incident?: string }> }) {
  const actor = await requireActor();
  const reference = (await searchParams).incident;
  if (!reference) notFound();
  let context: Awaited<ReturnType<typeof getEvidenceUploadContext>>;
  try {
    context = await getEvidenceUploadContext(actor, reference);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
  return (
    <>
      <PageHeader
        title="Add evidence"
        description={`For ${context.reference}: ${context.title}. Collection is the first entry of the item's custody ledger, with you as custodian.`}
        actions={
          <Link className="button button-secondary" href={`/incidents/${context.reference}`}>
            Back to the incident
          </Link>
        }
      />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="upload-heading">
          <h2 id="upload-heading">Upload a file</h2>
          <p className="muted">Hashed with SHA-256 and encrypted as it arrives; the original name is kept only as a label.</p>
          <EvidenceUploadForm incidentReference={context.reference} maxBytesText={context.maxBytesText} />
        </section>
        <section className="card" aria-labelledby="physical-heading">
          <h2 id="physical-heading">Record a physical item</h2>
          <p className="muted">A laptop, a drive, a paper record: what it is, where it is kept.</p>
          <PhysicalEvidenceForm action={createPhysicalEvidenceAction.bind(null, context.reference)} />
        </section>
      </div>
    </>
  );
}
