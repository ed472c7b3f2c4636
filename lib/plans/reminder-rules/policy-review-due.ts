import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { POLICY_REVIEW_CLOCK } from "../clock-source";
import { POLICY_REVIEW_DUE_RULE, policyReviewDueReminder } from "./policy-review-due.pure";

export const policyReviewDueRule: TReminderRule = {
  name: POLICY_REVIEW_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Reviews due within 30 days or overdue, as the clock registry lists them.
    const items = await clockSource(POLICY_REVIEW_CLOCK).listOpen(database, now, { dueBefore: utcDay(now, 31), scope: { kind: "all" } });
    if (items.length === 0) return [];
    const owners = [...new Set(items.flatMap((i) => i.ownerIds))];
    const [leads, active] = await Promise.all([
      activeUserIdsWithRole(database, "security_lead"),
      database.user.findMany({ where: { id: { in: owners }, status: "active" }, select: { id: true } }),
    ]);
    const activeIds = new Set(active.map((u) => u.id));
    return items.flatMap((item) => {
      const reminder = policyReviewDueReminder(
        { id: item.id, reference: item.reference, title: item.title.replace(/^Review of /, ""), dueOn: item.dueAt, basis: item.facts?.basis === "major-change" ? "major-change" : "periodic", ownerIds: item.ownerIds },
        now,
        leads,
        activeIds,
      );
      return reminder ? [reminder] : [];
    });
  },
};
