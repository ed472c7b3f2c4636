// What every deadline in Vigil looks like once it is listed: types only, so screens (client
// components too) can import them. The registry and the sources are server-only.
import type { Permission } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

/** On time, due soon (amber), overdue (red). */
export type TDueState = "on-time" | "due-soon" | "overdue";

export const DUE_STATES = ["on-time", "due-soon", "overdue"] as const satisfies readonly TDueState[];

export const DUE_STATE_LABELS: Record<TDueState, string> = {
  "on-time": "On time",
  "due-soon": "Due soon",
  overdue: "Overdue",
};

/** One open item with a deadline: an incident's notice to Amazon, a task, a finding's remediation. */
export interface TDueItem {
  /** The clock source's kind, e.g. "incident.amazon-notice". */
  kind: string;
  /** The record's id (the incident's, the task's, ...). */
  id: string;
  title: string;
  /** What people call the record: INC-2026-0001, EVD-2026-0003, the control id. */
  reference: string;
  dueAt: Date;
  /** The due time is a calendar day (UTC midnight): due until that day ends. */
  allDay?: boolean;
  /** Who is expected to act: commander, task owner, receiver of a transfer. */
  ownerIds: string[];
  /** A path inside Vigil. */
  link: string;
  state: TDueState;
  /**
   * Kind-specific values a reminder may need (a finding's control id, an incident's status, user
   * ids, a legal request's requesting party, already in the title): never more personal data than the title.
   */
  facts?: Record<string, string>;
}

/** Which records a listing may return: every one, or only those the user belongs to (owns, for "own" sources). */
export type TClockScope = { kind: "all" } | { kind: "member"; userId: string };

export interface TListOpenOptions {
  /** Items due before this time (overdue ones included). */
  dueBefore: Date;
  scope: TClockScope;
  /** At most this many, nearest first; all of them when left out (reminder rules). */
  limit?: number;
}

/**
 * A kind of deadline. Each module registers one per clock it runs (lib/core/clocks/registry.ts).
 * `listOpen` must run one query on an index over the due column, limited and ordered by due time.
 */
export interface TClockSource {
  kind: string;
  /** For people: "Notice to Amazon (incident)". */
  label: string;
  /** The read permission of the records listed. */
  permission: Permission;
  /**
   * How the listing is narrowed to the actor. "members": an "all" grant sees every item, an
   * "assigned" grant only items of records the actor belongs to. "all-only": only an "all" grant
   * sees the source (its records have no members). "own": everyone with the permission sees only
   * items they own (what is assigned to them).
   */
  scoping: "members" | "all-only" | "own";
  /** The colour rule of this kind: pure. */
  state(dueAt: Date, now: Date): TDueState;
  listOpen(database: Db, now: Date, options: TListOpenOptions): Promise<TDueItem[]>;
}
