import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonForm } from "@/components/access/access-forms";
import { PageHeader } from "@/components/ui/page-header";
import { getPerson, personOptions, vigilUserOptions } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { isAppError } from "@/lib/errors";
import { updatePersonAction } from "../../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

export default async function PersonPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("access.read");
  const person = await getPerson(actor, reference).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canManage = can(actor, "access.manage");
  const [people, users] = canManage ? await Promise.all([personOptions(actor), vigilUserOptions(actor)]) : [[], []];
  return (
    <>
      <PageHeader
        title={person.displayName}
        description={`${person.reference} · ${person.kind === "employee" ? "Employee" : "Contractor"}${person.jobTitle ? ` · ${person.jobTitle}` : ""}`}
        actions={
          <Link className="button button-secondary" href="/access/people">
            All people
          </Link>
        }
      />
      <section className="card" aria-labelledby="person-heading">
        <h2 id="person-heading">Details</h2>
        <dl className="kv">
          <dt>Manager</dt>
          <dd>{person.managerName ?? "None"}</dd>
          <dt>Vigil account</dt>
          <dd>{person.userName ?? "None"}</dd>
          <dt>Starts</dt>
          <dd>{person.startsOn ?? "Not recorded"}</dd>
          <dt>Ends</dt>
          <dd>{person.endsOn ? `${person.endsOn}${person.hasLeft ? " (has left)" : ""}` : "Not set"}</dd>
          <dt>Active accounts</dt>
          <dd>{person.activeAccounts}</dd>
        </dl>
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Change</h2>
          <PersonForm action={updatePersonAction.bind(null, reference)} people={people.filter((p) => p.value !== person.id)} users={users} person={person} submitLabel="Save person" />
        </section>
      ) : null}
    </>
  );
}
