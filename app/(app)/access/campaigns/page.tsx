import Link from "next/link";
import { AccessNav } from "@/components/access/access-nav";
import { DUE_BADGE, utcMinute } from "@/components/access/labels";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { CAMPAIGN_STATUS_LABELS, listCampaigns } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { scopeOf } from "@/lib/auth/policy";
import { DUE_STATE_LABELS } from "@/lib/core/clocks/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review campaigns" };

export default async function CampaignsPage() {
  const actor = await requirePagePermission("access.read");
  const campaigns = await listCampaigns(actor);
  return (
    <>
      <PageHeader title="Review campaigns" description="One every 90 days, counted from the previous one's due day. Each opens 14 days before it is due with a snapshot of every account; each system's owner decides on its accounts, and a person who reviewed none of them signs it off." />
      <AccessNav current="/access/campaigns" seeAll={scopeOf(actor, "access.read").kind === "all"} />
      <SimpleTable
        columns={[
          { header: "Campaign", cell: (c) => <Link href={`/access/campaigns/${c.reference}`} className="mono">{c.reference}</Link>, nowrap: true },
          { header: "Due", cell: (c) => <>{c.dueOn} {c.status === "open" ? <span className={DUE_BADGE[c.dueState]}>{c.dueState === "on-time" ? c.dueText : DUE_STATE_LABELS[c.dueState]}</span> : null}</>, nowrap: true },
          { header: "Status", cell: (c) => CAMPAIGN_STATUS_LABELS[c.status] },
          { header: "Decided", cell: (c) => `${c.decidedCount} of ${c.accountCount}` },
          { header: "Signed off", cell: (c) => (c.signedOffAt ? `${c.signedOffByName ?? ""}, ${utcMinute(c.signedOffAt)}` : "") },
        ]}
        rows={campaigns}
        rowKey={(c) => c.id}
        empty="No campaign yet. The first is due 90 days after this module's first record and opens 14 days before."
      />
    </>
  );
}
