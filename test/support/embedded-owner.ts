// A process that owns an embedded PostgreSQL server, for the tests of lib/db/embedded-server.ts:
//   node --import tsx test/support/embedded-owner.ts <dataDir> [app URL]
// Prints one JSON line when the server is up ({ pid, port, url }), or the refusal's one-line
// message on stderr and exits 1. Stops the server on SIGTERM/SIGINT and exits 0 once its lock is
// gone; a failure to stop is printed on stderr and exits 2 (the test shows it).
import { startEmbeddedServer } from "@/lib/db/embedded-server";

const [dataDir, app] = process.argv.slice(2);
try {
  const server = await startEmbeddedServer({ dataDir: dataDir! }, { app });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`stopping on ${signal}`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`stop failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(2);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  setInterval(() => undefined, 1 << 30);
  // Ready only once the handlers are in place.
  console.log(JSON.stringify({ pid: process.pid, port: server.port, url: server.url }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
