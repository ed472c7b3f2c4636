import { AccessNav } from "@/components/access/access-nav";
import { SystemForm } from "@/components/access/access-forms";
import { SystemsTable } from "@/components/access/access-tables";
import { PageHeader } from "@/components/ui/page-header";
import { listSystems, personOptions, refreshVigilAccounts } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can, scopeOf } from "@/lib/auth/policy";
import { createSystemAction } from "../actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Systems and accounts" };

export default async function SystemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("access.read");
  await refreshVigilAccounts();
  const { rows, total, query } = await listSystems(actor, await searchParams);
  const canManage = can(actor, "access.manage");
  const people = canManage ? await personOptions(actor) : [];
  const seeAll = scopeOf(actor, "access.read").kind === "all";
  return (
    <>
      <PageHeader
        title="Systems and accounts"
        description={seeAll ? "Every system that touches Amazon Information, with its owner, who reviews its accounts, and how sign-in is protected: lockout after at most 10 attempts, a password history of at least 10, MFA." : "The systems you own: you review their accounts."}
      />
      <AccessNav current="/access/systems" seeAll={seeAll} />
      <SystemsTable rows={rows} total={total} query={query} />
      {canManage ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Add a system</summary>
          <SystemForm action={createSystemAction} people={people} submitLabel="Add system" />
        </details>
      ) : null}
    </>
  );
}
