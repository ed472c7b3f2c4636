import Link from "next/link";
import { AccessNav } from "@/components/access/access-nav";
import { ConfirmForm, SettingsForm } from "@/components/access/access-forms";
import { DUE_BADGE } from "@/components/access/labels";
import { PageHeader } from "@/components/ui/page-header";
import { getAccessOverview, getAccessSettings, refreshVigilAccounts } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { DUE_STATE_LABELS } from "@/lib/core/clocks/types";
import { openCampaignAction, updateSettingsAction } from "./actions";
import styles from "@/components/access/access.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Access reviews" };

export default async function AccessPage() {
  const actor = await requirePagePermission("access.read");
  await refreshVigilAccounts();
  const overview = await getAccessOverview(actor);
  const settings = overview.canManage ? await getAccessSettings(actor) : null;
  const open = overview.openCampaign;
  return (
    <>
      <PageHeader
        title="Access reviews"
        description="Who has access to the systems that touch Amazon Information: people, systems (Vigil itself among them), their accounts and credentials. Every 90 days each system's owner reviews its accounts; a leaver's accounts are revoked within 24 hours."
      />
      <AccessNav current="/access" seeAll={overview.canSeeAll} />
      <section className="card" aria-labelledby="campaign-heading">
        <h2 id="campaign-heading">Review campaign</h2>
        {open ? (
          <p>
            <Link href={`/access/campaigns/${open.reference}`} className="mono">
              {open.reference}
            </Link>{" "}
            is open: {open.decidedCount} of {open.accountCount} accounts decided, due {open.dueOn}{" "}
            <span className={DUE_BADGE[open.dueState]}>{open.dueState === "on-time" ? open.dueText : DUE_STATE_LABELS[open.dueState]}</span>
          </p>
        ) : (
          <p className="muted">
            No campaign is open.{" "}
            {overview.nextDueOn ? `The next is due on ${overview.nextDueOn} and opens 14 days before.` : "The first is due 90 days after the first record of this module."}
          </p>
        )}
        {overview.canManage && !open ? <ConfirmForm action={openCampaignAction} label="Open the next campaign now" pending="Opening…" ariaLabel="Open a campaign" confirm="Open the next review campaign now, with a snapshot of every account?" /> : null}
      </section>
      {overview.canSeeAll ? (
        <div className={`${styles.stats} ${styles.gapAbove}`}>
          <Stat label="People" value={overview.people} href="/access/people" />
          <Stat label="Leavers still holding accounts" value={overview.leavers} href="/access/people" alert={overview.leavers > 0} />
          <Stat label="Systems in scope" value={overview.systems} href="/access/systems" />
          <Stat label="Active accounts" value={overview.accounts} href="/access/systems" />
          <Stat label="Flagged accounts" value={overview.flaggedAccounts} href="/access/systems" alert={overview.flaggedAccounts > 0} />
          <Stat label="Credentials due for rotation within 30 days" value={overview.credentialsDue} href="/access/credentials" alert={overview.credentialsDue > 0} />
        </div>
      ) : (
        <p className={`muted ${styles.gapAbove}`}>You review the accounts of the systems you own: see Systems and accounts, and the open campaign.</p>
      )}
      {settings ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Settings</summary>
          <SettingsForm action={updateSettingsAction} settings={settings} />
        </details>
      ) : null}
    </>
  );
}

function Stat({ label, value, href, alert }: { label: string; value: number; href: string; alert?: boolean }) {
  return (
    <Link href={href} className={`card ${styles.stat}`}>
      <strong className={alert ? `${styles.statValue} ${styles.statAlert}` : styles.statValue}>{value}</strong>
      <span className={styles.statLabel}>{label}</span>
    </Link>
  );
}
