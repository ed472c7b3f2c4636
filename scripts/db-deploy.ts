// `npm run db:deploy`: applies the pending committed migrations, to PostgreSQL at DATABASE_URL
// when it is set, otherwise to the embedded PGlite database in the data folder
// (VIGIL_DATA_DIR, default .data). History goes to the standard _prisma_migrations table.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { deployMigrations, describeDatabaseUrl, MigrationError } from "../lib/db/migrations";

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    const { applied } = await deployMigrations({ databaseUrl });
    report(applied, `PostgreSQL at ${describeDatabaseUrl(databaseUrl)}`);
    return;
  }
  const dir = path.resolve(process.env.VIGIL_DATA_DIR?.trim() || ".data", "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  try {
    const { applied } = await deployMigrations({ pglite });
    const shown = path.relative(process.cwd(), dir);
    report(applied, `the embedded database in ${shown && !shown.startsWith("..") ? shown : dir}`);
  } finally {
    await pglite.close();
  }
}

function report(applied: string[], where: string): void {
  if (applied.length === 0) {
    console.log(`No pending migrations for ${where}.`);
    return;
  }
  for (const name of applied) console.log(`Applied ${name}`);
  console.log(`${applied.length} migration(s) applied to ${where}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof MigrationError ? error.message : `db:deploy failed: ${String(error)}`);
  process.exit(1);
});
