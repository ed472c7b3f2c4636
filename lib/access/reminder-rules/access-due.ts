import "server-only";
// The access reminder rules: each reads its clock source (the same listing as the dashboard).
import { utcDay } from "@/lib/findings/types";
import { activeUserIdsWithRole, collectFromClock, type TReminderRule, securityLeads } from "@/lib/reminders";
import { ACCESS_CAMPAIGN_CLOCK, ACCESS_LEAVER_CLOCK, ACCESS_ROTATION_CLOCK } from "../clock-source";
import { ACCESS_CAMPAIGN_RULE, ACCESS_LEAVER_RULE, ACCESS_ROTATION_RULE, campaignReminder, leaverReminder, rotationReminder } from "./access-due.pure";

export const accessCampaignRule: TReminderRule = {
  name: ACCESS_CAMPAIGN_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: ACCESS_CAMPAIGN_CLOCK,
      dueBefore: utcDay(now, 15),
      recipients: securityLeads,
      remind: (i, leads) => campaignReminder({ id: i.id, reference: i.reference, dueOn: i.dueAt, reviewerIds: i.ownerIds, undecided: Number(i.facts?.undecided ?? 0) }, now, leads),
    }),
};

export const accessLeaverRule: TReminderRule = {
  name: ACCESS_LEAVER_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: ACCESS_LEAVER_CLOCK,
      dueBefore: new Date(now.getTime() + 25 * 3_600_000),
      recipients: () => Promise.all([securityLeads(database), activeUserIdsWithRole(database, "admin")]),
      remind: (i, [leads, admins]) => leaverReminder({ id: i.id, reference: i.reference, dueAt: i.dueAt, accounts: Number(i.facts?.accounts ?? 0) }, now, leads, admins),
    }),
};

export const accessRotationRule: TReminderRule = {
  name: ACCESS_ROTATION_RULE,
  collect: (database, now) =>
    collectFromClock(database, now, {
      clock: ACCESS_ROTATION_CLOCK,
      dueBefore: utcDay(now, 91),
      recipients: securityLeads,
      remind: (i, leads) =>
        rotationReminder({ id: i.id, reference: i.reference, name: i.title.replace(/^Rotate /, ""), kind: i.facts?.credentialKind ?? "", dueOn: i.dueAt, ownerIds: i.ownerIds }, now, leads),
    }),
};
