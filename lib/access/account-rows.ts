import "server-only";
// What an account row (from the form or a CSV file) writes: its people resolved against the
// register, its fields compared with the stored account so a re-import changes nothing.
import { parseCalendarDay } from "@/lib/findings/types";
import type { TAccountRow } from "./schemas";

export type TStoredAccount = {
  id: string;
  identifier: string;
  kind: "human" | "service";
  personId: string | null;
  alsoUsedByIds: string[];
  privileges: string | null;
  lastUsedAt: Date | null;
  mfa: boolean | null;
  accountCreatedOn: Date | null;
};

export const identifierKeyOf = (identifier: string) => identifier.trim().toLowerCase();

/** The row's people as ids: the first owns the account, the others also use it; unknown names are left out (the account is then orphaned). */
export function resolvePeople(names: readonly string[], index: ReadonlyMap<string, string[]>): { personId: string | null; alsoUsedByIds: string[] } {
  const ids = [...new Set(names.flatMap((name) => (index.get(name.toLowerCase()) ?? []).slice(0, 1)))];
  return { personId: ids[0] ?? null, alsoUsedByIds: ids.slice(1) };
}

export function accountFields(row: TAccountRow, index: ReadonlyMap<string, string[]>) {
  return {
    identifier: row.identifier,
    kind: row.kind,
    ...resolvePeople(row.person, index),
    privileges: row.privileges,
    lastUsedAt: row.lastUsed,
    mfa: row.mfa,
    accountCreatedOn: row.created ? parseCalendarDay(row.created) : null,
  };
}

/** The fields whose values the row would change. */
export function accountDiff(next: ReturnType<typeof accountFields>, stored: TStoredAccount): string[] {
  const same = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : JSON.stringify(a) === JSON.stringify(b));
  return (["identifier", "kind", "personId", "alsoUsedByIds", "privileges", "lastUsedAt", "mfa", "accountCreatedOn"] as const).filter((field) => !same(next[field], stored[field]));
}
