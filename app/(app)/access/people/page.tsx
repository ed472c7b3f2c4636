import { AccessNav } from "@/components/access/access-nav";
import { PersonForm } from "@/components/access/access-forms";
import { PeopleTable } from "@/components/access/access-tables";
import { PageHeader } from "@/components/ui/page-header";
import { listPeople, personOptions, vigilUserOptions } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { createPersonAction } from "../actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("access.read");
  const { rows, total, query } = await listPeople(actor, await searchParams);
  const canManage = can(actor, "access.manage");
  const [people, users] = canManage ? await Promise.all([personOptions(actor), vigilUserOptions(actor)]) : [[], []];
  return (
    <>
      <PageHeader title="People" description="Employees and contractors, each with a unique identity: start and end days, manager and Vigil account. Once a person's end day has passed, every account they hold must be revoked within 24 hours." />
      <AccessNav current="/access/people" seeAll />
      <PeopleTable rows={rows} total={total} query={query} />
      {canManage ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Add a person</summary>
          <PersonForm action={createPersonAction} people={people} users={users} submitLabel="Add person" />
        </details>
      ) : null}
    </>
  );
}
