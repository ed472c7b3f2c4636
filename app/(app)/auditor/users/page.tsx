import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable, type TSimpleColumn } from "@/components/ui/simple-table";
import { requireActor } from "@/lib/auth/current-actor";
import { listPeopleForAudit } from "@/lib/compliance";
import { USER_STATUS_LABELS } from "@/lib/users/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users and roles" };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

type TPerson = Awaited<ReturnType<typeof listPeopleForAudit>>[number];

const COLUMNS: TSimpleColumn<TPerson>[] = [
  { header: "Name", cell: (p) => p.displayName },
  { header: "Roles", cell: (p) => p.roles.join(", ") || "—" },
  { header: "Status", cell: (p) => USER_STATUS_LABELS[p.status] },
  { header: "MFA", cell: (p) => (p.mfa ? "Enrolled" : "Not enrolled") },
  { header: "Created", cell: (p) => day(p.createdAt) },
  { header: "Last sign-in", cell: (p) => day(p.lastSignInAt) },
  { header: "Access ends", cell: (p) => day(p.accessEndsAt) },
];

export default async function AuditorUsersPage() {
  const actor = await requireActor();
  const people = await listPeopleForAudit(actor);
  return (
    <>
      <PageHeader title="Users and roles" description="Every account with access to Vigil, its roles and status. Accounts are never deleted, only deactivated." />
      <SimpleTable columns={COLUMNS} rows={people} rowKey={(p) => p.id} />
    </>
  );
}
