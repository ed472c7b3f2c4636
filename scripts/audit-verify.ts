// `npm run audit:verify [-- --checkpoints exported.json] [--json]`: walks the audit chain of the
// configured database (DATABASE_URL, or the embedded one: attached to while Vigil runs, started
// for this command otherwise) and prints
// "intact: N events, head <hash>" or the first broken sequence and what is wrong with it.
// Exit code 0 when intact, 1 when not, 2 when it could not run.
import fs from "node:fs";
import pg from "pg";
import { env } from "@/lib/env";
import { withDatabase } from "@/lib/db/embedded-server";
import { importCheckpoint, type TExportedCheckpoint } from "@/lib/audit-log/checkpoints";
import { pgAuditReader, verifyAuditLog, type TAuditReader } from "@/lib/audit-log/verify-audit-log";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const config = env();
  const file = option("--checkpoints");
  const externalCheckpoints = file
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as { checkpoints: TExportedCheckpoint[] }).checkpoints.map(importCheckpoint)
    : undefined;
  return withDatabase(config, async (databaseUrl) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      return await verify(pgAuditReader(pool), externalCheckpoints);
    } finally {
      await pool.end();
    }
  });
}

async function verify(reader: TAuditReader, externalCheckpoints: ReturnType<typeof importCheckpoint>[] | undefined): Promise<number> {
  const result = await verifyAuditLog(reader, { externalCheckpoints });
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
  } else {
    console.log(result.summary);
    console.log(
      `checkpoints: ${result.checkpoints.checked} of ${result.checkpoints.total} valid` +
        (result.firstSequence && result.firstSequence > 1n ? `; events before ${result.firstSequence} pruned under retention` : "") +
        `; ${(result.durationMs / 1000).toFixed(2)} s`,
    );
    for (const problem of result.checkpoints.problems) console.log(`checkpoint problem: ${problem.problem}`);
  }
  return result.intact ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
