import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { scopeOf } from "@/lib/auth/policy";
import { db, type Db } from "@/lib/db/client";
import { currentScope } from "@/lib/db/transaction-scope";
import { inLanes } from "@/lib/core/in-lanes";
import { nearestFirst } from "./clock-state";
import { CLOCK_SOURCES } from "./registry";
import type { TClockScope, TClockSource, TDueItem } from "./types";

export interface TListDueItemsOptions {
  /** Items due within this many milliseconds from now; overdue ones always. */
  within: number;
  /** At most this many items in all. */
  limit?: number;
}

/**
 * Which items of a source the actor may see: all, only those of records they belong to (or own),
 * or none (a permission they lack, or an "assigned" grant on records that have no members). Not
 * having a source is not a refusal: the list just leaves it out.
 */
export function clockScopeFor(actor: Actor, source: TClockSource): TClockScope | null {
  const scope = scopeOf(actor, source.permission);
  if (scope.kind === "none") return null;
  if (source.scoping === "own") return actor.kind === "user" ? { kind: "member", userId: actor.userId } : null;
  if (scope.kind === "all") return scope;
  return source.scoping === "members" ? scope : null;
}

/**
 * Sources read at once, outside a transaction: a few connections of the pool, not all of them.
 * Each of the lanes takes the next source when its last is read, so one slow source (a lead's
 * policies to acknowledge) holds up one lane and not a whole batch of four.
 */
const PARALLEL_SOURCES = 4;

/**
 * Every open item with a deadline the actor may see, overdue first, then nearest due: the
 * dashboard's "overdue and falling due" list. Each source runs one indexed query: a few at a time
 * on the pool, or one after the other inside a transaction (one connection, never two at once).
 */
export async function listDueItems(actor: Actor, now: Date, options: TListDueItemsOptions, database: Db = db()): Promise<TDueItem[]> {
  const limit = options.limit ?? 50;
  const dueBefore = new Date(now.getTime() + options.within);
  const visible: { source: TClockSource; scope: TClockScope }[] = [];
  for (const source of CLOCK_SOURCES) {
    const scope = clockScopeFor(actor, source);
    if (!scope) continue;
    await authorize(actor, source.permission);
    visible.push({ source, scope });
  }
  const read = ({ source, scope }: (typeof visible)[number]) => source.listOpen(database, now, { dueBefore, scope, limit });
  const found = await inLanes(visible, currentScope() ? 1 : PARALLEL_SOURCES, read);
  return found.flat().sort(nearestFirst).slice(0, limit);
}
