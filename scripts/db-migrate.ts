// `npm run db:migrate -- <name>`: writes the next migration, prisma/migrations/<UTC timestamp>_<name>/
// migration.sql, from the difference between what the committed migrations build and
// prisma/schema.prisma. Needs no database: the comparison runs in an in-memory PGlite.
// Review the SQL, then commit it with the schema change.
import { createMigration, MigrationError } from "../lib/db/migrations";

async function main(): Promise<void> {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    console.error("Usage: npm run db:migrate -- <name>   (for example: npm run db:migrate -- add_incidents)");
    process.exit(2);
  }
  const created = await createMigration(name);
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
  console.error(error instanceof MigrationError ? error.message : `db:migrate failed: ${String(error)}`);
  process.exit(1);
});
