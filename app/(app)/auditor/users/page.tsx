import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { listPeopleForAudit } from "@/lib/compliance";
import { USER_STATUS_LABELS } from "@/lib/users/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Users and roles" };

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export default async function AuditorUsersPage() {
  const actor = await requireActor();
  const people = await listPeopleForAudit(actor);
  return (
    <>
      <PageHeader title="Users and roles" description="Every account with access to Vigil, its roles and status. Accounts are never deleted, only deactivated." />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">MFA</th>
              <th scope="col">Created</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Access ends</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.displayName}</td>
                <td>{p.roles.join(", ") || "—"}</td>
                <td>{USER_STATUS_LABELS[p.status]}</td>
                <td>{p.mfa ? "Enrolled" : "Not enrolled"}</td>
                <td>{day(p.createdAt)}</td>
                <td>{day(p.lastSignInAt)}</td>
                <td>{day(p.accessEndsAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
