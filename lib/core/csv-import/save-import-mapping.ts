import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { withTransaction } from "@/lib/db/transaction";
import { parseInput, validationError } from "@/lib/core/field-errors";
import type { TImportKindRef } from "./import-kind";
import { ZColumnMapping, type TColumnMapping } from "./types";

/** Saves the column mapping of an import kind; the next preview of that kind uses it. */
export async function saveImportMapping(actor: Actor, kind: TImportKindRef, input: unknown): Promise<TColumnMapping> {
  await authorize(actor, kind.permission);
  const mapping = parseInput(ZColumnMapping, input);
  const unknownFields = Object.values(mapping).filter((field) => !kind.fields.includes(field));
  if (unknownFields.length) throw validationError({ mapping: `No such field: ${unknownFields.join(", ")}.` });
  const fields = Object.values(mapping);
  if (new Set(fields).size !== fields.length) throw validationError({ mapping: "Map each field from one column only." });
  return withTransaction(async (tx) => {
    await tx.csvImportMapping.upsert({ where: { kind: kind.kind }, create: { kind: kind.kind, mapping, updatedById: actorId(actor) }, update: { mapping, updatedById: actorId(actor) } });
    await recordAuditEvent(tx, { actor, action: "import.mapping-saved", target: { type: "csv-import-mapping", id: kind.kind }, details: { fields } });
    return mapping;
  });
}
