import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { configure, fromPeer, restoreEnvAfterEach } from "@/test/support/proxy-env";

restoreEnvAfterEach();

function request(url: string, headers: Record<string, string> = {}, method = "GET") {
  const u = new URL(url);
  return new NextRequest(url, { method, headers: { host: u.host, ...headers } });
}

describe("proxy", () => {
  it("sets a per-request nonce CSP and the security headers, without HSTS on localhost", async () => {
    configure({ NODE_ENV: "production", VIGIL_IP_ALLOWLIST: undefined, VIGIL_TRUSTED_PROXIES: undefined });
    const a = await proxy(request("http://localhost:3000/"));
    const b = await proxy(request("http://localhost:3000/"));
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toEqual(b.headers.get("content-security-policy"));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("no-referrer");
    expect(a.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(a.headers.get("strict-transport-security")).toBeNull();
    expect(a.headers.get("x-request-id")).toBeTruthy();
  });

  it("in production, redirects plain HTTP on other hosts and sends HSTS over HTTPS", async () => {
    configure({ NODE_ENV: "production", VIGIL_TRUSTED_PROXIES: "10.0.0.0/8" });
    const plain = await proxy(request("http://vigil.example.com/incidents", { ...fromPeer("10.0.0.2"), "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "http" }));
    expect(plain.status).toBe(308);
    expect(plain.headers.get("location")).toBe("https://vigil.example.com/incidents");
    const post = await proxy(request("http://vigil.example.com/api/x", { ...fromPeer("10.0.0.2"), "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "http" }, "POST"));
    expect(post.status).toBe(403);
    const tls = await proxy(request("http://vigil.example.com/", { ...fromPeer("10.0.0.2"), "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" }));
    expect(tls.status).toBe(200);
    expect(tls.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("without a trusted proxy, a forwarded-proto header cannot claim HTTPS", async () => {
    configure({ NODE_ENV: "production", VIGIL_TRUSTED_PROXIES: undefined });
    const res = await proxy(request("http://vigil.example.com/", { "x-forwarded-proto": "https" }));
    expect(res.status).toBe(308);
  });

  it("refuses addresses outside the allow-list before anything else, v4 and v6", async () => {
    configure({ NODE_ENV: "production", VIGIL_IP_ALLOWLIST: "192.0.2.0/24, 2001:db8::/32", VIGIL_TRUSTED_PROXIES: "127.0.0.1" });
    const outside = await proxy(request("http://localhost:3000/", { ...fromPeer("127.0.0.1"), "x-forwarded-for": "198.51.100.1" }));
    expect(outside.status).toBe(403);
    expect(await outside.text()).toMatch(/not allowed from this network address/);
    expect(outside.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await proxy(request("http://localhost:3000/", { ...fromPeer("127.0.0.1"), "x-forwarded-for": "192.0.2.77" }))).status).toBe(200);
    expect((await proxy(request("http://localhost:3000/", { ...fromPeer("127.0.0.1"), "x-forwarded-for": "2001:db8::9" }))).status).toBe(200);
    expect((await proxy(request("http://localhost:3000/", { ...fromPeer("127.0.0.1"), "x-forwarded-for": "2001:db9::9" }))).status).toBe(403);
    // A client cannot talk its way in by prepending an allowed address.
    expect((await proxy(request("http://localhost:3000/", { ...fromPeer("127.0.0.1"), "x-forwarded-for": "192.0.2.1, 198.51.100.1" }))).status).toBe(403);
    // Unknown address (no stamp from Vigil's server): refused.
    expect((await proxy(request("http://localhost:3000/"))).status).toBe(403);
  });
});

describe("proxy: read-only sessions change nothing", () => {
  async function cookie(ro: boolean): Promise<string> {
    const { encode } = await import("next-auth/jwt");
    const { sessionCookieName, sessionSecret } = await import("@/lib/auth/session-cookie");
    const at = Date.now();
    const token = await encode({ token: { sub: "usr_1", sv: 0, authAt: at, seenAt: at, ...(ro ? { ro: true } : {}) }, secret: sessionSecret() });
    return `${sessionCookieName()}=${token}`;
  }
  const rewriteOf = (response: Response) => response.headers.get("x-middleware-rewrite");

  it("sends an auditor's server action and every non-GET request to the refusal route", async () => {
    configure({ NODE_ENV: "test" });
    const auditor = await cookie(true);
    const action = await proxy(request("http://localhost:3000/incidents/INC-1", { cookie: auditor, "next-action": "7f00aa" }, "POST"));
    expect(rewriteOf(action)).toBe("http://localhost:3000/api/read-only-refused");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await proxy(request("http://localhost:3000/api/alarms", { cookie: auditor }, method));
      expect(rewriteOf(response), method).toBe("http://localhost:3000/api/read-only-refused");
    }
  });

  it("lets the same session read, sign in and sign out", async () => {
    configure({ NODE_ENV: "test" });
    const auditor = await cookie(true);
    expect(rewriteOf(await proxy(request("http://localhost:3000/incidents", { cookie: auditor })))).toBeNull();
    expect(rewriteOf(await proxy(request("http://localhost:3000/api/compliance/map?format=csv", { cookie: auditor }, "HEAD")))).toBeNull();
    expect(rewriteOf(await proxy(request("http://localhost:3000/api/session/sign-out", { cookie: auditor }, "POST")))).toBeNull();
    expect(rewriteOf(await proxy(request("http://localhost:3000/api/auth/signout", { cookie: auditor }, "POST")))).toBeNull();
  });

  it("does not touch the writes of other sessions or of visitors", async () => {
    configure({ NODE_ENV: "test" });
    const lead = await cookie(false);
    expect(rewriteOf(await proxy(request("http://localhost:3000/incidents/INC-1", { cookie: lead, "next-action": "7f00aa" }, "POST")))).toBeNull();
    expect(rewriteOf(await proxy(request("http://localhost:3000/setup", { "next-action": "7f00aa" }, "POST")))).toBeNull();
  });

  it("a server action cannot pass as sign-out: the open paths hold for plain posts only", async () => {
    configure({ NODE_ENV: "test" });
    const auditor = await cookie(true);
    const response = await proxy(request("http://localhost:3000/api/session/sign-out", { cookie: auditor, "next-action": "7f00aa" }, "POST"));
    expect(rewriteOf(response)).toBe("http://localhost:3000/api/read-only-refused");
  });

  it("strips client-sent refusal headers: the refusal route only sees what the proxy itself set", async () => {
    configure({ NODE_ENV: "test" });
    const forged = { "x-vigil-refused-path": "/settings/users/usr_victim", "x-vigil-refused-method": "DELETE", "x-vigil-refused-action": "forged-action" };
    // The headers the proxy forwards to the app (Next carries them as x-middleware-request-*).
    const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
    const overridden = (response: Response) => (response.headers.get("x-middleware-override-headers") ?? "").split(",");
    const visitor = await proxy(request("http://localhost:3000/api/read-only-refused", forged, "POST"));
    const lead = await proxy(request("http://localhost:3000/api/read-only-refused", { cookie: await cookie(false), ...forged }, "POST"));
    for (const response of [visitor, lead]) {
      for (const name of Object.keys(forged)) {
        expect(forwarded(response, name), name).toBeNull();
        expect(overridden(response), name).not.toContain(name);
      }
    }
    // An auditor's plain POST: the proxy sets path and method, and drops the forged action id.
    const auditor = await proxy(request("http://localhost:3000/incidents", { cookie: await cookie(true), ...forged }, "POST"));
    expect(rewriteOf(auditor)).toBe("http://localhost:3000/api/read-only-refused");
    expect(forwarded(auditor, "x-vigil-refused-path")).toBe("/incidents");
    expect(forwarded(auditor, "x-vigil-refused-method")).toBe("POST");
    expect(forwarded(auditor, "x-vigil-refused-action")).toBeNull();
    expect(overridden(auditor)).not.toContain("x-vigil-refused-action");
  });
});
