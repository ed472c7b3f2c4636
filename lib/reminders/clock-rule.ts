import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { TDueItem } from "@/lib/core/clocks/types";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "./recipients";
import type { TDueReminder } from "./types";

/** What a rule makes of one due item: nothing, one reminder, or several (a notice's undelivered and due reminders). */
type TRemindersOf = TDueReminder | null | undefined | readonly (TDueReminder | null)[];

export interface TClockReminders<TRecipients> {
  /** The clock source in the registry whose open items the rule reads. */
  clock: string;
  /** Items due before this time are read, overdue ones included. */
  dueBefore: Date;
  limit?: number;
  /** Who the reminders may go to: read once per sweep, and only when an item is due. */
  recipients: (database: Db, items: readonly TDueItem[]) => Promise<TRecipients>;
  /** The reminders of one item (the rule's pure part: thresholds, keys, words). */
  remind: (item: TDueItem, recipients: TRecipients) => TRemindersOf;
}

/**
 * The body of a reminder rule that reads its records' deadlines from the clock registry, as the
 * dashboard and the compliance map read them, so that a reminder, a clock on screen and a
 * control's status never disagree about what is due. Rules call it inside `collect`, never at
 * module load: a rule's module can load before its clock source's (the import graph has cycles).
 */
export async function collectFromClock<TRecipients>(database: Db, now: Date, rule: TClockReminders<TRecipients>): Promise<TDueReminder[]> {
  const items = await clockSource(rule.clock).listOpen(database, now, { dueBefore: rule.dueBefore, scope: { kind: "all" }, limit: rule.limit });
  if (items.length === 0) return [];
  const recipients = await rule.recipients(database, items);
  return items.flatMap((item) => {
    const made = rule.remind(item, recipients);
    if (!made) return [];
    return Array.isArray(made) ? made.filter((r): r is TDueReminder => r !== null) : [made as TDueReminder];
  });
}

/** For rules whose items name their own recipients (a task's owner, a transfer's receiver). */
export async function noRecipients(): Promise<null> {
  return null;
}

/** The active security leads. */
export function securityLeads(database: Db): Promise<string[]> {
  return activeUserIdsWithRole(database, "security_lead");
}

/** The active security leads, and which of the items' owners have an active account (the others' reminders go to the leads). */
export async function leadsAndActiveOwners(database: Db, items: readonly TDueItem[]): Promise<{ leads: string[]; activeOwnerIds: Set<string> }> {
  const owners = [...new Set(items.flatMap((i) => i.ownerIds))];
  const [leads, active] = await Promise.all([
    securityLeads(database),
    database.user.findMany({ where: { id: { in: owners }, status: "active" }, select: { id: true } }),
  ]);
  return { leads, activeOwnerIds: new Set(active.map((u) => u.id)) };
}
