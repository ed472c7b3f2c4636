// Rules about engagements (pure, take `now`).
import { AppError } from "@/lib/errors";
import { AUDITOR_MAX_DAYS } from "@/lib/users/types";
import type { TEngagementState } from "./schemas";
import type { TEngagementBasics } from "./types";

const DAY_MS = 86_400_000;

export interface TEngagementWindow {
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
}

/** Planned until it starts, active until it ends (its end date, or ended early), then ended. */
export function engagementState(e: TEngagementWindow, now: Date): TEngagementState {
  if (e.endedAt || e.endsAt.getTime() <= now.getTime()) return "ended";
  return e.startsAt.getTime() > now.getTime() ? "planned" : "active";
}

/** An ended engagement refuses every change: a new audit opens a new engagement. */
export function assertEngagementOpen(e: TEngagementWindow, now: Date): void {
  if (engagementState(e, now) === "ended") throw new AppError("INVALID_STATE", "This engagement has ended; open a new one instead.");
}

/** Auditors may download granted files only while their engagement is live. */
export function isLive(e: TEngagementWindow, now: Date): boolean {
  return engagementState(e, now) === "active";
}

/** When an engagement's auditors were at work: from its start to its end, or to when it was ended. */
export function activityWindow(e: TEngagementWindow): { from: Date; to: Date } {
  const to = e.endedAt && e.endedAt < e.endsAt ? e.endedAt : e.endsAt;
  return { from: e.startsAt, to };
}

/** Field errors for an engagement's dates: end after start, in the future, at most 90 days away (like auditor access). */
export function engagementDateErrors(dates: { startsAt?: Date; endsAt: Date }, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  if (dates.startsAt && dates.endsAt.getTime() <= dates.startsAt.getTime()) errors.endsAt = "The last day must be after the first day.";
  else if (dates.endsAt.getTime() <= now.getTime()) errors.endsAt = "Choose a last day in the future.";
  else if (dates.endsAt.getTime() > now.getTime() + (AUDITOR_MAX_DAYS + 1) * DAY_MS) errors.endsAt = `An engagement can end at most ${AUDITOR_MAX_DAYS} days from today.`;
  return errors;
}

/**
 * When an auditor's account stops working: the latest end among their engagements that are not
 * ended. With none left, access ends now (`ended`), and their open sessions must end too.
 */
export function auditorAccessEnd(engagements: readonly TEngagementWindow[], now: Date): { accessEndsAt: Date; ended: boolean } {
  let latest: Date | null = null;
  for (const e of engagements) {
    if (engagementState(e, now) === "ended") continue;
    if (!latest || e.endsAt > latest) latest = e.endsAt;
  }
  return latest ? { accessEndsAt: latest, ended: false } : { accessEndsAt: now, ended: true };
}

/** What every view of one engagement shows about it, from its stored row. */
export function engagementBasics(e: { reference: string; name: string; auditFirm: string; scope: string; startsAt: Date; endsAt: Date }): TEngagementBasics {
  return { reference: e.reference, name: e.name, auditFirm: e.auditFirm, scope: e.scope, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString() };
}
