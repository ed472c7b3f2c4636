import { EnrolForm } from "@/components/auth/enrol-form";
import { newEnrolment } from "@/lib/auth/enrolment";
import { getInvitation } from "@/lib/users/accept-invitation";
import { acceptInvitationAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join Vigil" };

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const invitation = await getInvitation(token);
  if (!invitation) {
    return (
      <div className="card card-wide">
        <h1 className="auth-title">This link does not work</h1>
        <p>It has expired or was already used. Ask your Vigil administrator for a new link.</p>
      </div>
    );
  }
  const { secret, qrDataUrl } = await newEnrolment(invitation.email);
  return (
    <div className="card card-wide">
      <h1 className="auth-title">{invitation.hasPassword ? "Set up your authenticator again" : "Join Vigil"}</h1>
      <p className="muted">
        Signing in as <strong>{invitation.email}</strong> ({invitation.displayName}).
        {invitation.hasPassword ? " Your administrator reset your two-step sign-in: confirm your password and enrol your app." : ""}
      </p>
      <EnrolForm
        action={acceptInvitationAction}
        token={token!}
        secret={secret}
        qrDataUrl={qrDataUrl}
        askIdentity={false}
        passwordMode={invitation.hasPassword ? "current" : "new"}
        submitLabel={invitation.hasPassword ? "Enrol authenticator" : "Create my account"}
      />
    </div>
  );
}
