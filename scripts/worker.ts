// `npm run worker`: the reminder and email sweep as its own process, for deployments that set
// VIGIL_REMINDERS_IN_PROCESS=false on the web processes. Any number may run at once. On
// SIGTERM or SIGINT it finishes the sweep in progress, closes the database and exits.
// Started through scripts/server-code.mjs (see package.json), which makes the "server-only"
// marker of the services it shares with the web process a no-op: the worker is server code.
import { EnvError, env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { startSweepLoop } from "@/lib/reminders/sweep-loop";

async function main(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    console.error(`Vigil worker cannot start: ${error instanceof EnvError ? error.message : String(error)}`);
    process.exit(1);
  }
  if (config.databaseMode === "embedded") {
    console.warn("Vigil worker: using the embedded database; only one process may open it, so stop the web server or set DATABASE_URL.");
  }
  console.log("Vigil worker: sweeping reminders and the outbox every minute.");
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
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // Keep the process alive: the loop's timer is unref'd so the web server can exit freely.
  setInterval(() => undefined, 1 << 30);
}

void main();
