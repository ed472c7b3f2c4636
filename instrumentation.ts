// Next calls register() once when a server process starts. In the Node.js runtime, unless
// VIGIL_REMINDERS_IN_PROCESS is false, it starts the reminder and email sweep every minute, and
// beside it the evidence integrity sweep (lib/reminders/sweep-loop.ts).
// Many web processes may each run it: rows are claimed so nothing is sent twice.
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next itself (not a Vigil setting), and inlined per bundle, so the
  // edge bundle drops the Node-only imports below.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (!env().VIGIL_REMINDERS_IN_PROCESS) return;
  const flag = globalThis as unknown as { vigilSweepStarted?: boolean };
  if (flag.vigilSweepStarted) return;
  flag.vigilSweepStarted = true;
  const { startSweepLoop } = await import("./lib/reminders/sweep-loop");
  const loop = startSweepLoop();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void loop.stop();
    });
  }
}
