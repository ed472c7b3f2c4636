import "server-only";
import { collectFromClock, type TReminderRule, securityLeads } from "@/lib/reminders";
import { ATTESTATION_CLOCK } from "../clock-source";
import { ATTESTATION_DUE_RULE, attestationDueReminder } from "./attestation-due.pure";

const DAY_MS = 24 * 3600_000;

// Attestations whose renewal day is within 31 days or past, as the clock registry lists them.
export const attestationDueRule: TReminderRule = {
  name: ATTESTATION_DUE_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: ATTESTATION_CLOCK,
      dueBefore: new Date(now.getTime() + 31 * DAY_MS),
      recipients: securityLeads,
      remind: (item, leads) =>
        attestationDueReminder(
          { id: item.id, controlId: item.reference, controlTitle: item.facts?.controlTitle ?? item.reference, nextDueAt: item.dueAt, ownerId: item.ownerIds[0] ?? null },
          now,
          leads,
        ),
    }),
};
