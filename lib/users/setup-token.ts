// First run: while no user exists, `npm start` creates a one-time setup token (stored hashed,
// valid one hour, usable once) and prints the link that creates the first administrator.
// No "server-only" here: scripts/start.ts runs this through a pg client after applying the
// migrations and before `next start`.
import { newId } from "@/lib/ids";
import { SETUP_TOKEN_TTL_MS, newOneTimeToken } from "./one-time-token";

/** Anything with `query(sql, params) => { rows }`: a pg.Client or a pg.Pool. */
export interface TSqlRunner {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Returns the setup link when no user exists yet (earlier unused setup links stop working),
 * or null when Vigil already has users.
 */
export async function issueSetupLinkIfNoUsers(sql: TSqlRunner, baseUrl: string, now: Date = new Date()): Promise<string | null> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "User"`);
  if (Number((rows[0] as { n: number }).n) > 0) return null;
  const { token, tokenHash } = newOneTimeToken();
  await sql.query(`UPDATE "OneTimeToken" SET "expiresAt" = $1 WHERE "purpose" = 'setup' AND "usedAt" IS NULL AND "expiresAt" > $1`, [now]);
  await sql.query(`INSERT INTO "OneTimeToken" ("id", "purpose", "tokenHash", "createdAt", "expiresAt") VALUES ($1, 'setup', $2, $3, $4)`, [
    newId("ott"),
    tokenHash,
    now,
    new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
  ]);
  return `${baseUrl}/setup?token=${token}`;
}
