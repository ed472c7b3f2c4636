import Link from "next/link";
import { formatWhen } from "@/components/evidence/labels";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import type { TActionState } from "@/lib/core/action-state";
import type { TAuditorActivityRow, TEngagementDetail } from "@/lib/engagements/types";
import { RemoveAuditorForm, RevokeGrantForm } from "./engagement-forms";

type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;
type TAuditor = TEngagementDetail["auditors"][number];
type TGrant = TEngagementDetail["grants"][number];

/** The engagement's auditors with their account state; `remove` adds a remove button per row. */
export function EngagementAuditorsTable({ auditors, remove }: { auditors: TAuditor[]; remove?: TAction }) {
  const columns: TSimpleColumn<TAuditor>[] = [
    { header: "Name", cell: (a) => a.name },
    { header: "Account", cell: (a) => a.accountState },
    { header: "Access ends", cell: (a) => (a.accessEndsAt ? formatWhen(a.accessEndsAt) : "—") },
  ];
  if (remove) columns.push({ header: "Actions", hideHeader: true, cell: (a) => <RemoveAuditorForm action={remove} userId={a.userId} name={a.name} /> });
  return <SimpleTable columns={columns} rows={auditors} rowKey={(a) => a.userId} empty="No auditors on this engagement." />;
}

/** The files shared with the engagement; `revoke` offers to end each live grant. */
export function EngagementGrantsTable({ grants, revoke }: { grants: TGrant[]; revoke?: TAction }) {
  const columns: TSimpleColumn<TGrant>[] = [
    {
      header: "Evidence",
      cell: (g) => (
        <Link className="mono" href={`/evidence/${g.evidenceLabel}`}>
          {g.evidenceLabel}
        </Link>
      ),
    },
    {
      header: "Incident",
      cell: (g) => (
        <Link className="mono" href={`/incidents/${g.incidentReference}`}>
          {g.incidentReference}
        </Link>
      ),
    },
    {
      header: "Granted",
      cell: (g) => (
        <>
          {g.grantedByName}
          <div className="muted small">{formatWhen(g.grantedAt)}</div>
        </>
      ),
    },
    {
      header: "State",
      cell: (g) =>
        g.revokedAt ? <span className="muted">Revoked {formatWhen(g.revokedAt)}</span> : revoke ? <RevokeGrantForm action={revoke} grantId={g.id} label={g.evidenceLabel} /> : "Granted",
    },
  ];
  return <SimpleTable columns={columns} rows={grants} rowKey={(g) => g.id} />;
}

const OUTCOME_BADGE: Record<TAuditorActivityRow["outcome"], string> = { success: "badge badge-ok", denied: "badge badge-danger", failed: "badge badge-warn" };

const ACTIVITY_COLUMNS: TSimpleColumn<TAuditorActivityRow>[] = [
  { header: "When", nowrap: true, cell: (r) => formatWhen(r.occurredAt) },
  { header: "Auditor", cell: (r) => r.actorName },
  { header: "Action", className: "mono", cell: (r) => r.action },
  { header: "Target", className: "mono small", cell: (r) => r.target ?? "—" },
  { header: "Outcome", cell: (r) => <span className={OUTCOME_BADGE[r.outcome]}>{r.outcome}</span> },
];

/** What the engagement's auditors did, newest first, refusals included. */
export function AuditorActivityTable({ rows }: { rows: TAuditorActivityRow[] }) {
  return <SimpleTable columns={ACTIVITY_COLUMNS} rows={rows} rowKey={(r) => r.id} empty="Nothing yet." />;
}
