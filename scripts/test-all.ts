// `npm test`: every check in order, stopping at the first that fails, then one closing line
// with the counts of every test that ran.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const reports = path.resolve(".test-reports");
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const vitestJson = (name: string) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`];

interface Step {
  name: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
  report?: { file: string; kind: "vitest" | "playwright" };
}

const steps: Step[] = [
  { name: "lint", cmd: bin("eslint"), args: ["--max-warnings=0", "."] },
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  {
    name: "unit tests",
    cmd: bin("vitest"),
    args: ["run", "--project", "unit", ...vitestJson("unit")],
    report: { file: "unit.json", kind: "vitest" },
  },
  {
    name: "integration tests (PostgreSQL and embedded database)",
    cmd: bin("tsx"),
    args: ["scripts/with-test-db.ts", bin("vitest"), "run", "--project", "integration", ...vitestJson("integration")],
    report: { file: "integration.json", kind: "vitest" },
  },
  {
    name: "end-to-end tests (production build in Chromium)",
    cmd: bin("tsx"),
    args: ["scripts/with-test-db.ts", bin("tsx"), "scripts/run-e2e.ts"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "e2e.json") },
    report: { file: "e2e.json", kind: "playwright" },
  },
  {
    // A smoke of `npm run bench` at a small size, on the build the e2e step made: it must run
    // and print its table; the timings are not judged here (docs/performance.md).
    name: "benchmark smoke (npm run bench -- --quick)",
    cmd: bin("tsx"),
    args: ["scripts/with-test-db.ts", bin("tsx"), "--import", "./scripts/server-code.mjs", "scripts/bench.ts", "--quick"],
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };

function count(report: NonNullable<Step["report"]>): void {
  const file = path.join(reports, report.file);
  if (!fs.existsSync(file)) return;
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  if (report.kind === "vitest") {
    totals.passed += Number(data.numPassedTests ?? 0);
    totals.failed += Number(data.numFailedTests ?? 0);
    totals.skipped += Number(data.numPendingTests ?? 0) + Number(data.numTodoTests ?? 0);
  } else {
    const stats = (data.stats ?? {}) as Record<string, number>;
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
}

let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const result = spawnSync(step.cmd, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
  if (step.report) count(step.report);
  console.log(`--- ${step.name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failedStep = step.name;
    break;
  }
}

if (failedStep) console.error(`\nStopped: ${failedStep} failed.`);
if (totals.skipped > 0 && !failedStep) {
  console.error(`\n${totals.skipped} test(s) were skipped: a skipped test does not count as passing.`);
  failedStep = "skipped tests";
}
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedStep ? 1 : 0);
