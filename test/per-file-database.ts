// Every integration test file gets its own database, copied from the run's freshly migrated
// one (scripts/with-test-db.ts), so files never see each other's rows. Copying a template is
// far faster than migrating again.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";

const template = process.env.VIGIL_TEST_DATABASE;

function urlFor(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// One connection per test process: a unit of work that asks for a second connection while its
// transaction is open (instead of joining it) times out here instead of passing unnoticed.
process.env.VIGIL_DATABASE_POOL_SIZE ??= "1";

if (template) {
  const name = `${template}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  process.env.DATABASE_URL = urlFor(name);
  afterAll(async () => {
    const shared = (globalThis as { vigilPrisma?: { $disconnect(): Promise<void> } }).vigilPrisma;
    await shared?.$disconnect().catch(() => undefined);
    // Not dropped here: work a test started may still hold a connection, and a forced drop would
    // cut it mid-run. scripts/with-test-db.ts drops every per-file copy once the run has ended.
  });
}
