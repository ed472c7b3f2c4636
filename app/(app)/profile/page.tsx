import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm, ReenrolMfaForm, RecoveryCodesForm, SignOutEverywhereForm } from "@/components/users/profile-forms";
import { newEnrolment } from "@/lib/auth/enrolment";
import { requireActor } from "@/lib/auth/current-actor";
import { isReadOnly, ROLE_LABELS } from "@/lib/auth/policy";
import { getProfile } from "@/lib/users";
import { changePasswordAction, reenrolMfaAction, regenerateRecoveryCodesAction, signOutEverywhereAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your profile" };

function when(iso: string | null): string {
  return iso ? new Date(iso).toUTCString().replace("GMT", "UTC") : "never";
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const profile = await getProfile(actor);
  const readOnly = isReadOnly(profile.roles);
  const enrolment = readOnly ? null : await newEnrolment(profile.email);
  return (
    <>
      <PageHeader title="Your profile" description="Your account, password, two-step sign-in and sessions." />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="account-heading">
          <h2 id="account-heading">Account</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{profile.displayName}</dd>
            <dt>Email</dt>
            <dd>{profile.email}</dd>
            <dt>Roles</dt>
            <dd>{profile.roles.map((r) => ROLE_LABELS[r]).join(", ")}</dd>
            <dt>Last sign-in</dt>
            <dd>{when(profile.lastSignInAt)}</dd>
            <dt>Password changed</dt>
            <dd>{when(profile.passwordChangedAt)}</dd>
            <dt>Authenticator enrolled</dt>
            <dd>{when(profile.mfaEnrolledAt)}</dd>
            <dt>Recovery codes left</dt>
            <dd>{profile.recoveryCodesLeft} of 10</dd>
            {profile.accessEndsAt ? (
              <>
                <dt>Access ends</dt>
                <dd>{when(profile.accessEndsAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        {readOnly || !enrolment ? (
          <section className="card" aria-labelledby="read-only-heading">
            <h2 id="read-only-heading">A read-only account</h2>
            <p>
              Your account reads and exports records and changes nothing in Vigil, its own settings included. To change your password or
              authenticator, or to end your sessions elsewhere, ask the security lead who set up your engagement: they can reset two-step
              sign-in or sign you out everywhere. Your access ends on the date above.
            </p>
          </section>
        ) : (
          <>
          <section className="card" aria-labelledby="password-heading">
            <h2 id="password-heading">Change password</h2>
            <ChangePasswordForm action={changePasswordAction} />
          </section>
          <section className="card" aria-labelledby="codes-heading">
            <h2 id="codes-heading">Recovery codes</h2>
            <p className="muted">New codes replace all unused ones.</p>
            <RecoveryCodesForm action={regenerateRecoveryCodesAction} />
          </section>
          <section className="card" aria-labelledby="mfa-heading">
            <h2 id="mfa-heading">Two-step sign-in on a new device</h2>
            <ReenrolMfaForm action={reenrolMfaAction} secret={enrolment.secret} qrDataUrl={enrolment.qrDataUrl} />
          </section>
          <section className="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">Sessions</h2>
            <p className="muted">Ends every session of yours, on every device, including this one.</p>
            <SignOutEverywhereForm action={signOutEverywhereAction} />
          </section>
          </>
        )}
      </div>
    </>
  );
}
