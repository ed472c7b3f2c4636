// People and sessions for the incident specs. Users are created straight in the test database
// (DATABASE_URL, the run's own database); sign-in goes through Vigil's sign-in page.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import pg from "pg";

export type TRole = "security_lead" | "responder" | "privacy_officer" | "auditor";

export interface TTestUser {
  id: string;
  email: string;
  password: string;
  roles: TRole[];
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function createUser(roles: TRole[], name: string): Promise<TTestUser> {
  const id = `usr_e2e${randomBytes(6).toString("hex")}`;
  const email = `${id}@example.test`;
  const password = `Pw-${randomBytes(12).toString("base64url")}`;
  await sql(
    `INSERT INTO "User" ("id", "email", "displayName", "status", "roles", "timeZone", "passwordHash", "updatedAt")
     VALUES ($1, $2, $3, 'active', $4::"Role"[], 'UTC', $5, now())`,
    [id, email, name, roles, await hash(password)],
  );
  return { id, email, password, roles };
}

/**
 * Signs the browser in as `user`.
 * MERGE: this drives the identity module's sign-in page (email, password); if it also asks for
 * a TOTP code, use the identity module's e2e sign-in helper here instead.
 * Before merge only, E2E_PRE_MERGE_ACTOR_COOKIE=1 lets a local, uncommitted getActor() stub read
 * the actor from a cookie, so these specs can be run against the screens; nothing in Vigil
 * reads that cookie.
 */
export async function signInAs(page: Page, user: TTestUser): Promise<void> {
  if (process.env.E2E_PRE_MERGE_ACTOR_COOKIE === "1") {
    await page.context().clearCookies();
    await page.context().addCookies([{ name: "hack-actor", value: `${user.id}:${user.roles[0]}`, url: `http://localhost:${process.env.E2E_PORT ?? 3100}` }]);
    return;
  }
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** Logs an incident through the form; returns its reference. */
export async function logIncident(page: Page, input: { title: string; amazon?: boolean; pii?: string; detectedAt?: string }): Promise<string> {
  await page.goto("/incidents/new");
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("What happened").fill("A support laptop with order exports was stolen from a parked car.");
  await page.getByLabel("Type").selectOption({ label: "Lost or stolen device" });
  await page.getByLabel("Severity").selectOption({ label: "SEV2 — High" });
  if (input.detectedAt) await page.getByLabel("Detected at").fill(input.detectedAt);
  if (input.amazon) await page.getByLabel("Amazon Information may be involved").check();
  if (input.pii) {
    await page.getByLabel("Personal data involved").check();
    await page.getByLabel("Personal data details").fill(input.pii);
  }
  await page.getByRole("button", { name: "Log incident" }).click();
  await page.waitForURL(/\/incidents\/INC-\d{4}-\d{4}$/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}
