import { EnrolForm } from "@/components/auth/enrol-form";
import { newEnrolment } from "@/lib/auth/enrolment";
import { isSetupTokenValid } from "@/lib/users/complete-setup";
import { setupAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up Vigil" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const valid = await isSetupTokenValid(token);
  if (!valid) {
    return (
      <div className="card card-wide">
        <h1 className="auth-title">Set up Vigil</h1>
        <p>
          This page needs the one-time setup link that Vigil prints when it starts with no users. The link is valid for one hour and works
          once.
        </p>
        <p>
          To get a link, restart Vigil (<code>npm start</code>) while no account exists and open the address it prints. If Vigil already
          has users, ask an administrator to invite you instead.
        </p>
      </div>
    );
  }
  const { secret, qrDataUrl } = await newEnrolment("first administrator");
  return (
    <div className="card card-wide">
      <h1 className="auth-title">Create the first administrator</h1>
      <p className="muted">
        This account manages users and settings. Use your own email: every account in Vigil belongs to one person.
      </p>
      <EnrolForm action={setupAction} token={token!} secret={secret} qrDataUrl={qrDataUrl} askIdentity passwordMode="new" submitLabel="Create administrator" offerSecurityLead />
    </div>
  );
}
