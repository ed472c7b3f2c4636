import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountForm, SystemForm } from "@/components/access/access-forms";
import { AccountsTable } from "@/components/access/access-tables";
import { SystemFlags } from "@/components/access/flags";
import { RevokeAccountForm } from "@/components/access/revoke-account-form";
import { yesNo } from "@/components/access/labels";
import { PageHeader } from "@/components/ui/page-header";
import { getSystem, listAccounts, personOptions } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { isAppError } from "@/lib/errors";
import { addAccountAction, revokeAccountAction, updateSystemAction } from "../../actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

export default async function SystemPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reference } = await params;
  const search = await searchParams;
  const actor = await requirePagePermission("access.read");
  const load = async () => {
    try {
      return await Promise.all([getSystem(actor, reference), listAccounts(actor, reference, search)]);
    } catch (error) {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
      throw error;
    }
  };
  const [system, accounts] = await load();
  const people = system.canManage ? await personOptions(actor) : [];
  const flaggedOnly = accounts.query.flagged === "flagged";
  const revocable = system.canManage ? accounts.rows.filter((a) => a.status === "active" && !a.revocationDueAt) : [];
  return (
    <>
      <PageHeader
        title={system.name}
        description={`${system.reference} · owner ${system.ownerName ?? "not set"}${system.builtIn ? " · Vigil itself: its accounts are its users, brought in automatically" : ""}`}
        actions={
          <Link className="button button-secondary" href="/access/systems">
            All systems
          </Link>
        }
      />
      {search.imported !== undefined ? (
        <div className="alert alert-ok" role="status">
          Import committed: {String(search.imported)} account(s) added, changed or revoked.
        </div>
      ) : null}
      <section className="card" aria-labelledby="signin-heading">
        <h2 id="signin-heading">Sign-in</h2>
        <dl className="kv">
          <dt>Locks after</dt>
          <dd>{system.lockoutThreshold === null ? "Not known" : `${system.lockoutThreshold} failed attempts`}</dd>
          <dt>Password history</dt>
          <dd>{system.passwordHistory === null ? "Not known" : `last ${system.passwordHistory} refused`}</dd>
          <dt>MFA enforced</dt>
          <dd>{yesNo(system.mfaEnforced)}</dd>
        </dl>
        <SystemFlags flags={system.flags} />
      </section>
      <section className={styles.gapAbove} aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        <p className="small">
          {flaggedOnly ? <Link href={`/access/systems/${reference}`}>Show all accounts</Link> : <Link href={`/access/systems/${reference}?flagged=flagged`}>Show flagged accounts only ({system.flaggedAccounts})</Link>}
          {system.canImport ? (
            <>
              {" · "}
              <Link href={`/access/systems/${reference}/import`}>Import accounts from CSV</Link>
            </>
          ) : null}
        </p>
        <AccountsTable rows={accounts.rows} total={accounts.total} query={accounts.query} />
      </section>
      {system.canManage ? (
        <div className={`grid grid-2 ${styles.gapAbove}`}>
          {system.canImport ? (
            <details className="disclosure">
              <summary>Add an account</summary>
              <AccountForm action={addAccountAction.bind(null, reference)} />
            </details>
          ) : null}
          {revocable.length ? (
            <details className="disclosure">
              <summary>Revoke an account</summary>
              <RevokeAccountForm action={revokeAccountAction.bind(null, reference)} accounts={revocable.map((a) => ({ value: a.id, label: a.identifier }))} />
            </details>
          ) : null}
          <details className="disclosure">
            <summary>Change the system</summary>
            <SystemForm action={updateSystemAction.bind(null, reference)} people={people} system={system} builtIn={system.builtIn} submitLabel="Save system" />
          </details>
        </div>
      ) : null}
    </>
  );
}
