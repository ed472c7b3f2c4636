// Pure rules of quarterly access review campaigns: when one is due and opens, who may decide on
// an account, who may sign off. Unit-tested on a fixed clock (campaign-rules.test.ts).
import { DAYS, stateRule } from "@/lib/core/clocks/clock-state";
import { utcDay } from "@/lib/findings/types";
import type { TAccountFlag } from "./access-rules";

/** DPP GS-2 (November 2025): people and services with access reviewed at least every 90 days. */
export const REVIEW_EVERY_DAYS = 90;
/** A campaign opens this many days before it is due. */
export const OPENS_DAYS_BEFORE = 14;

export const ACCESS_DECISIONS = ["keep", "revoke", "change"] as const;
export type TAccessDecision = (typeof ACCESS_DECISIONS)[number];
export const ACCESS_DECISION_LABELS: Record<TAccessDecision, string> = { keep: "Keep", revoke: "Revoke", change: "Change privileges" };

/** The next campaign's due day: 90 days after the previous one's due day, the first 90 days after the module's first use. */
export function nextCampaignDueOn(previousDueOn: Date | null, firstUsedAt: Date): Date {
  return previousDueOn ? utcDay(previousDueOn, REVIEW_EVERY_DAYS) : utcDay(firstUsedAt, REVIEW_EVERY_DAYS);
}

/** The next campaign's due day from what is recorded: null before the module's first use and before any campaign. */
export function nextDueOnFrom(previousDueOn: Date | null, firstUsedAt: Date | null): Date | null {
  if (previousDueOn) return nextCampaignDueOn(previousDueOn, previousDueOn);
  return firstUsedAt ? nextCampaignDueOn(null, firstUsedAt) : null;
}

export function campaignOpensOn(dueOn: Date): Date {
  return utcDay(dueOn, -OPENS_DAYS_BEFORE);
}

/** Is it time to open the campaign due on this day (from 14 days before it)? */
export function isCampaignOpenable(dueOn: Date, now: Date): boolean {
  return utcDay(now).getTime() >= campaignOpensOn(dueOn).getTime();
}

/** Amber in its last 7 days, red once its due day has ended. */
export const campaignDueState = stateRule({ dueSoonWithinMs: DAYS(7), allDay: true });

export interface TDecisionCheck {
  campaignOpen: boolean;
  /** The Vigil user whose account this is, if any. */
  holderUserId: string | null;
  flags: readonly (TAccountFlag | string)[];
}

/** Why this decision cannot be recorded ({ field: message }, "form" for the record itself); empty when it can. */
export function decisionErrors(item: TDecisionCheck, actorUserId: string, decision: { decision: TAccessDecision; reason: string | null }): Record<string, string> {
  if (!item.campaignOpen) return { form: "This campaign is signed off: its decisions can no longer change." };
  if (item.holderUserId !== null && item.holderUserId === actorUserId) return { form: "Nobody decides on their own account: another reviewer or a security lead decides on it." };
  if (decision.decision === "keep" && item.flags.length > 0 && !decision.reason) return { reason: "This account is flagged: say why it is kept." };
  if (decision.decision !== "keep" && !decision.reason) return { reason: "Say why." };
  return {};
}

export interface TSignOffCheck {
  campaignOpen: boolean;
  undecided: number;
  /** Everyone who reviews a system of the campaign or decided on one of its accounts. */
  reviewerIds: readonly string[];
}

/** Why the actor cannot sign this campaign off; null when they can. */
export function signOffProblem(campaign: TSignOffCheck, actorUserId: string): string | null {
  if (!campaign.campaignOpen) return "This campaign is already signed off.";
  if (campaign.reviewerIds.includes(actorUserId)) return "A reviewer of this campaign cannot sign it off: another person signs it off.";
  if (campaign.undecided > 0) return `${campaign.undecided} account(s) still have no decision.`;
  return null;
}
