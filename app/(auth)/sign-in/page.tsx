import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  return (
    <div className="card">
      <h1 className="auth-title">Sign in to Vigil</h1>
      <SignInForm callbackUrl={target} />
    </div>
  );
}
