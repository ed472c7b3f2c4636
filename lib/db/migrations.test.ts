// The migration tooling against in-memory PGlite databases and temporary migration folders:
// no PostgreSQL needed. Loading the WebAssembly engine takes a second or two.
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createMigration,
  deployMigrations,
  describeDatabaseUrl,
  diffSchema,
  migrationSlug,
  migrationTimestamp,
  migrationWarnings,
  readMigrationsList,
} from "./migrations";

const SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Colour {
  red
  green
}

model Widget {
  id     String @id
  name   String
  colour Colour @default(red)
}
`;

let dir: string;
let paths: { migrationsDir: string; schemaPath: string };

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-migrations-"));
  paths = { migrationsDir: path.join(dir, "migrations"), schemaPath: path.join(dir, "schema.prisma") };
  await writeFile(paths.schemaPath, SCHEMA);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withPglite<T>(run: (pglite: PGlite) => Promise<T>): Promise<T> {
  const pglite = new PGlite();
  try {
    return await run(pglite);
  } finally {
    await pglite.close();
  }
}

describe("migration names", () => {
  it("slugs the name and stamps it with the UTC time", () => {
    expect(migrationSlug("  Add Incident-Owners ")).toBe("add_incident_owners");
    expect(() => migrationSlug("!!!")).toThrow(/Invalid migration name/);
    expect(migrationTimestamp(new Date("2026-03-04T05:06:07.890Z"))).toBe("20260304050607");
  });

  it("describes a connection string by host and port only", () => {
    expect(describeDatabaseUrl("postgresql://vigil:secret@db.internal:6543/vigil")).toBe("db.internal:6543");
    expect(describeDatabaseUrl("postgres://postgres@127.0.0.1/x")).toBe("127.0.0.1:5432");
  });
});

// Each case starts in-memory PGlite instances (seconds each, more on a loaded machine).
describe("createMigration and deployMigrations", { timeout: 180_000 }, () => {
  it("writes the first migration, then nothing until the schema changes, then only the change", async () => {
    const first = await createMigration("init", { ...paths, now: new Date("2026-01-01T00:00:00Z") });
    expect(first?.name).toBe("20260101000000_init");
    const initSql = await readFile(path.join(first!.path, "migration.sql"), "utf8");
    expect(initSql).toContain('CREATE TABLE "Widget"');
    expect(initSql).not.toContain("CREATE SCHEMA");
    expect(await readFile(path.join(paths.migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );

    expect(await createMigration("again", { ...paths, now: new Date("2026-01-02T00:00:00Z") })).toBeNull();
    expect(await readdir(paths.migrationsDir)).toHaveLength(2);

    await writeFile(paths.schemaPath, SCHEMA.replace("  name   String\n", "  name   String\n  note   String?\n"));
    const second = await createMigration("add note", { ...paths, now: new Date("2026-01-03T00:00:00Z") });
    expect(second?.name).toBe("20260103000000_add_note");
    const sql = await readFile(path.join(second!.path, "migration.sql"), "utf8");
    expect(sql).toMatch(/^-- AlterTable\nALTER TABLE "Widget" ADD COLUMN\s+"note" TEXT;\n$/);
    expect(second?.warnings).toEqual([]);
  });

  it("refuses a migration that would sort before the last one", async () => {
    await mkdir(path.join(paths.migrationsDir, "20260102000000_later"), { recursive: true });
    await writeFile(path.join(paths.migrationsDir, "20260102000000_later", "migration.sql"), "SELECT 1;\n");
    await expect(createMigration("late", { ...paths, now: new Date("2026-01-01T00:00:00Z") })).rejects.toThrow(
      /would not sort after the last one/,
    );
  });

  it("applies pending migrations once and records them in _prisma_migrations", async () => {
    await createMigration("init", paths);
    await withPglite(async (pglite) => {
      const { applied } = await deployMigrations({ pglite }, paths);
      expect(applied).toHaveLength(1);
      expect((await deployMigrations({ pglite }, paths)).applied).toEqual([]);
      const rows = await pglite.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at FROM _prisma_migrations",
      );
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0]!.migration_name).toBe(applied[0]);
      expect(rows.rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(rows.rows[0]!.finished_at).not.toBeNull();
    });
    expect(await diffSchema(paths)).toBeNull();
  });

  it("reports a failing migration in one line and leaves none of it behind", async () => {
    await createMigration("init", { ...paths, now: new Date("2026-01-01T00:00:00Z") });
    await mkdir(path.join(paths.migrationsDir, "20260102000000_broken"));
    await writeFile(
      path.join(paths.migrationsDir, "20260102000000_broken", "migration.sql"),
      'CREATE TABLE "Half" (id INT);\nALTER TABLE "Missing" ADD COLUMN x INT;\n',
    );
    await withPglite(async (pglite) => {
      const failure = await deployMigrations({ pglite }, paths).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/^Migration 20260102000000_broken failed: relation "Missing" does not exist/);
      expect((failure as Error).message).not.toContain("\n");
      expect((await pglite.query("SELECT to_regclass('\"Half\"') AS t")).rows).toEqual([{ t: null }]);
      await expect(deployMigrations({ pglite }, paths)).rejects.toThrow(/failed earlier and is still marked as failed/);
    });
  });

  it("reads the migrations folder in the engine's shape, sorted, even when it does not exist", async () => {
    expect((await readMigrationsList(paths.migrationsDir)).migrationDirectories).toEqual([]);
    for (const name of ["20260102000000_b", "20260101000000_a"]) {
      await mkdir(path.join(paths.migrationsDir, name), { recursive: true });
      await writeFile(path.join(paths.migrationsDir, name, "migration.sql"), "SELECT 1;\n");
    }
    await mkdir(path.join(paths.migrationsDir, "20260103000000_empty"));
    const list = await readMigrationsList(paths.migrationsDir);
    expect(list.lockfile).toEqual({ path: "migration_lock.toml", content: null });
    expect(list.migrationDirectories.map((d) => [d.path, d.migrationFile.content.tag])).toEqual([
      ["20260101000000_a", "ok"],
      ["20260102000000_b", "ok"],
      ["20260103000000_empty", "error"],
    ]);
  });
});

describe("deployMigrations to PostgreSQL", { timeout: 30_000 }, () => {
  it("gives one clear line when nothing listens at the address", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    await expect(deployMigrations({ databaseUrl: `postgresql://vigil@127.0.0.1:${port}/vigil` }, paths)).rejects.toThrow(
      new RegExp(`^Cannot connect to the database at 127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`),
    );
  });
});

describe("migrationWarnings", () => {
  it("names the destructive steps the way prisma migrate dev does", () => {
    const sql = [
      "-- DropTable",
      'DROP TABLE "Old";',
      "",
      "-- AlterTable",
      'ALTER TABLE "Widget" DROP COLUMN "name",',
      'ADD COLUMN     "size" INTEGER NOT NULL,',
      'ADD COLUMN     "weight" INTEGER NOT NULL DEFAULT 0;',
      "",
      "-- CreateTable",
      'CREATE TABLE "Fresh" ("id" TEXT NOT NULL);',
      "",
      'CREATE UNIQUE INDEX "Fresh_id_key" ON "Fresh"("id");',
      'CREATE UNIQUE INDEX "Widget_size_key" ON "Widget"("size");',
      "",
    ].join("\n");
    expect(migrationWarnings(sql)).toEqual([
      "You are about to drop the `Old` table. All the data in the table will be lost.",
      "You are about to drop the column `name` on the `Widget` table. All the data in the column will be lost.",
      "Added the required column `size` to the `Widget` table without a default value. This is not possible if the table is not empty.",
      "A unique constraint covering the columns `[size]` on the table `Widget` will be added. If there are existing duplicate values, this will fail.",
    ]);
  });
});
