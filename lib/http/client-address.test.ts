// The client's address is the socket's peer, stamped on every request by Vigil's own server
// (scripts/serve.mjs) and signed with a secret made at each boot; X-Forwarded-For counts only
// when that peer is a configured trusted proxy. A client-sent header changes nothing.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { configure, fromPeer, restoreEnvAfterEach } from "@/test/support/proxy-env";
import { requestContextFrom } from "./request-context";

restoreEnvAfterEach();

function request(headers: Record<string, string>, url = "http://localhost:3000/") {
  return new NextRequest(url, { headers: { host: new URL(url).host, ...headers } });
}

describe("the client address", () => {
  it("is the socket's peer: a client-sent X-Forwarded-For neither passes nor fails the allow-list", async () => {
    configure({ NODE_ENV: "production", VIGIL_IP_ALLOWLIST: "10.0.0.0/8", VIGIL_TRUSTED_PROXIES: undefined });
    // An outsider claiming an inside address is refused.
    expect((await proxy(request({ ...fromPeer("203.0.113.5"), "x-forwarded-for": "10.9.9.9" }))).status).toBe(403);
    // An insider whose request carries an outside address in the header is let in.
    expect((await proxy(request({ ...fromPeer("10.1.1.1"), "x-forwarded-for": "203.0.113.5" }))).status).toBe(200);
  });

  it("refuses, when an allow-list is set, a request without a valid peer stamp (the server was not started with npm start)", async () => {
    configure({ NODE_ENV: "production", VIGIL_IP_ALLOWLIST: "10.0.0.0/8", VIGIL_TRUSTED_PROXIES: undefined });
    const bare = await proxy(request({ "x-forwarded-for": "10.9.9.9" }));
    expect(bare.status).toBe(403);
    expect(await bare.text()).toMatch(/npm start/);
    // A stamp signed with another secret (a client copying the header) counts as none.
    expect((await proxy(request({ ...fromPeer("10.1.1.1", "guessed-secret"), "x-forwarded-for": "10.9.9.9" }))).status).toBe(403);
  });

  it("reads X-Forwarded-For only when the peer is a trusted proxy, from the right, skipping trusted hops", async () => {
    configure({ NODE_ENV: "development", VIGIL_IP_ALLOWLIST: "203.0.113.0/24", VIGIL_TRUSTED_PROXIES: "10.0.0.0/8" });
    expect((await proxy(request({ ...fromPeer("10.0.0.2"), "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.3" }))).status).toBe(200);
    expect((await proxy(request({ ...fromPeer("10.0.0.2"), "x-forwarded-for": "203.0.113.9, 6.6.6.6" }))).status).toBe(403);
    // Not from the proxy: the header is the client's own and ignored.
    expect((await proxy(request({ ...fromPeer("198.51.100.7"), "x-forwarded-for": "203.0.113.9" }))).status).toBe(403);
  });

  it("gives audit events the peer's address, never one the client wrote", () => {
    configure({ NODE_ENV: "production", VIGIL_IP_ALLOWLIST: undefined, VIGIL_TRUSTED_PROXIES: undefined });
    const spoofed = new Headers({ ...fromPeer("198.51.100.7"), "x-forwarded-for": "10.9.9.9", "x-vigil-client-ip": "10.9.9.8" });
    expect(requestContextFrom(spoofed).ip).toBe("198.51.100.7");
    expect(requestContextFrom(new Headers({ "x-forwarded-for": "10.9.9.9", "x-vigil-client-ip": "10.9.9.8" })).ip).toBeUndefined();
  });

  it("is read in one module: no other source file reads X-Forwarded-For", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const allowed = new Set(["lib/http/client-address.ts"]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!["node_modules", ".next", "generated"].includes(entry.name)) walk(rel);
        } else if (/\.(ts|tsx|mjs|cjs|js)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !allowed.has(rel)) {
          if (/x-forwarded-for/i.test(fs.readFileSync(path.join(root, rel), "utf8"))) offenders.push(rel);
        }
      }
    };
    for (const dir of ["app", "lib", "components", "scripts"]) walk(dir);
    if (/x-forwarded-for/i.test(fs.readFileSync(path.join(root, "proxy.ts"), "utf8"))) offenders.push("proxy.ts");
    expect(offenders).toEqual([]);
  });
});
