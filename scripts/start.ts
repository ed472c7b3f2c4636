// `npm start`: one command from a fresh clone to a running Vigil. Validates configuration,
// starts the embedded PostgreSQL server when DATABASE_URL is unset (this process owns it: it
// stops it last, after the web server), applies pending migrations and the data migrations
// (lib/db/data-migrations.ts), prints the first-run setup link, builds when there is no
// production build, then serves it through scripts/serve.mjs. `--dev` runs the development
// server instead.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { EnvError, parseEnv, type TEnv } from "@/lib/env";
import { EmbeddedDatabaseError, embeddedPaths, startEmbeddedServer, type TEmbeddedServer } from "@/lib/db/embedded-server";
import { dataMigrationReport, runDataMigrations } from "@/lib/db/data-migrations";
import { deployMigrations } from "@/lib/db/migrations";
import { issueSetupLinkIfNoUsers } from "@/lib/users/setup-token";
import { currentBuild } from "./build-freshness";
import { webServerEnv, webServerNodeArgs } from "./web-node-args.mjs";

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/next/dist/bin/next");
// Loaded into the web server: it stops when this process is gone (even after a SIGKILL).
const exitWithParent = path.resolve("scripts/exit-with-parent.cjs");
const serveScript = path.resolve("scripts/serve.mjs");

let database: TEmbeddedServer | undefined;
let server: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

async function fail(message: string): Promise<never> {
  console.error(message.startsWith("Vigil is already running") ? message : `Vigil cannot start: ${message}`);
  return shutdown(1);
}

function printSetupLink(link: string | null): void {
  if (!link) return;
  console.log("\nVigil has no users yet. Open this one-time link within one hour to create the first administrator:");
  console.log(`\n    ${link}\n`);
  console.log("(It works once. Restart Vigil to get a new link if it expires.)\n");
}

async function migrate(databaseUrl: string, config: TEnv, where: string): Promise<void> {
  const { applied } = await deployMigrations({ databaseUrl });
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${where}.`);
  for (const step of await runDataMigrations(databaseUrl)) console.log(dataMigrationReport(step));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    printSetupLink(await issueSetupLinkIfNoUsers(client, config.baseUrl));
  } finally {
    await client.end();
  }
}

/** Stops the web server, then the database, then exits (once, whoever asks first). */
function shutdown(code: number, signal?: NodeJS.Signals): Promise<never> {
  stopping ??= (async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill(signal ?? "SIGTERM");
      await exited;
    }
    if (database?.owned) {
      await database.stop();
      console.log("Vigil stopped the embedded database.");
    }
    process.exit(code);
  })();
  return stopping;
}

async function main(): Promise<void> {
  let config: TEnv;
  try {
    config = parseEnv({ ...process.env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    return fail(error instanceof EnvError ? error.message : String(error));
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void shutdown(signal === "SIGINT" ? 130 : 143, signal));
  }

  let databaseUrl = config.DATABASE_URL;
  let where = "PostgreSQL";
  if (!databaseUrl) {
    const started = Date.now();
    try {
      database = await startEmbeddedServer(config, { app: config.baseUrl });
    } catch (error) {
      return fail(error instanceof EmbeddedDatabaseError ? error.message : String(error));
    }
    if (stopping) return;
    databaseUrl = database.url;
    where = "the embedded database";
    console.log(
      `Started the embedded PostgreSQL in ${embeddedPaths(config).pgData} on 127.0.0.1:${database.port} ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s; set DATABASE_URL to use another PostgreSQL).`,
    );
  }
  try {
    await migrate(databaseUrl, config, where);
  } catch (error) {
    return fail(error instanceof Error ? error.message.split("\n")[0]! : String(error));
  }

  if (!dev && currentBuild() === null && !stopping) {
    console.log(
      fs.existsSync(".next/BUILD_ID")
        ? "The production build is older than the sources (after an update): building Vigil again (a minute or two)..."
        : "No production build yet: building Vigil (this takes a minute or two)...",
    );
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) return fail("the build failed (see above).");
  }
  if (stopping) return;

  // Vigil's own server (it stamps each request with the socket's address, which the allow-list,
  // sign-in throttle and audit log rely on), as a child of this process: stopping this process
  // must stop it.
  server = spawn(process.execPath, [...(dev ? [] : webServerNodeArgs()), "--require", exitWithParent, serveScript, ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    env: { ...(dev ? process.env : webServerEnv()), NODE_ENV: dev ? "development" : "production", PORT: String(config.PORT), NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`Vigil is starting on ${config.baseUrl}`);
  server.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));

  // When whatever started this process goes away without a signal (a killed terminal or npm),
  // stop as on SIGTERM rather than keep the database without anyone to stop it.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(143, "SIGTERM");
  }, 1_000).unref();
}

void main();
