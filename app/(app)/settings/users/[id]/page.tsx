import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { RolesForm, UserActionButton } from "@/components/users/user-actions";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can, ROLE_LABELS, ROLES } from "@/lib/auth/policy";
import { getUser } from "@/lib/users/list-users";
import { changeRolesAction, deactivateUserAction, reactivateUserAction, resetMfaAction, signOutUserAction, unlockUserAction } from "../actions";
import styles from "@/components/users/users.module.css";
import { USER_STATUS_LABELS } from "@/lib/users/types";

export const dynamic = "force-dynamic";
export const metadata = { title: "User" };

function when(iso: string | null): string {
  return iso ? new Date(iso).toUTCString().replace("GMT", "UTC") : "—";
}

const BADGE = { active: "badge badge-ok", invited: "badge badge-neutral", locked: "badge badge-danger", deactivated: "badge badge-warn" } as const;

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("user.read");
  const user = await getUser(actor, (await params).id);
  if (!user) notFound();
  const manage = can(actor, "user.manage");
  const self = actor.kind === "user" && actor.userId === user.id;
  return (
    <>
      <PageHeader title={user.displayName} description={user.email ?? undefined} actions={<span className={BADGE[user.status]}>{USER_STATUS_LABELS[user.status]}</span>} />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Account</h2>
          <dl className="facts">
            <dt>Roles</dt>
            <dd>{user.roles.map((r) => ROLE_LABELS[r]).join(", ")}</dd>
            <dt>Status</dt>
            <dd>{USER_STATUS_LABELS[user.status]}</dd>
            <dt>Two-step sign-in</dt>
            <dd>{user.mfaEnrolled ? "Enrolled" : "Not enrolled"}</dd>
            <dt>Created</dt>
            <dd>{when(user.createdAt)}</dd>
            <dt>Last sign-in</dt>
            <dd>{when(user.lastSignInAt)}</dd>
            {user.lockedUntil ? (
              <>
                <dt>Locked until</dt>
                <dd>{when(user.lockedUntil)}</dd>
              </>
            ) : null}
            {user.accessEndsAt ? (
              <>
                <dt>Access ends</dt>
                <dd>{when(user.accessEndsAt)}</dd>
              </>
            ) : null}
            {user.deactivatedAt ? (
              <>
                <dt>Deactivated</dt>
                <dd>{when(user.deactivatedAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        {manage ? (
          <section className="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">Actions</h2>
            <div className={`actions-row ${styles.actionsColumn}`}>
              {user.lockedUntil || user.status === "locked" ? <UserActionButton action={unlockUserAction} userId={user.id} label="Unlock" /> : null}
              {user.status !== "deactivated" ? <UserActionButton action={signOutUserAction} userId={user.id} label="Sign out everywhere" /> : null}
              {/* Also for accounts without MFA: it issues a fresh enrolment link. */}
              {!self && user.status !== "deactivated" ? (
                <UserActionButton action={resetMfaAction} userId={user.id} label="Reset two-step sign-in" confirm="Remove this person's authenticator and recovery codes?" />
              ) : null}
              {!self && user.status !== "deactivated" ? (
                <UserActionButton action={deactivateUserAction} userId={user.id} label="Deactivate" danger confirm="Deactivate this account? Its sessions end at once." />
              ) : null}
              {user.status === "deactivated" ? <UserActionButton action={reactivateUserAction} userId={user.id} label="Reactivate" /> : null}
            </div>
          </section>
        ) : null}
        {manage ? (
          <section className="card" aria-labelledby="roles-heading">
            <h2 id="roles-heading">Roles and access</h2>
            <RolesForm
              action={changeRolesAction}
              userId={user.id}
              roles={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              selected={user.roles}
              accessEndsAt={user.accessEndsAt ? user.accessEndsAt.slice(0, 10) : ""}
              own={self}
            />
          </section>
        ) : null}
      </div>
    </>
  );
}
