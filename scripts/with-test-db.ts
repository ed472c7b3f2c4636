// Runs a command against a fresh PostgreSQL database created for this run and dropped after
// it, even when the command fails or is interrupted:
//   tsx scripts/with-test-db.ts <command> [args...]
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migrations";

const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `vigil_test_${randomBytes(5).toString("hex")}`;

function urlFor(database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-test-"));

let dropped = false;
async function drop(): Promise<void> {
  if (dropped) return;
  dropped = true;
  // The run's database and the per-test-file copies made from it (test/per-file-database.ts),
  // dropped once the command has ended, so no test's connection is cut while it runs.
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [name, `${name}\\_%`]);
    for (const row of rows.sort((a, b) => b.datname.length - a.datname.length)) await c.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  }).catch((error: unknown) => {
    console.error(`Could not drop test database ${name}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("usage: tsx scripts/with-test-db.ts <command> [args...]");
    return 2;
  }
  try {
    await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    console.error(
      `Cannot create a test database on ${new URL(base).host}: ${error instanceof Error ? error.message : String(error)}. ` +
        "Is PostgreSQL running? (set TEST_DATABASE_URL to use another server)",
    );
    return 1;
  }
  const databaseUrl = urlFor(name);
  try {
    await deployMigrations({ databaseUrl });
    const child = spawn(command, args, {
      stdio: "inherit",
      // Keys and files generated during the run go to a folder of its own, not the developer's .data.
      env: { ...process.env, DATABASE_URL: databaseUrl, VIGIL_TEST_DATABASE: name, VIGIL_DATA_DIR: dataDir },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    return await new Promise<number>((resolve) => {
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      child.on("error", (error) => {
        console.error(`Cannot run ${command}: ${error.message}`);
        resolve(1);
      });
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
