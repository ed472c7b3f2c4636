// The migration that moves the incident type catalog and the contacts under the plan's versions
// (20261203100000_plan_lists), applied to a database holding what the session before it left:
// an approved plan, its open draft, contacts, an active and a retired type, and an incident.
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/lib/db/migrations";

const MIGRATION = "20261203100000_plan_lists";
const root = path.join(process.cwd(), "prisma", "migrations");
let dir: string;
let name: string;
let url: string;

function serverUrl(database?: string): string {
  const base = new URL(process.env.DATABASE_URL!);
  if (database) base.pathname = `/${database}`;
  return base.toString();
}

async function query<R extends pg.QueryResultRow>(sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The migrations folder up to (and without) the ones from `stop` on. */
async function migrationsBefore(stop: string): Promise<string> {
  const target = await mkdtemp(path.join(os.tmpdir(), "vigil-plan-lists-"));
  for (const entry of await readdir(root)) {
    if (/^\d{14}_/.test(entry) && entry >= stop) continue;
    await cp(path.join(root, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

beforeAll(async () => {
  name = `${process.env.VIGIL_TEST_DATABASE ?? "vigil_test"}_pl${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url = serverUrl(name);
  dir = await migrationsBefore(MIGRATION);
  await deployMigrations({ databaseUrl: url }, { migrationsDir: dir });
  // What the earlier schema held: the plan approved once, a draft open, two people named live.
  await query(`
    UPDATE "IncidentType" SET "active" = false WHERE "id" = 'other';
    INSERT INTO "PolicyDocument" ("id", "reference", "kind", "title", "createdById", "createdAt", "updatedAt", "inForceVersionId")
      VALUES ('pol_m', 'POL-2026-0001', 'ir_plan', 'Incident response plan', 'usr_a', now(), now(), 'pdv_v2');
    INSERT INTO "PolicyDocumentVersion" ("id", "documentId", "number", "status", "body", "changeSummary", "authorId", "contributorIds", "createdAt", "updatedAt", "approvedById", "approvedAt") VALUES
      ('pdv_v1', 'pol_m', 1, 'approved', '# Plan v1', 'First', 'usr_a', '{usr_a}', now(), now(), 'usr_b', now()),
      ('pdv_v2', 'pol_m', 2, 'approved', '# Plan v2', 'Second', 'usr_a', '{usr_a}', now(), now(), 'usr_b', now());
    INSERT INTO "PolicyDocumentVersion" ("id", "documentId", "status", "body", "changeSummary", "authorId", "contributorIds", "createdAt", "updatedAt") VALUES
      ('pdv_d', 'pol_m', 'draft', '# Plan draft', 'Third', 'usr_a', '{usr_a}', now(), now());
    INSERT INTO "PlanContact" ("id", "role", "name", "emailEnc", "phoneEnc", "sortOrder", "createdById", "createdAt") VALUES
      ('pct_i', 'impoc', 'Dana Lead', 'v1.enc-email', 'v1.enc-phone', 0, 'usr_a', now()),
      ('pct_c', 'incident_commander', 'Casey Commander', 'v1.enc-email2', NULL, 0, 'usr_a', now());
  `);
  const active = await query<{ count: string }>(`SELECT count(*)::text AS count FROM "IncidentType" WHERE "active"`);
  expect(Number(active[0]?.count)).toBe(8);
  await deployMigrations({ databaseUrl: url });
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe(MIGRATION, () => {
  it("lists the types offered today, with their ids, in the version in force and the draft; an older version lists none", async () => {
    const rows = await query<{ versionId: string; typeId: string }>(`SELECT "versionId", "typeId" FROM "PolicyVersionIncidentType" ORDER BY "versionId", "sortOrder"`);
    const byVersion = (id: string) => rows.filter((r) => r.versionId === id).map((r) => r.typeId);
    expect(byVersion("pdv_v2")).toHaveLength(8);
    expect(byVersion("pdv_v2")).toContain("malware");
    expect(byVersion("pdv_v2")).not.toContain("other");
    expect(byVersion("pdv_d")).toEqual(byVersion("pdv_v2"));
    expect(byVersion("pdv_v1")).toEqual([]);
    const flags = await query<{ id: string; carriesPlanLists: boolean }>(`SELECT "id", "carriesPlanLists" FROM "PolicyDocumentVersion" ORDER BY "id"`);
    expect(flags).toEqual([
      { id: "pdv_d", carriesPlanLists: true },
      { id: "pdv_v1", carriesPlanLists: false },
      { id: "pdv_v2", carriesPlanLists: true },
    ]);
    // The catalog itself is untouched: the retired type stays for the incidents that have it.
    const [other] = await query<{ active: boolean }>(`SELECT "active" FROM "IncidentType" WHERE "id" = 'other'`);
    expect(other?.active).toBe(false);
  });

  it("puts the people named today on the version in force and a copy on the draft, ciphertexts unchanged and bound to the original row", async () => {
    const rows = await query<{ id: string; versionId: string; sealedForId: string; name: string; emailEnc: string; phoneEnc: string | null }>(
      `SELECT "id", "versionId", "sealedForId", "name", "emailEnc", "phoneEnc" FROM "PlanContact" ORDER BY "versionId", "role"`,
    );
    expect(rows.filter((r) => r.versionId === "pdv_v2").map((r) => [r.id, r.sealedForId, r.name])).toEqual([
      ["pct_i", "pct_i", "Dana Lead"],
      ["pct_c", "pct_c", "Casey Commander"],
    ]);
    const copies = rows.filter((r) => r.versionId === "pdv_d");
    expect(copies.map((r) => [r.sealedForId, r.name, r.emailEnc, r.phoneEnc])).toEqual([
      ["pct_i", "Dana Lead", "v1.enc-email", "v1.enc-phone"],
      ["pct_c", "Casey Commander", "v1.enc-email2", null],
    ]);
    expect(copies.every((r) => r.id.startsWith("pct_") && r.id !== r.sealedForId)).toBe(true);
  });
});
