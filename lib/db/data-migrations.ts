// Data migrations: changes to stored rows that SQL alone cannot make, because they need the
// app's encryption key (VIGIL_ENCRYPTION_KEYS or <data dir>/keys). `npm run db:deploy` and
// `npm start` run every step after the SQL migrations, each in a transaction of its own. A step
// is idempotent: it selects only the rows still to change, so running it again changes nothing.
// Steps never touch the append-only tables (audit log, custody ledger, certificates, timeline
// history).
// Not "server-only": the command-line scripts use this file.
import pg from "pg";
import { encryptStoredRecipientNames } from "@/lib/incidents/recipient-name";
import { reexamineUndeliveredNotices } from "@/lib/notices/notice-delivery-migration";

export interface TDataMigration {
  name: string;
  /** Changes the rows still to change, on a client inside a transaction; returns how many. */
  run(client: pg.ClientBase): Promise<number>;
}

export const DATA_MIGRATIONS: readonly TDataMigration[] = [
  { name: "third-party recipient names encrypted", run: encryptStoredRecipientNames },
  { name: "notices to Amazon re-examined against their email's delivery", run: reexamineUndeliveredNotices },
];

/** What the scripts print for a step that changed rows. */
export function dataMigrationReport(step: { name: string; changed: number }): string {
  return `Data migration "${step.name}": ${step.changed} row(s) changed.`;
}

/** Runs every data migration; returns the steps that changed rows, with how many. */
export async function runDataMigrations(databaseUrl: string, migrations: readonly TDataMigration[] = DATA_MIGRATIONS): Promise<{ name: string; changed: number }[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  const done: { name: string; changed: number }[] = [];
  try {
    for (const migration of migrations) {
      await client.query("BEGIN");
      try {
        const changed = await migration.run(client);
        await client.query("COMMIT");
        if (changed > 0) done.push({ name: migration.name, changed });
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Data migration "${migration.name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  } finally {
    await client.end();
  }
  return done;
}
