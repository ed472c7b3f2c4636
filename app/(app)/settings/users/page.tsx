import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { UserTable } from "@/components/users/user-table";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can, ROLE_LABELS, ROLES } from "@/lib/auth/policy";
import { listUsers } from "@/lib/users/list-users";

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
      <form className="toolbar" method="get" role="search" aria-label="Filter users">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder={can(actor, "user.email.read") ? "Name or email" : "Name"} />
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="invited">Invited</option>
            <option value="locked">Locked</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="role">Role</label>
          <select id="role" name="role" defaultValue={query.role}>
            <option value="">Any</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button className="button button-secondary" type="submit">
          Filter
        </button>
      </form>
      <UserTable
        rows={rows.map((r) => ({ ...r, roleLabels: r.roles.map((role) => ROLE_LABELS[role]).join(", ") }))}
        total={total}
        query={query}
      />
    </>
  );
}
