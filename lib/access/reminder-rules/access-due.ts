import "server-only";
// The access reminder rules: each reads its clock source (the same listing as the dashboard).
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { ACCESS_CAMPAIGN_CLOCK, ACCESS_LEAVER_CLOCK, ACCESS_ROTATION_CLOCK } from "../clock-source";
import { ACCESS_CAMPAIGN_RULE, ACCESS_LEAVER_RULE, ACCESS_ROTATION_RULE, campaignReminder, leaverReminder, rotationReminder } from "./access-due.pure";

const all = { kind: "all" } as const;

export const accessCampaignRule: TReminderRule = {
  name: ACCESS_CAMPAIGN_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const items = await clockSource(ACCESS_CAMPAIGN_CLOCK).listOpen(database, now, { dueBefore: utcDay(now, 15), scope: all });
    if (items.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return items.flatMap((i) => campaignReminder({ id: i.id, reference: i.reference, dueOn: i.dueAt, reviewerIds: i.ownerIds, undecided: Number(i.facts?.undecided ?? 0) }, now, leads) ?? []);
  },
};

export const accessLeaverRule: TReminderRule = {
  name: ACCESS_LEAVER_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const items = await clockSource(ACCESS_LEAVER_CLOCK).listOpen(database, now, { dueBefore: new Date(now.getTime() + 25 * 3_600_000), scope: all });
    if (items.length === 0) return [];
    const [leads, admins] = await Promise.all([activeUserIdsWithRole(database, "security_lead"), activeUserIdsWithRole(database, "admin")]);
    return items.flatMap((i) => leaverReminder({ id: i.id, reference: i.reference, dueAt: i.dueAt, accounts: Number(i.facts?.accounts ?? 0) }, now, leads, admins) ?? []);
  },
};

export const accessRotationRule: TReminderRule = {
  name: ACCESS_ROTATION_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const items = await clockSource(ACCESS_ROTATION_CLOCK).listOpen(database, now, { dueBefore: utcDay(now, 91), scope: all });
    if (items.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return items.flatMap((i) => rotationReminder({ id: i.id, reference: i.reference, name: i.title.replace(/^Rotate /, ""), kind: i.facts?.credentialKind ?? "", dueOn: i.dueAt, ownerIds: i.ownerIds }, now, leads) ?? []);
  },
};
