// Signing in for the audit log specs, through the shared fixtures (real sign-in page, password + TOTP).
import type { Page } from "@playwright/test";
import type { Role } from "@/lib/auth/policy";
import { createUser, signIn } from "../support/users";

export async function signInAs(page: Page, role: Role): Promise<{ id: string }> {
  const user = await createUser({ roles: [role], ...(role === "auditor" ? { accessEndsAt: new Date(Date.now() + 30 * 86_400_000) } : {}) });
  await signIn(page, user);
  return { id: user.id };
}
