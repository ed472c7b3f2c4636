// Builds the production bundle, then runs the Playwright suite against `next start`.
// Called through scripts/with-test-db.ts, so DATABASE_URL is a fresh database.
import { spawnSync } from "node:child_process";

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  return result.status ?? 1;
}

if (!process.env.DATABASE_URL) {
  console.error("run-e2e needs DATABASE_URL: run it as `npm run test:e2e`.");
  process.exit(2);
}
if (process.env.E2E_SKIP_BUILD !== "1") {
  const built = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  if (built !== 0) process.exit(built);
}
process.exit(run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)]));
