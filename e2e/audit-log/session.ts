// Signing in for the audit log specs. MERGE: align with the identity module's sign-in screen and
// its e2e helper (field labels, MFA step) if they differ; the specs only call signInAs().
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Page } from "@playwright/test";
import pg from "pg";
import type { Role } from "@/lib/auth/policy";

export async function createUser(role: Role): Promise<{ id: string; email: string; password: string }> {
  const id = `usr_e2e${randomBytes(5).toString("hex")}`;
  const email = `${id}@example.test`;
  const password = `pw-${randomBytes(12).toString("base64url")}`;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    await pool.query(
      `INSERT INTO "User" ("id", "email", "displayName", "status", "roles", "passwordHash", "updatedAt")
       VALUES ($1, $2, $3, 'active', ARRAY[$4]::"Role"[], $5, now())`,
      [id, email, `E2E ${role}`, role, await hash(password)],
    );
  } finally {
    await pool.end();
  }
  return { id, email, password };
}

export async function signInAs(page: Page, role: Role): Promise<{ id: string }> {
  const user = await createUser(role);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return { id: user.id };
}
