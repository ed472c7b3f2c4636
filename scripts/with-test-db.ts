// Runs a command against a fresh PostgreSQL database created for this run and dropped after
// it, even when the command fails or is interrupted:
//   tsx scripts/with-test-db.ts <command> [args...]
// The server: an embedded PostgreSQL 18 started for the run (a temporary folder, a free port,
// stopped at the end), or the one TEST_DATABASE_URL names (a URL whose user may create databases
// and roles, e.g. postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { EmbeddedDatabaseError, startEmbeddedServer, type TEmbeddedServer } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/migrations";

let base = process.env.TEST_DATABASE_URL?.trim() ?? "";
let server: TEmbeddedServer | undefined;
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
// The embedded server's own folder. Enterable by others: as root, PostgreSQL runs as the user
// postgres, who must reach it.
const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-test-pg-"));
fs.chmodSync(serverDir, 0o755);

async function startServer(): Promise<void> {
  const started = Date.now();
  server = await startEmbeddedServer({ dataDir: serverDir }, { fast: true });
  base = server.urlFor("postgres");
  console.log(`Test database server: embedded PostgreSQL on 127.0.0.1:${server.port} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function stopServer(): Promise<void> {
  await server?.stop().catch((error: unknown) => console.error(`Could not stop the test database server: ${String(error)}`));
}

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
  // Until the command runs, a signal only stops the setup (the cleanup below still runs).
  let interrupted = false;
  const onSignalBeforeRun = () => (interrupted = true);
  process.on("SIGINT", onSignalBeforeRun);
  process.on("SIGTERM", onSignalBeforeRun);
  let created = false;
  try {
    if (!base) {
      try {
        await startServer();
      } catch (error) {
        console.error(`Cannot start the test database server: ${error instanceof EmbeddedDatabaseError ? error.message : String(error)}`);
        return 1;
      }
    }
    try {
      await admin((c) => c.query(`CREATE DATABASE "${name}"`));
      created = true;
    } catch (error) {
      console.error(
        `Cannot create a test database on ${new URL(base).host}: ${error instanceof Error ? error.message : String(error)}.` +
          (server ? "" : " Is that PostgreSQL running? (unset TEST_DATABASE_URL to use an embedded server started for the run)"),
      );
      return 1;
    }
    const databaseUrl = urlFor(name);
    await deployMigrations({ databaseUrl });
    process.off("SIGINT", onSignalBeforeRun);
    process.off("SIGTERM", onSignalBeforeRun);
    if (interrupted) return 130;
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
    // An embedded server goes with its folder; on another server, drop what the run made.
    if (server) await stopServer();
    else if (created) await drop();
    fs.rmSync(serverDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
