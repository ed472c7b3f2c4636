import { expect, test, type Response } from "@playwright/test";
import { createUser, signIn } from "../support/users";

function expectSecurityHeaders(response: Response | null, where: string) {
  expect(response, where).not.toBeNull();
  const h = response!.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp, where).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).toContain("base-uri 'none'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("no-referrer");
  expect(h["cross-origin-opener-policy"], where).toBe("same-origin");
  // Loopback: never HSTS (it would force HTTPS on every local port).
  expect(h["strict-transport-security"], where).toBeUndefined();
  return csp.match(/'nonce-([^']+)'/)![1]!;
}

test.describe("security headers", () => {
  test("every HTML page carries the CSP with a fresh nonce and the other headers", async ({ page }) => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/setup", "/accept-invitation?token=x", "/no-such-page"]) {
      const response = await page.goto(path);
      expect(response!.headers()["content-type"]).toContain("text/html");
      nonces.add(expectSecurityHeaders(response, path));
    }
    const admin = await createUser({ roles: ["admin"] });
    await signIn(page, admin);
    for (const path of ["/", "/profile", "/settings/users", "/settings/users/new", `/settings/users/${admin.id}`, "/incidents"]) {
      const response = await page.goto(path);
      const nonce = expectSecurityHeaders(response, path);
      nonces.add(nonce);
      // Next.js puts the nonce on its scripts, so the page runs under the strict CSP.
      const scripts = await page.locator("script[nonce]").count();
      expect(scripts, path).toBeGreaterThan(0);
    }
    expect(nonces.size).toBe(10);
  });

  test("the pages work under the CSP: no violations reported", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const user = await createUser({ roles: ["security_lead"] });
    await signIn(page, user);
    await page.goto("/profile");
    await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("IP allow-list", () => {
  // playwright.config.ts: loopback is the trusted proxy; 127.0.0.0/8, ::1 and 192.0.2.0/24 are allowed.
  test("refuses an address outside the list on every kind of request", async ({ request }) => {
    for (const path of ["/sign-in", "/api/health", "/api/auth/csrf"]) {
      const refused = await request.get(path, { headers: { "X-Forwarded-For": "203.0.113.7" } });
      expect(refused.status(), path).toBe(403);
      expect(await refused.text()).toContain("not allowed from this network address");
    }
    const allowed = await request.get("/api/health", { headers: { "X-Forwarded-For": "192.0.2.44" } });
    expect(allowed.status()).toBe(200);
  });
});
