import "server-only";
// Accounts of one system from CSV, through the shared import (lib/core/csv-import): the column
// mapping is saved per system, the preview is staged and checked again on commit, all or nothing.
// A re-import reconciles by account name: unchanged rows write nothing; accounts no longer in
// the file are revoked (the system no longer has them); a revoked account that appears again is
// active again and its revocation task reopens. Flags are computed again for the system.
import { actorId, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { commitImport } from "@/lib/core/csv-import/commit-import";
import { getImportMapping } from "@/lib/core/csv-import/get-import-mapping";
import type { TImportKind } from "@/lib/core/csv-import/import-kind";
import { previewImport } from "@/lib/core/csv-import/preview-import";
import { saveImportMapping } from "@/lib/core/csv-import/save-import-mapping";
import type { TColumnMapping, TImportCounts, TImportPreview } from "@/lib/core/csv-import/types";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { completeTask } from "@/lib/core/tasks/complete-task";
import { accountTaskSubject, findSystemToRead, lockSystem, peopleIndex } from "./access-access";
import { markFirstUse } from "./access-settings";
import { accountDiff, accountFields, identifierKeyOf, type TStoredAccount } from "./account-rows";
import { refreshFlags } from "./refresh-flags";
import { markRevoked, reopenRevocation } from "./revocations";
import { ACCOUNT_IMPORT_FIELDS, ZAccountRow, type TAccountRow } from "./schemas";

type TExisting = TStoredAccount & { people: Map<string, string[]> };

/** The import kind of one system's accounts; its name keys the saved column mapping. */
export function accountImportKind(system: { id: string; reference: string; ownerUserId: string | null }, actor: Actor): TImportKind<TAccountRow, TExisting> {
  let people: Map<string, string[]> = new Map();
  return {
    kind: `access.accounts:${system.id}`,
    fields: ACCOUNT_IMPORT_FIELDS,
    schema: ZAccountRow,
    permission: "access.manage",
    keyOf: (row) => identifierKeyOf(row.identifier),
    async loadExisting(tx) {
      people = await peopleIndex(tx);
      const accounts = await tx.accessAccount.findMany({ where: { systemId: system.id, status: "active" } });
      return new Map(accounts.map((a) => [a.identifierKey, { ...a, people }]));
    },
    diff: (row, existing) => accountDiff(accountFields(row, existing.people), existing),
    async apply(tx, plan) {
      const at = clockNow();
      const link = `/access/systems/${system.reference}`;
      for (const entry of plan.rows) {
        if (entry.class === "removed") {
          const account = entry.existing!;
          await markRevoked(tx, account.id, (await tx.accessAccount.findUniqueOrThrow({ where: { id: account.id }, select: { revocationDueAt: true } })).revocationDueAt, at);
          const open = await tx.task.findMany({ where: { subjectType: "access-account", subjectId: account.id, state: "open", title: { startsWith: "Revoke" } }, select: { id: true } });
          for (const task of open) await completeTask(actor, accountTaskSubject(account, system, link), task.id, { note: "The account is no longer in the system's list of accounts (CSV import)." });
          continue;
        }
        const fields = accountFields(entry.row!, people);
        const identifierKey = identifierKeyOf(fields.identifier);
        if (entry.class === "changed") {
          await tx.accessAccount.update({ where: { id: entry.existing!.id }, data: fields });
          continue;
        }
        // Added: new, or a revoked account that appears again.
        const revoked = await tx.accessAccount.findUnique({ where: { systemId_identifierKey: { systemId: system.id, identifierKey } } });
        if (revoked) {
          await tx.accessAccount.update({ where: { id: revoked.id }, data: { ...fields, status: "active", revokedAt: null } });
          await reopenRevocation(tx, actor, { ...revoked, status: "active" }, { ...system, builtIn: null });
        } else {
          await tx.accessAccount.create({ data: { id: newId("acc"), systemId: system.id, identifierKey, ...fields, flags: [], createdById: actorId(actor), createdAt: at } });
        }
      }
      await markFirstUse(tx, at);
      await refreshFlags(tx, { systemId: system.id }, at);
    },
  };
}

async function importableSystem(actor: Actor, reference: string) {
  return withTransaction(async (tx) => {
    const system = await lockSystem(tx, actor, reference, "access.manage");
    if (system.builtIn) throw new AppError("INVALID_STATE", "Vigil's own accounts come from its users automatically: there is nothing to import.");
    if (system.retiredAt) throw new AppError("INVALID_STATE", "This system is retired.");
    return system;
  });
}

export async function previewAccountImport(actor: Actor, systemReference: string, file: string, mapping?: TColumnMapping): Promise<TImportPreview> {
  const system = await importableSystem(actor, systemReference);
  return previewImport(actor, accountImportKind(system, actor), file, mapping ? { mapping } : {});
}

export async function commitAccountImport(actor: Actor, systemReference: string, previewId: string): Promise<TImportCounts> {
  const system = await importableSystem(actor, systemReference);
  return commitImport(actor, accountImportKind(system, actor), previewId);
}

export async function saveAccountImportMapping(actor: Actor, systemReference: string, mapping: unknown): Promise<void> {
  const system = await importableSystem(actor, systemReference);
  await saveImportMapping(actor, accountImportKind(system, actor), mapping as TColumnMapping);
}

export async function getAccountImportMapping(actor: Actor, systemReference: string): Promise<TColumnMapping | null> {
  const system = await findSystemToRead(db(), actor, systemReference);
  return getImportMapping(actor, accountImportKind({ id: system.id, reference: system.reference, ownerUserId: system.owner?.userId ?? null }, actor));
}

/** A staged preview of this system, for the confirm step. */
export async function getAccountImportPreview(actor: Actor, systemReference: string, previewId: string): Promise<TImportPreview | null> {
  const system = await findSystemToRead(db(), actor, systemReference);
  const preview = await db().csvImportPreview.findFirst({ where: { id: previewId, kind: `access.accounts:${system.id}`, status: "previewed" } });
  if (!preview) return null;
  const plan = preview.plan as unknown as { entries: TImportPreview["entries"]; counts: TImportCounts };
  return { id: preview.id, kind: preview.kind, counts: plan.counts, entries: plan.entries, problems: preview.problems as unknown as TImportPreview["problems"] };
}
