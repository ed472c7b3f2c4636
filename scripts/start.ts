// `npm start`: one command from a fresh clone to a running Vigil. Validates configuration,
// applies pending migrations (embedded PGlite when DATABASE_URL is unset), builds when there is
// no production build, then serves it. `--dev` runs the development server instead.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type TEnv } from "@/lib/env";
import { openPglite, pgliteDir } from "@/lib/db/adapter";
import { deployMigrations } from "@/lib/db/migrations";
import { issueSetupLinkIfNoUsers, type TSqlRunner } from "@/lib/users/setup-token";
import pg from "pg";

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(`Vigil cannot start: ${message}`);
  process.exit(1);
}

function printSetupLink(link: string | null): void {
  if (!link) return;
  console.log("\nVigil has no users yet. Open this one-time link within one hour to create the first administrator:");
  console.log(`\n    ${link}\n`);
  console.log("(It works once. Restart Vigil to get a new link if it expires.)\n");
}

async function migrate(config: TEnv): Promise<void> {
  if (config.DATABASE_URL) {
    const { applied } = await deployMigrations({ databaseUrl: config.DATABASE_URL });
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to PostgreSQL.`);
    const client = new pg.Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    try {
      printSetupLink(await issueSetupLinkIfNoUsers(client, config.baseUrl));
    } finally {
      await client.end();
    }
    return;
  }
  const pglite = openPglite(pgliteDir(config));
  try {
    const { applied } = await deployMigrations({ pglite });
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to the embedded database.`);
    // The embedded folder can be open in one process only: issue the link before `next start`.
    printSetupLink(await issueSetupLinkIfNoUsers(pglite as unknown as TSqlRunner, config.baseUrl));
  } finally {
    await pglite.close();
  }
}

async function main(): Promise<void> {
  let config: TEnv;
  try {
    config = parseEnv({ ...process.env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    fail(error instanceof EnvError ? error.message : String(error));
  }
  if (config.databaseMode === "embedded") {
    console.log(`Using the embedded database in ${pgliteDir(config)} (set DATABASE_URL to use PostgreSQL).`);
  }
  try {
    await migrate(config);
  } catch (error) {
    fail(error instanceof Error ? error.message.split("\n")[0]! : String(error));
  }

  if (!dev && !fs.existsSync(".next/BUILD_ID")) {
    console.log("No production build yet: building Vigil (this takes a minute or two)...");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) fail("the build failed (see above).");
  }

  // The next binary itself, not npx: stopping this process must stop the server.
  const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(config.PORT)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`Vigil is starting on ${config.baseUrl}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

void main();
