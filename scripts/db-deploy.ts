// `npm run db:deploy`: applies the pending committed migrations, to PostgreSQL at DATABASE_URL
// when it is set, otherwise to the embedded PostgreSQL server of the data folder
// (VIGIL_DATA_DIR, default .data): the running one, or one started for this command and
// stopped after. History goes to the standard _prisma_migrations table. Then the data migrations
// (lib/db/data-migrations.ts), which need the app's encryption key.
import path from "node:path";
import { EmbeddedDatabaseError, embeddedPaths, withDatabase } from "../lib/db/embedded-server";
import { dataMigrationReport, runDataMigrations } from "../lib/db/data-migrations";
import { deployMigrations, describeDatabaseUrl, MigrationError } from "../lib/db/migrations";
import { EnvError, env } from "../lib/env";

async function main(): Promise<void> {
  const config = env();
  const { applied, changed } = await withDatabase(config, async (databaseUrl) => {
    const { applied } = await deployMigrations({ databaseUrl });
    return { applied, changed: await runDataMigrations(databaseUrl) };
  });
  for (const step of changed) console.log(dataMigrationReport(step));
  if (config.DATABASE_URL) {
    report(applied, `PostgreSQL at ${describeDatabaseUrl(config.DATABASE_URL)}`);
  } else {
    const dir = embeddedPaths(config).pgData;
    const shown = path.relative(process.cwd(), dir);
    report(applied, `the embedded database in ${shown && !shown.startsWith("..") ? shown : dir}`);
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
  const known = error instanceof MigrationError || error instanceof EmbeddedDatabaseError || error instanceof EnvError;
  console.error(known ? error.message : `db:deploy failed: ${String(error)}`);
  process.exit(1);
});
