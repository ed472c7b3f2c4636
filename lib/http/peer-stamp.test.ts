// Over a real socket: a server stamping requests as scripts/serve.mjs does, and Vigil's reading
// of the client address (lib/http/client-address.ts) behind it. What a client writes in
// X-Forwarded-For, or in copies of the stamp headers, changes nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { networkGate } from "@/lib/http/network-gate";
import { resetNetworkSettingsForTests } from "@/lib/http/network-settings";
import { requestContextFrom } from "@/lib/http/request-context";
import { stampPeer } from "./peer-stamp.mjs";

const saved = { ...process.env };
let server: http.Server;
let base: string;

beforeAll(async () => {
  Object.assign(process.env, { VIGIL_PEER_SECRET: "boot-secret-of-this-test-0123456789", VIGIL_IP_ALLOWLIST: "10.0.0.0/8", VIGIL_TRUSTED_PROXIES: "" });
  resetEnvForTests();
  resetNetworkSettingsForTests();
  server = http.createServer((req, res) => {
    stampPeer(req, process.env.VIGIL_PEER_SECRET!);
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const gate = networkGate({ headers, url: new URL(req.url ?? "/", "http://localhost"), method: req.method ?? "GET" });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ gate: gate.kind, ip: requestContextFrom(headers).ip ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnvForTests();
  resetNetworkSettingsForTests();
});

describe("the peer stamp of Vigil's server", () => {
  it("makes the socket's address the client's, whatever the client writes", async () => {
    const spoofs: Record<string, string>[] = [
      {},
      { "x-forwarded-for": "10.9.9.9" },
      { "x-forwarded-for": "203.0.113.1, 10.9.9.9" },
      { "x-real-ip": "10.9.9.9", "x-vigil-client-ip": "10.9.9.9" },
      { "x-vigil-peer": "10.9.9.9", "x-vigil-peer-signature": "forged" },
    ];
    for (const headers of spoofs) {
      const answer = (await (await fetch(base, { headers })).json()) as { gate: string; ip: string | null };
      // The allow-list (10.0.0.0/8) refuses the loopback peer every time, and audit events,
      // the sign-in throttle and the alarm rules get the same, true address.
      expect(answer, JSON.stringify(headers)).toEqual({ gate: "refuse", ip: "127.0.0.1" });
    }
  });
});
