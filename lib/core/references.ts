// Not "server-only": the demo seed numbers its records with the same counter.
import type { Tx } from "@/lib/db/client";

/**
 * The next reference of a per-year series, "INC-2026-0001". The upsert locks the counter row
 * until the transaction ends, so concurrent creators wait for each other and never share a
 * number; a rolled-back creation gives its number back.
 */
export async function nextReference(tx: Pick<Tx, "$queryRaw">, scope: "INC" | "LPR" | "EV" | "AUD" | "FND" | "CERT" | "POL" | "ACT" | "PER" | "SYS" | "ACR" | "CRD" | "AST" | "ROP" | "RET", at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "ReferenceCounter" ("scope", "year", "lastNumber") VALUES (${scope}, ${year}, 1)
    ON CONFLICT ("scope", "year") DO UPDATE SET "lastNumber" = "ReferenceCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return `${scope}-${year}-${String(rows[0]!.lastNumber).padStart(4, "0")}`;
}
