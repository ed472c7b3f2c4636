// The migration tooling's pure parts, with temporary migration folders: no PostgreSQL needed.
// What needs a database (computing and applying migrations) is in migrations.int.test.ts.
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WIDGET_SCHEMA } from "@/test/support/migration-fixture";
import {
  deployMigrations,
  describeDatabaseUrl,
  migrationSlug,
  migrationTimestamp,
  migrationWarnings,
  readMigrationsList,
} from "./migrations";

const SCHEMA = WIDGET_SCHEMA;

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

describe("readMigrationsList", () => {
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
