import "server-only";
import { utcDay } from "@/lib/findings/types";
import { collectFromClock, type TReminderRule, leadsAndActiveOwners } from "@/lib/reminders";
import { POLICY_REVIEW_CLOCK } from "../clock-source";
import { POLICY_REVIEW_DUE_RULE, policyReviewDueReminder } from "./policy-review-due.pure";

// Reviews due within 30 days or overdue, as the clock registry lists them.
export const policyReviewDueRule: TReminderRule = {
  name: POLICY_REVIEW_DUE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: POLICY_REVIEW_CLOCK,
      dueBefore: utcDay(now, 31),
      recipients: leadsAndActiveOwners,
      remind: (item, { leads, activeOwnerIds }) =>
        policyReviewDueReminder(
          { id: item.id, reference: item.reference, title: item.title.replace(/^Review of /, ""), dueOn: item.dueAt, basis: item.facts?.basis === "major-change" ? "major-change" : "periodic", ownerIds: item.ownerIds },
          now,
          leads,
          activeOwnerIds,
        ),
    }),
};
