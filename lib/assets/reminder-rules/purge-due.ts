import "server-only";
import { utcDay } from "@/lib/findings/types";
import { collectFromClock, type TReminderRule, leadsAndActiveOwners } from "@/lib/reminders";
import { PURGE_ATTESTATION_CLOCK } from "../clock-source";
import { PURGE_DUE_RULE, purgeDueReminder } from "./purge-due.pure";

// Purges due within 3 days or overdue, as the clock registry lists them.
export const purgeDueRule: TReminderRule = {
  name: PURGE_DUE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: PURGE_ATTESTATION_CLOCK,
      dueBefore: utcDay(now, 4),
      recipients: leadsAndActiveOwners,
      remind: (item, { leads, activeOwnerIds }) =>
        purgeDueReminder({ id: item.id, reference: item.reference, dataStore: item.title.replace(/^Purge of /, ""), dueOn: item.dueAt, ownerIds: item.ownerIds }, now, leads, activeOwnerIds),
    }),
};
