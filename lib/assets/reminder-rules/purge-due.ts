import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { PURGE_ATTESTATION_CLOCK } from "../clock-source";
import { PURGE_DUE_RULE, purgeDueReminder } from "./purge-due.pure";

export const purgeDueRule: TReminderRule = {
  name: PURGE_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Purges due within 3 days or overdue, as the clock registry lists them.
    const items = await clockSource(PURGE_ATTESTATION_CLOCK).listOpen(database, now, { dueBefore: utcDay(now, 4), scope: { kind: "all" } });
    if (items.length === 0) return [];
    const owners = [...new Set(items.flatMap((i) => i.ownerIds))];
    const [leads, active] = await Promise.all([
      activeUserIdsWithRole(database, "security_lead"),
      database.user.findMany({ where: { id: { in: owners }, status: "active" }, select: { id: true } }),
    ]);
    const activeIds = new Set(active.map((u) => u.id));
    return items.flatMap((item) => {
      const reminder = purgeDueReminder({ id: item.id, reference: item.reference, dataStore: item.title.replace(/^Purge of /, ""), dueOn: item.dueAt, ownerIds: item.ownerIds }, now, leads, activeIds);
      return reminder ? [reminder] : [];
    });
  },
};
