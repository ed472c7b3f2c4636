import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db, type Db } from "@/lib/db/client";
import type { TImportKindRef } from "./import-kind";
import { ZColumnMapping, type TColumnMapping } from "./types";

/** The saved column mapping of an import kind, or null when none was saved. */
export async function getImportMapping(actor: Actor, kind: TImportKindRef, database: Db = db()): Promise<TColumnMapping | null> {
  await authorize(actor, kind.permission);
  const saved = await database.csvImportMapping.findUnique({ where: { kind: kind.kind } });
  return saved ? ZColumnMapping.parse(saved.mapping) : null;
}
