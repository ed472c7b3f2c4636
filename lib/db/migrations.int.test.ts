// The migration tooling against PostgreSQL: the run's server (scripts/with-test-db.ts, the
// embedded PostgreSQL 18 by default) with temporary migration folders. New migrations are
// computed in scratch databases diffSchema creates and drops itself; they are applied to
// databases made here, named after the run's database so the run drops them.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WIDGET_SCHEMA } from "@/test/support/migration-fixture";
import { createMigration, deployMigrations, diffSchema } from "./migrations";

const SCHEMA = WIDGET_SCHEMA;

let dir: string;
let paths: { migrationsDir: string; schemaPath: string };
let options: { migrationsDir: string; schemaPath: string; serverUrl: string };

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests run through scripts/with-test-db.ts (DATABASE_URL is unset)");
  return url;
}

function urlFor(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type Query = <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string) => Promise<pg.QueryResult<R>>;

/** An empty database of its own on the run's server, for deploying to. */
async function withDatabase<T>(run: (databaseUrl: string, query: Query) => Promise<T>): Promise<T> {
  const name = `${process.env.VIGIL_TEST_DATABASE ?? "vigil_test"}_m${randomBytes(3).toString("hex")}`;
  await onServer(serverUrl(), (c) => c.query(`CREATE DATABASE "${name}"`));
  try {
    return await run(urlFor(name), (sql) => onServer(urlFor(name), (c) => c.query(sql)));
  } finally {
    await onServer(serverUrl(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

async function scratchDatabases(): Promise<string[]> {
  const { rows } = await onServer(serverUrl(), (c) => c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'vigil\\_diff\\_%'"));
  return rows.map((r) => r.datname);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-migrations-"));
  paths = { migrationsDir: path.join(dir, "migrations"), schemaPath: path.join(dir, "schema.prisma") };
  options = { ...paths, serverUrl: serverUrl() };
  await writeFile(paths.schemaPath, SCHEMA);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each case computes migrations in a scratch database and applies them to another.
describe("createMigration and deployMigrations", { timeout: 180_000 }, () => {
  it("writes the first migration, then nothing until the schema changes, then only the change", async () => {
    const first = await createMigration("init", { ...options, now: new Date("2026-01-01T00:00:00Z") });
    expect(first?.name).toBe("20260101000000_init");
    const initSql = await readFile(path.join(first!.path, "migration.sql"), "utf8");
    expect(initSql).toContain('CREATE TABLE "Widget"');
    expect(initSql).not.toContain("CREATE SCHEMA");
    expect(await readFile(path.join(paths.migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );

    expect(await createMigration("again", { ...options, now: new Date("2026-01-02T00:00:00Z") })).toBeNull();
    expect(await readdir(paths.migrationsDir)).toHaveLength(2);

    await writeFile(paths.schemaPath, SCHEMA.replace("  name   String\n", "  name   String\n  note   String?\n"));
    const second = await createMigration("add note", { ...options, now: new Date("2026-01-03T00:00:00Z") });
    expect(second?.name).toBe("20260103000000_add_note");
    const sql = await readFile(path.join(second!.path, "migration.sql"), "utf8");
    expect(sql).toMatch(/^-- AlterTable\nALTER TABLE "Widget" ADD COLUMN\s+"note" TEXT;\n$/);
    expect(second?.warnings).toEqual([]);
  });

  it("refuses a migration that would sort before the last one", async () => {
    await mkdir(path.join(paths.migrationsDir, "20260102000000_later"), { recursive: true });
    await writeFile(path.join(paths.migrationsDir, "20260102000000_later", "migration.sql"), "SELECT 1;\n");
    await expect(createMigration("late", { ...options, now: new Date("2026-01-01T00:00:00Z") })).rejects.toThrow(
      /would not sort after the last one/,
    );
  });

  it("applies pending migrations once and records them in _prisma_migrations", async () => {
    await createMigration("init", options);
    await withDatabase(async (databaseUrl, query) => {
      const { applied } = await deployMigrations({ databaseUrl }, paths);
      expect(applied).toHaveLength(1);
      expect((await deployMigrations({ databaseUrl }, paths)).applied).toEqual([]);
      const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at FROM _prisma_migrations",
      );
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]!.migration_name).toBe(applied[0]);
      expect(rows.rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(rows.rows[0]!.finished_at).not.toBeNull();
    });
    expect(await diffSchema(options)).toBeNull();
  });

  it("reports a failing migration in one line and leaves none of it behind", async () => {
    await createMigration("init", { ...options, now: new Date("2026-01-01T00:00:00Z") });
    await mkdir(path.join(paths.migrationsDir, "20260102000000_broken"));
    await writeFile(
      path.join(paths.migrationsDir, "20260102000000_broken", "migration.sql"),
      'CREATE TABLE "Half" (id INT);\nALTER TABLE "Missing" ADD COLUMN x INT;\n',
    );
    await withDatabase(async (databaseUrl, query) => {
      const failure = await deployMigrations({ databaseUrl }, paths).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/^Migration 20260102000000_broken failed: relation "Missing" does not exist/);
      expect((failure as Error).message).not.toContain("\n");
      expect((await query("SELECT to_regclass('\"Half\"') AS t")).rows).toEqual([{ t: null }]);
      await expect(deployMigrations({ databaseUrl }, paths)).rejects.toThrow(/failed earlier and is still marked as failed/);
    });
  });

});


describe("diffSchema", { timeout: 60_000 }, () => {
  it("leaves no scratch database behind, also when the schema is invalid", async () => {
    const before = await scratchDatabases();
    await writeFile(paths.schemaPath, SCHEMA.replace("colour Colour", "colour Missing"));
    await expect(diffSchema(options)).rejects.toThrow(/Prisma schema is invalid|Missing/);
    expect(await scratchDatabases()).toEqual(before);
  });

  it("says in one line when the server cannot be reached", async () => {
    await expect(diffSchema({ ...options, serverUrl: "postgresql://vigil@127.0.0.1:1/vigil" })).rejects.toThrow(
      /^Cannot connect to the database at 127\.0\.0\.1:1: connect ECONNREFUSED/,
    );
  });
});
