import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openPglite } from "./adapter";
import { deployMigrations } from "./migrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pglite-"));

describe("embedded database (PGlite)", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("migrates an empty data folder, stores a row, and keeps it across a restart", async () => {
    const first = openPglite(dir);
    const { applied } = await deployMigrations({ pglite: first });
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const client = new PrismaClient({ adapter: new PrismaPGlite(first) });
    await client.setting.create({ data: { key: "organisation.name", value: { name: "Example Ltd" } } });
    await client.$disconnect();
    await first.close();

    const second = openPglite(dir);
    expect((await deployMigrations({ pglite: second })).applied).toEqual([]);
    const again = new PrismaClient({ adapter: new PrismaPGlite(second) });
    const setting = await again.setting.findUnique({ where: { key: "organisation.name" } });
    expect(setting?.value).toEqual({ name: "Example Ltd" });
    const migrations = await second.query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations");
    expect(migrations.rows.map((r) => r.migration_name)).toEqual(applied);
    await again.$disconnect();
    await second.close();
  });
});
