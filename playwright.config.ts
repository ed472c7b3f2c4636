import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { defineConfig, devices, chromium } from "@playwright/test";
import { webServerEnv, webServerNodeArgs } from "./scripts/web-node-args.mjs";

// Playwright's own Chromium when installed, else Debian's. Nothing is downloaded.
function chromiumPath(): string | undefined {
  const bundled = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  })();
  if (bundled && fs.existsSync(bundled)) return undefined;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error("No Chromium for the e2e tests: install it with `apt-get install -y chromium` (Debian's package).");
}

const executablePath = chromiumPath();
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Each run gets its own data folder and secrets; the database comes from scripts/with-test-db.ts.
const dataDir = process.env.E2E_DATA_DIR ?? process.env.VIGIL_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "vigil-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_ENCRYPTION_KEYS ??= `1:${randomBytes(32).toString("base64")}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // First run needs a database without users: it runs before every other spec.
    { name: "first-run", testMatch: /auth\/first-run\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
    {
      name: "chromium",
      testIgnore: [/auth\/first-run\.spec\.ts/, /default-install\//],
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
    // The README's `npm start` on the embedded default: the spec starts (and stops) its own
    // server with no DATABASE_URL and no settings, so it does not use the webServer below.
    { name: "default-install", testMatch: /default-install\/.*\.spec\.ts/, timeout: 480_000, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    // The production build made by scripts/run-e2e.ts, served by Vigil's own server as
    // `npm start` does (scripts/serve.mjs: it stamps each request with the socket's address).
    command: ["node", ...webServerNodeArgs(), "scripts/serve.mjs"].join(" "),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      // The memory settings `npm start` gives its server (scripts/web-node-args.mjs).
      MALLOC_ARENA_MAX: webServerEnv().MALLOC_ARENA_MAX,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      VIGIL_DATA_DIR: dataDir,
      VIGIL_BASE_URL: baseURL,
      VIGIL_SECRET: process.env.E2E_SECRET,
      VIGIL_ENCRYPTION_KEYS: process.env.E2E_ENCRYPTION_KEYS,
      VIGIL_REMINDERS_IN_PROCESS: "false",
      // e2e/security: loopback is the trusted proxy, so X-Forwarded-For names the client, and
      // only loopback and the documentation range 192.0.2.0/24 are allowed.
      VIGIL_TRUSTED_PROXIES: "127.0.0.0/8,::1/128",
      VIGIL_IP_ALLOWLIST: "127.0.0.0/8,::1/128,192.0.2.0/24",
      // The run's own SMTP server with STARTTLS (scripts/run-e2e.ts), when there is one.
      ...(process.env.E2E_SMTP_HOST
        ? {
            SMTP_HOST: process.env.E2E_SMTP_HOST,
            SMTP_PORT: process.env.E2E_SMTP_PORT ?? "",
            SMTP_USER: process.env.E2E_SMTP_USER ?? "",
            SMTP_PASSWORD: process.env.E2E_SMTP_PASSWORD ?? "",
            SMTP_CA_FILE: process.env.E2E_SMTP_CA_FILE ?? "",
            MAIL_FROM: "Vigil e2e <vigil@e2e.vigil.test>",
          }
        : {}),
    },
  },
});
