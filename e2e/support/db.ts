// Direct access to the e2e test database (DATABASE_URL is set for the Playwright process by
// scripts/with-test-db.ts). Plain pg: no "server-only" modules here.
import pg from "pg";

let pool: pg.Pool | undefined;

export function testDb(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("e2e fixtures need DATABASE_URL: run them with `npm run test:e2e`.");
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, allowExitOnIdle: true });
  return pool;
}
