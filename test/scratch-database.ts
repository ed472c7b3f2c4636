// A migrated PostgreSQL database of its own for one test file, on the same server as the run's
// test database, dropped afterwards: for tests that need an exact chain (tampering, pruning,
// concurrent writers) without disturbing the shared database. Named after the run's database,
// so scripts/with-test-db.ts drops it with the run.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { deployMigrations } from "@/lib/db/migrations";

export interface TScratchDatabase {
  name: string;
  url: string;
  /** A Prisma client with its own pool (max connections as given). */
  client(max?: number): PrismaClient;
  /** A superuser pg pool on the database. */
  admin: pg.Pool;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const current = process.env.DATABASE_URL;
  if (!current) throw new Error("Integration tests run through scripts/with-test-db.ts (DATABASE_URL is unset)");
  return current;
}

export function urlFor(database: string, user?: string, password?: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  if (user) {
    url.username = user;
    url.password = password ?? "";
  }
  return url.toString();
}

export async function createScratchDatabase(): Promise<TScratchDatabase> {
  const name = `${process.env.VIGIL_TEST_DATABASE ?? "vigil_test"}_s${randomBytes(3).toString("hex")}`;
  const server = new pg.Client({ connectionString: serverUrl() });
  await server.connect();
  await server.query(`CREATE DATABASE "${name}"`);
  await server.end();
  const url = urlFor(name);
  await deployMigrations({ databaseUrl: url });
  const clients: PrismaClient[] = [];
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  return {
    name,
    url,
    admin,
    client(max = 4) {
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.map((c) => c.$disconnect()));
      await admin.end();
      // The database itself goes when the run ends (scripts/with-test-db.ts drops every copy
      // named after the run's database): a forced drop now could cut a connection a pool still
      // holds and surface as an unhandled error in whichever test runs next.
    },
  };
}

/**
 * A non-superuser role acting as the application: it may read and write every table (as an
 * application role does) but owns none of them.
 */
export async function createAppRole(database: TScratchDatabase): Promise<{ role: string; url: string }> {
  const role = `vigil_app_${randomBytes(3).toString("hex")}`;
  // A password of its own: the embedded server asks for one on every connection.
  const password = randomBytes(12).toString("hex");
  await database.admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
  await database.admin.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
  await database.admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO "${role}"`);
  await database.admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
  return { role, url: urlFor(database.name, role, password) };
}

export async function dropRole(database: TScratchDatabase, role: string): Promise<void> {
  await database.admin.query(`DROP OWNED BY "${role}"`);
  await database.admin.query(`DROP ROLE IF EXISTS "${role}"`);
}
