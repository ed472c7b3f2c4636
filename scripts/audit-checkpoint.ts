// `npm run audit:checkpoint [-- --export checkpoints.json]`: signs a checkpoint of the audit
// chain's head now, and optionally writes every checkpoint to a file to keep outside the
// database (give that file to `npm run audit:verify -- --checkpoints <file>` later).
import fs from "node:fs";
import { systemActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { withDatabase } from "@/lib/db/embedded-server";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { exportableCheckpoint, signManualCheckpoint } from "@/lib/audit-log/checkpoints";

async function main(): Promise<void> {
  await withDatabase(env(), async (databaseUrl) => {
    const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
    try {
      await checkpoint(database);
    } finally {
      await database.$disconnect();
    }
  });
}

async function checkpoint(database: PrismaClient): Promise<void> {
  const checkpoint = await signManualCheckpoint(database, systemActor("checkpoint"), new Date());
  console.log(`Signed checkpoint ${checkpoint.id}: sequence ${checkpoint.sequence}, hash ${checkpoint.hash}`);
  const index = process.argv.indexOf("--export");
  const file = index >= 0 ? process.argv[index + 1] : undefined;
  if (file) {
    const all = await database.auditCheckpoint.findMany({ orderBy: { sequence: "asc" } });
    fs.writeFileSync(file, `${JSON.stringify({ checkpoints: all.map((c) => exportableCheckpoint({ ...c })) }, null, 2)}\n`);
    console.log(`Wrote ${all.length} checkpoints to ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(`audit:checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
