import "server-only";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { ATTESTATION_CLOCK } from "../clock-source";
import { ATTESTATION_DUE_RULE, attestationDueReminder } from "./attestation-due.pure";

const DAY_MS = 24 * 3600_000;

export const attestationDueRule: TReminderRule = {
  name: ATTESTATION_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Attestations whose renewal day is within 31 days or past, as the clock registry lists them.
    const items = await clockSource(ATTESTATION_CLOCK).listOpen(database, now, { dueBefore: new Date(now.getTime() + 31 * DAY_MS), scope: { kind: "all" } });
    if (items.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return items.flatMap((item) => {
      const reminder = attestationDueReminder(
        { id: item.id, controlId: item.reference, controlTitle: item.facts?.controlTitle ?? item.reference, nextDueAt: item.dueAt, ownerId: item.ownerIds[0] ?? null },
        now,
        leads,
      );
      return reminder ? [reminder] : [];
    });
  },
};
