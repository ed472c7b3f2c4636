// A process that owns an embedded PostgreSQL server, for the tests of lib/db/embedded-server.ts:
//   node --import tsx test/support/embedded-owner.ts <dataDir> [app URL]
// Prints one JSON line when the server is up ({ pid, port, url }), or the refusal's one-line
// message on stderr and exits 1. Stops the server on SIGTERM/SIGINT.
import { startEmbeddedServer } from "@/lib/db/embedded-server";

const [dataDir, app] = process.argv.slice(2);
try {
  const server = await startEmbeddedServer({ dataDir: dataDir! }, { app });
  console.log(JSON.stringify({ pid: process.pid, port: server.port, url: server.url }));
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  setInterval(() => undefined, 1 << 30);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
