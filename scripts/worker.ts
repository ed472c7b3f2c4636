// `npm run worker`: the reminder and email sweep, and the evidence integrity sweep, as their own
// process, for deployments that set VIGIL_REMINDERS_IN_PROCESS=false on the web processes. Any
// number may run at once. On SIGTERM or SIGINT it finishes the sweep in progress, closes the
// database and exits. Without DATABASE_URL it attaches to the embedded database `npm start`
// runs, or starts its own.
// Started through scripts/server-code.mjs (see package.json), which makes the "server-only"
// marker of the services it shares with the web process a no-op: the worker is server code.
import { EnvError, env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { attachOrStartEmbeddedServer, type TEmbeddedServer } from "@/lib/db/embedded-server";
import { startSweepLoop } from "@/lib/reminders/sweep-loop";

async function main(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    console.error(`Vigil worker cannot start: ${error instanceof EnvError ? error.message : String(error)}`);
    process.exit(1);
  }
  // The embedded database: attach to the one `npm start` runs, or start (and later stop) one.
  let database: TEmbeddedServer | undefined;
  if (config.databaseMode === "embedded") {
    try {
      database = await attachOrStartEmbeddedServer(config);
    } catch (error) {
      console.error(`Vigil worker cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
    if (database.owned) console.log(`Vigil worker: started the embedded database on 127.0.0.1:${database.port} (it stops with the worker).`);
  }
  console.log("Vigil worker: sweeping reminders, the outbox and the evidence integrity checks every minute.");
  const loop = startSweepLoop({
    onSweep: (ms) => {
      if (config.VIGIL_LOG_LEVEL === "debug") console.log(`Vigil worker: sweep took ${ms} ms`);
    },
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Vigil worker: ${signal} received, finishing the current sweep.`);
    await loop.stop();
    await db().$disconnect();
    await database?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // Keep the process alive: the loop's timer is unref'd so the web server can exit freely.
  setInterval(() => undefined, 1 << 30);
}

void main();
