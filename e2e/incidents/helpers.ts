// People and sessions for the incident specs, through the shared fixtures (e2e/support/users.ts).
import type { Page } from "@playwright/test";
import pg from "pg";
import { createUser as createSharedUser, signIn, type TTestUser } from "../support/users";

export type TRole = "security_lead" | "responder" | "privacy_officer" | "auditor";
export type { TTestUser };

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
  const accessEndsAt = roles.includes("auditor") ? new Date(Date.now() + 30 * 86_400_000) : undefined;
  return createSharedUser({ roles, displayName: name, accessEndsAt });
}

/** Signs the browser in as `user` through the real sign-in page (password and TOTP code). */
export async function signInAs(page: Page, user: TTestUser): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, user);
}

/**
 * Logs an incident through the form; returns its reference. `amazon` answers the policy's
 * question: true or "Yes", "Not known yet", or (the default) "No".
 */
export async function logIncident(page: Page, input: { title: string; amazon?: boolean | "Yes" | "No" | "Not known yet"; pii?: string; detectedAt?: string }): Promise<string> {
  await page.goto("/incidents/new");
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("What happened").fill("A support laptop with order exports was stolen from a parked car.");
  await page.getByLabel("Type").selectOption({ label: "Lost or stolen device" });
  await page.getByLabel("Severity").selectOption({ label: "SEV2 — High" });
  if (input.detectedAt) await page.getByLabel("Detected at").fill(input.detectedAt);
  const answer = input.amazon === true ? "Yes" : input.amazon === false || input.amazon === undefined ? "No" : input.amazon;
  await page.getByRole("group", { name: /Is this a Security Incident/ }).getByRole("radio", { name: new RegExp(`^${answer}\\b`) }).check();
  if (input.pii) {
    await page.getByLabel("Personal data involved").check();
    await page.getByLabel("Personal data details").fill(input.pii);
  }
  await page.getByRole("button", { name: "Log incident" }).click();
  await page.waitForURL(/\/incidents\/INC-\d{4}-\d{4}$/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}
