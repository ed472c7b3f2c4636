// `npm run db:migrate -- <name>`: writes the next migration, prisma/migrations/<UTC timestamp>_<name>/
// migration.sql, from the difference between what the committed migrations build and
// prisma/schema.prisma. The comparison runs in a scratch database on the embedded PostgreSQL
// server of the data folder (the running one, or one started for this command and stopped
// after), created and dropped for it. Review the SQL, then commit it with the schema change.
import { EmbeddedDatabaseError, withEmbeddedDatabase } from "../lib/db/embedded-server";
import { createMigration, MigrationError } from "../lib/db/migrations";
import { env } from "../lib/env";

async function main(): Promise<void> {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    console.error("Usage: npm run db:migrate -- <name>   (for example: npm run db:migrate -- add_incidents)");
    process.exit(2);
  }
  const created = await withEmbeddedDatabase(env(), (serverUrl) => createMigration(name, { serverUrl }));
  if (!created) {
    console.log("No schema changes.");
    return;
  }
  console.log(`Wrote prisma/migrations/${created.name}/migration.sql. Review it, then commit it with the schema.`);
  if (created.warnings.length) {
    console.log("Warnings (also at the top of the file):");
    for (const warning of created.warnings) console.log(`  - ${warning}`);
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof MigrationError || error instanceof EmbeddedDatabaseError ? error.message : `db:migrate failed: ${String(error)}`,
  );
  process.exit(1);
});
