import { AccessNav } from "@/components/access/access-nav";
import { CredentialForm, RotationForm } from "@/components/access/access-forms";
import { CredentialsTable } from "@/components/access/access-tables";
import { PageHeader } from "@/components/ui/page-header";
import { listCredentials, personOptions, systemOptions } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { createCredentialAction, recordRotationAction } from "../actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Credentials" };

export default async function CredentialsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("access.read");
  const { rows, total, query } = await listCredentials(actor, await searchParams);
  const canManage = can(actor, "access.manage");
  const [systems, people] = canManage ? await Promise.all([systemOptions(actor), personOptions(actor)]) : [[], []];
  const today = now().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="Credentials" description="API keys, service tokens and Login with Amazon client secrets: who owns each, where it is used, when it was last rotated and when the next rotation is due. Vigil keeps no secret, at most a fingerprint." />
      <AccessNav current="/access/credentials" seeAll />
      <CredentialsTable rows={rows} total={total} query={query} />
      {canManage ? (
        <div className={`grid grid-2 ${styles.gapAbove}`}>
          <details className="disclosure">
            <summary>Add a credential</summary>
            <CredentialForm action={createCredentialAction} systems={systems} people={people} today={today} />
          </details>
          {rows.map((c) => (
            <details key={c.id} className="disclosure">
              <summary>Record a rotation of {c.reference}</summary>
              <RotationForm action={recordRotationAction.bind(null, c.reference)} today={today} />
            </details>
          ))}
        </div>
      ) : null}
    </>
  );
}
