import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { FilterForm, SelectFilter, TextFilter } from "@/components/ui/filter-form";
import { UserTable } from "@/components/users/user-table";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can, ROLE_LABELS, ROLES } from "@/lib/auth/policy";
import { listUsers } from "@/lib/users/list-users";
import { USER_STATUS_LABELS } from "@/lib/users/types";

// The filter offers the statuses in the order people look for them.
const USER_STATUS_FILTER_LABELS = { active: USER_STATUS_LABELS.active, invited: USER_STATUS_LABELS.invited, locked: USER_STATUS_LABELS.locked, deactivated: USER_STATUS_LABELS.deactivated };

export const dynamic = "force-dynamic";
export const metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("user.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { rows, total, query } = await listUsers(actor, raw);
  return (
    <>
      <PageHeader
        title="Users"
        description="Every person with access to Vigil. Accounts are never deleted: deactivate them."
        actions={
          can(actor, "user.manage") ? (
            <Link className="button" href="/settings/users/new">
              Invite a user
            </Link>
          ) : null
        }
      />
      <FilterForm label="Filter users" keep={{ sort: query.sort, dir: query.dir }}>
        <TextFilter name="q" label="Search" type="search" value={query.q} placeholder={can(actor, "user.email.read") ? "Name or email" : "Name"} />
        <SelectFilter name="status" label="Status" value={query.status} labels={USER_STATUS_FILTER_LABELS} />
        <SelectFilter name="role" label="Role" value={query.role} labels={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </FilterForm>
      <UserTable
        rows={rows.map((r) => ({ ...r, roleLabels: r.roles.map((role) => ROLE_LABELS[role]).join(", ") }))}
        total={total}
        query={query}
      />
    </>
  );
}
