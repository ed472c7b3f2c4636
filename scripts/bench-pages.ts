// `npm run bench:pages -- --base-url http://localhost:3000`: how long a running Vigil takes to
// serve its main pages to a signed-in person. Signs in the way the sign-in form does (email,
// password and a TOTP code computed from the authenticator secret, as the e2e fixtures do), or
// uses a session cookie given in BENCH_COOKIE; then loads each page once to warm it and --runs
// times (default 5) to measure, each time to the last byte of the HTML, one request at a time.
// Prints p95 and max per page (with 5 runs, p95 is the slowest run: nearest rank).
//
//   BENCH_EMAIL, BENCH_PASSWORD, BENCH_TOTP_SECRET   who signs in (or --email/--password/--totp-secret)
//   BENCH_COOKIE                                     instead: a Cookie header with a session
//   BENCH_BASE_URL                                   instead of --base-url (default http://localhost:3000)
//
// Pages: the dashboard, incidents, one incident (the first in the list), evidence, compliance,
// the audit log, and the auditor portal when the person is an auditor (their menu has it). A
// page the person may not open is still timed; its status or "not allowed" shows in the table.
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { totpCode } from "@/lib/auth/totp";

const { values } = parseArgs({
  options: {
    "base-url": { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    "totp-secret": { type: "string" },
    runs: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    "slow-ms": { type: "string", default: "1000" },
  },
});

const baseUrl = (values["base-url"] ?? process.env.BENCH_BASE_URL ?? "http://localhost:3000").replace(/\/$/, "");
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const slowMs = Number(values["slow-ms"]);

/** Cookies by name, sent back on every request (Secure ones too: this is localhost or a test host). */
const jar = new Map<string, string>();

function remember(response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair!.indexOf("=");
    const name = pair!.slice(0, index).trim();
    const value = pair!.slice(index + 1).trim();
    if (/;\s*max-age=0/i.test(header) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

function cookieHeader(): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(), origin: baseUrl },
  });
  remember(response);
  return response;
}

async function signIn(): Promise<void> {
  if (process.env.BENCH_COOKIE) {
    for (const part of process.env.BENCH_COOKIE.split(";")) {
      const index = part.indexOf("=");
      if (index > 0) jar.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
    }
    return;
  }
  const email = values.email ?? process.env.BENCH_EMAIL;
  const password = values.password ?? process.env.BENCH_PASSWORD;
  const secret = values["totp-secret"] ?? process.env.BENCH_TOTP_SECRET;
  if (!email || !password || !secret) throw new Error("give BENCH_EMAIL, BENCH_PASSWORD and BENCH_TOTP_SECRET (or BENCH_COOKIE)");
  const csrf = (await (await request("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, code: totpCode(secret, new Date()), callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  await response.text();
  if (![...jar.keys()].some((name) => name.endsWith("vigil.session"))) {
    throw new Error(`sign-in refused (HTTP ${response.status}): check the email, password and secret; a TOTP code works once per 30 seconds`);
  }
}

interface TLoad {
  ms: number;
  status: number;
  html: string;
}

async function load(path: string): Promise<TLoad> {
  const started = performance.now();
  const response = await request(path);
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status >= 300 && response.status < 400 && /\/sign-in/.test(response.headers.get("location") ?? "")) {
    throw new Error(`${path}: sent to the sign-in page: the session is not valid`);
  }
  return { ms, status: response.status, html };
}

function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) throw new Error("--runs must be 1 or more, --warmup 0 or more");
  await signIn();
  const home = await load("/");
  const isAuditor = home.html.includes('href="/auditor"');
  const list = await load("/incidents");
  const firstIncident = /href="(\/incidents\/INC-[0-9]{4}-[0-9]+)"/.exec(list.html)?.[1];
  const pages = ["/", "/incidents", ...(firstIncident ? [firstIncident] : []), "/evidence", "/compliance", "/audit-log", ...(isAuditor ? ["/auditor"] : [])];

  console.log(`Vigil at ${baseUrl}, signed in${isAuditor ? " as an auditor" : ""}: ${warmup} warm-up and ${runs} measured load(s) per page, one at a time.\n`);
  const rows: { page: string; status: string; p95: number; max: number; median: number }[] = [];
  for (const page of pages) {
    for (let i = 0; i < warmup; i++) await load(page);
    const samples: number[] = [];
    const statuses = new Set<string>();
    for (let i = 0; i < runs; i++) {
      const { ms, status, html } = await load(page);
      samples.push(ms);
      statuses.add(html.includes("You do not have permission to see this page") ? `${status} not allowed` : String(status));
    }
    samples.sort((a, b) => a - b);
    rows.push({ page, status: [...statuses].join(","), p95: nearestRank(samples, 95), max: samples[samples.length - 1]!, median: nearestRank(samples, 50) });
  }

  const width = Math.max(4, ...rows.map((r) => r.page.length));
  console.log(`${"page".padEnd(width)}  ${"status".padEnd(16)}  ${"median ms".padStart(9)}  ${"p95 ms".padStart(8)}  ${"max ms".padStart(8)}`);
  for (const r of rows) {
    const flag = r.p95 > slowMs ? `  over ${slowMs} ms` : "";
    console.log(`${r.page.padEnd(width)}  ${r.status.padEnd(16)}  ${r.median.toFixed(0).padStart(9)}  ${r.p95.toFixed(0).padStart(8)}  ${r.max.toFixed(0).padStart(8)}${flag}`);
  }
  const slow = rows.filter((r) => r.p95 > slowMs).map((r) => r.page);
  console.log(`\n${slow.length ? `p95 over ${slowMs} ms: ${slow.join(", ")}` : `Every page's p95 is within ${slowMs} ms.`}`);
}

main().catch((error: unknown) => {
  console.error(`bench:pages failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
