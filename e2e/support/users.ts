// e2e fixtures for every module: create a user with roles straight in the test database, and
// sign in through the real sign-in page with password + TOTP.
//
//   const user = await createUser({ roles: ["security_lead"] });
//   await signIn(page, user);            // lands on "/" (or pass a path to open afterwards)
//   const code = await nextTotpCode(user); // a fresh, never-used code for forms that ask for one
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { encryptField } from "@/lib/crypto/field-encryption";
import { parseKeyRing } from "@/lib/crypto/keys";
import { newId } from "@/lib/ids";
import { newTotpSecret, stepAt, totpCode, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";
import type { Role } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";

export interface TTestUser {
  id: string;
  email: string;
  displayName: string;
  password: string;
  totpSecret: string;
  roles: Role[];
}

export interface TCreateUser {
  roles: Role[];
  email?: string;
  displayName?: string;
  /** Auditors need one (at most 90 days away); a past date makes an account that cannot sign in. */
  accessEndsAt?: Date | null;
  status?: "active" | "invited" | "locked" | "deactivated";
}

function keyRing() {
  const keys = process.env.E2E_ENCRYPTION_KEYS;
  if (!keys) throw new Error("E2E_ENCRYPTION_KEYS is not set: playwright.config.ts sets it for the server and the fixtures.");
  return parseKeyRing(keys);
}

/** Creates an active, MFA-enrolled account directly in the test database. */
export async function createUser(options: TCreateUser): Promise<TTestUser> {
  const id = newId("usr");
  const suffix = randomBytes(4).toString("hex");
  const email = (options.email ?? `${options.roles[0] ?? "user"}-${suffix}@e2e.vigil.test`).toLowerCase();
  const displayName = options.displayName ?? `Test ${options.roles.join(" ")} ${suffix}`;
  const password = `e2e-${randomBytes(12).toString("base64url")}-passphrase`;
  const totpSecret = newTotpSecret();
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const mfaSecretEnc = encryptField(totpSecret, `user:${id}:mfaSecret`, keyRing());
  const now = new Date();
  await testDb().query(
    `INSERT INTO "User" ("id", "email", "displayName", "status", "roles", "passwordHash", "passwordChangedAt", "mfaSecretEnc", "mfaEnrolledAt", "accessEndsAt", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5::"Role"[], $6, $7, $8, $7, $9, $7, $7)`,
    [id, email, displayName, options.status ?? "active", options.roles, passwordHash, now, mfaSecretEnc, options.accessEndsAt ?? null],
  );
  return { id, email, displayName, password, totpSecret, roles: options.roles };
}

// The server accepts each code once (per 30-second step): remember the last step used per secret.
const lastStep = new Map<string, bigint>();

/** A TOTP code that has not been used yet: waits for the next 30-second step when needed. */
export async function nextTotpCode(user: Pick<TTestUser, "totpSecret">): Promise<string> {
  for (;;) {
    const at = new Date();
    const step = stepAt(at);
    const used = lastStep.get(user.totpSecret);
    // Avoid the last second of a step: the request could arrive in the next one (still fine, ±1 step) — but keep it simple.
    if (used === undefined || step > used) {
      lastStep.set(user.totpSecret, step);
      return totpCode(user.totpSecret, at);
    }
    const msLeft = (Number(step) + 1) * TOTP_PERIOD_SECONDS * 1000 - at.getTime();
    await new Promise((resolve) => setTimeout(resolve, msLeft + 50));
  }
}

/** Tells the fixture a code for this step was used elsewhere (e.g. during enrolment in the browser). */
export function markTotpStepUsed(totpSecret: string, at: Date = new Date()): void {
  const step = stepAt(at);
  const used = lastStep.get(totpSecret);
  if (used === undefined || step > used) lastStep.set(totpSecret, step);
}

/** Signs in through /sign-in with email, password and a fresh TOTP code; waits for the app shell. */
export async function signIn(page: Page, user: Pick<TTestUser, "email" | "password" | "totpSecret" | "displayName">, then = "/"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(then)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByLabel("Authentication code").fill(await nextTotpCode(user));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: user.displayName })).toBeVisible();
}

/** Signs out with the top bar's control. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
