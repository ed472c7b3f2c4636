import "server-only";
// Flags are stored on each account so lists can filter and count them in the database. They are
// computed again on every import and change (for the accounts touched) and daily for all, since
// time alone makes an account dormant or its owner a leaver.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { accountFlags } from "./access-rules";
import { readAccessSettings } from "./access-settings";

const BATCH = 500;

/** Recomputes the flags of the matching accounts; returns how many changed. */
export async function refreshFlags(tx: Tx, where: Prisma.AccessAccountWhereInput, now: Date): Promise<number> {
  const { dormantDays } = await readAccessSettings(tx);
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const accounts: { id: string; identifier: string; kind: "human" | "service"; status: "active" | "revoked"; alsoUsedByIds: string[]; lastUsedAt: Date | null; accountCreatedOn: Date | null; mfa: boolean | null; flags: string[]; person: { endsOn: Date | null } | null; system: { mfaEnforced: boolean | null } }[] =
      await tx.accessAccount.findMany({
        where: after ? { AND: [where, { id: { gt: after } }] } : where,
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, identifier: true, kind: true, status: true, alsoUsedByIds: true, lastUsedAt: true, accountCreatedOn: true, mfa: true, flags: true, person: { select: { endsOn: true } }, system: { select: { mfaEnforced: true } } },
      });
    for (const a of accounts) {
      const flags = accountFlags({ ...a, alsoUsedByCount: a.alsoUsedByIds.length, systemMfaEnforced: a.system.mfaEnforced }, now, dormantDays);
      if (flags.join(",") !== a.flags.join(",")) {
        await tx.accessAccount.update({ where: { id: a.id }, data: { flags } });
        changed += 1;
      }
    }
    if (accounts.length < BATCH) return changed;
    after = accounts[accounts.length - 1]!.id;
  }
}
