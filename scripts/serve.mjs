// Vigil's web server: Next.js served through Node's own HTTP server, so that every request is
// stamped with the socket's peer address (the one thing a client cannot choose) before Next
// sees it. The stamp is signed with a secret made at each boot and known only to this process;
// a client-sent copy of either header is overwritten. lib/http/client-address.ts reads it.
//   node scripts/serve.mjs [--dev]     (PORT, default 3000; `npm start` runs this)
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { stampPeer } from "../lib/http/peer-stamp.mjs";

const secret = randomBytes(32).toString("base64url");
process.env.VIGIL_PEER_SECRET = secret;

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const { default: next } = await import("next");
const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  stampPeer(req, secret);
  void handle(req, res);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => console.log(`Vigil is listening on port ${port}${dev ? " (development)" : ""}.`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
