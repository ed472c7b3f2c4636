// The compliance map rows the plans module evidences (GS-4a, GS-4b, PII-2a, R25-6), as a pure
// function of the facts gatherPlanFacts() reads and `now`. "no_evidence": no record in the
// control's period, never "met".
import { isOverdue } from "@/lib/findings/types";
import type { TControlActivityKind } from "./activity-rules";

export const PLAN_CONTROL_IDS = ["GS-4a", "GS-4b", "PII-2a", "R25-6"] as const;
export type TPlanControlId = (typeof PLAN_CONTROL_IDS)[number];

export type TPlanControlStatus = "met" | "attention" | "not_met" | "no_evidence";

export interface TPlanDocumentFact {
  reference: string;
  versionInForce: number | null;
  approvedAt: Date | null;
  reviewDueOn: Date | null;
  lastReviewedOn: Date | null;
}

export interface TPlanFacts {
  irPlan: TPlanDocumentFact | null;
  privacyPolicy: TPlanDocumentFact | null;
  /** Roles the plan names people for: "impoc", "incident_commander", ... */
  contactRoles: string[];
  activeIncidentTypes: number;
  activities: { kind: TControlActivityKind; reference: string; nextDueOn: Date; lastCompletedOn: Date | null }[];
}

export interface TPlanControlResult {
  status: TPlanControlStatus;
  summary: string;
  problems: string[];
  lastVerifiedAt: Date | null;
  nextDueAt: Date | null;
  evidence: string | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function approvedDocument(doc: TPlanDocumentFact | null, noun: string): TPlanControlResult | null {
  if (!doc || !doc.versionInForce) {
    return { status: "no_evidence", summary: `No approved ${noun} yet.`, problems: [], lastVerifiedAt: null, nextDueAt: null, evidence: null };
  }
  return null;
}

export function evaluatePlanControl(id: TPlanControlId, facts: TPlanFacts, now: Date): TPlanControlResult {
  switch (id) {
    case "GS-4a": {
      const missing = approvedDocument(facts.irPlan, "incident response plan");
      if (missing) return missing;
      const plan = facts.irPlan!;
      const problems = [
        ...(facts.contactRoles.includes("impoc") ? [] : ["The plan names no Incident Management Point of Contact"]),
        ...(facts.contactRoles.includes("incident_commander") ? [] : ["The plan names no incident commander"]),
        ...(facts.activeIncidentTypes > 0 ? [] : ["No incident type is offered"]),
      ];
      return {
        status: problems.length ? "attention" : "met",
        summary: `${plan.reference} version ${plan.versionInForce} in force since ${day(plan.approvedAt!)}, with ${facts.activeIncidentTypes} incident types${problems.length ? `; ${problems.length} gap(s)` : " and named roles"}.`,
        problems,
        lastVerifiedAt: plan.approvedAt,
        nextDueAt: null,
        evidence: `${plan.reference} v${plan.versionInForce}`,
      };
    }
    case "GS-4b": {
      const missing = approvedDocument(facts.irPlan, "incident response plan to review");
      if (missing) return missing;
      const plan = facts.irPlan!;
      const tabletops = facts.activities.filter((a) => a.kind === "tabletop_exercise" && isOverdue(a.nextDueOn, now));
      if (plan.reviewDueOn && isOverdue(plan.reviewDueOn, now)) {
        return { status: "not_met", summary: `The review of ${plan.reference} is overdue since ${day(plan.reviewDueOn)}.`, problems: [`${plan.reference}: review overdue since ${day(plan.reviewDueOn)}`], lastVerifiedAt: plan.lastReviewedOn, nextDueAt: plan.reviewDueOn, evidence: null };
      }
      const basis = plan.lastReviewedOn ? `last reviewed on ${day(plan.lastReviewedOn)}` : `approved on ${day(plan.approvedAt!)}, not reviewed since`;
      return {
        status: tabletops.length ? "attention" : "met",
        summary: `${plan.reference} ${basis}; next review due ${plan.reviewDueOn ? day(plan.reviewDueOn) : "—"}.${tabletops.length ? ` ${tabletops.length} tabletop exercise(s) overdue.` : ""}`,
        problems: tabletops.map((a) => `${a.reference}: tabletop exercise overdue since ${day(a.nextDueOn)}`),
        lastVerifiedAt: plan.lastReviewedOn ?? plan.approvedAt,
        nextDueAt: plan.reviewDueOn,
        evidence: plan.lastReviewedOn ? `Review of ${day(plan.lastReviewedOn)}` : `${plan.reference} v${plan.versionInForce}`,
      };
    }
    case "PII-2a": {
      const missing = approvedDocument(facts.privacyPolicy, "privacy and data-handling policy");
      if (missing) return missing;
      const policy = facts.privacyPolicy!;
      const overdue = policy.reviewDueOn !== null && isOverdue(policy.reviewDueOn, now);
      return {
        status: overdue ? "attention" : "met",
        summary: `${policy.reference} version ${policy.versionInForce} in force since ${day(policy.approvedAt!)}${overdue ? `; its review is overdue since ${day(policy.reviewDueOn!)}` : ""}.`,
        problems: overdue ? [`${policy.reference}: review overdue since ${day(policy.reviewDueOn!)}`] : [],
        lastVerifiedAt: policy.lastReviewedOn ?? policy.approvedAt,
        nextDueAt: policy.reviewDueOn,
        evidence: `${policy.reference} v${policy.versionInForce}`,
      };
    }
    case "R25-6": {
      if (!facts.contactRoles.includes("impoc")) {
        return { status: "not_met", summary: "No Incident Management Point of Contact is named in the incident response plan.", problems: ["No IMPOC named"], lastVerifiedAt: now, nextDueAt: null, evidence: null };
      }
      return { status: "met", summary: `The plan names the IMPOC${facts.contactRoles.includes("impoc_deputy") ? " and a deputy" : ""}.`, problems: [], lastVerifiedAt: now, nextDueAt: null, evidence: "Plan contacts" };
    }
  }
}

/**
 * The map rows each recurring control activity evidences, beside GS-4b's tabletop exercises:
 * audit log reviews are monitoring (PII-5c), scans and penetration tests the vulnerability
 * clause (R25-9), restore tests the backup clauses (PII-1b, R25-10). An activity never makes a
 * row "met"; a missed one is a gap on its row.
 */
export const ACTIVITY_ROWS: Partial<Record<TControlActivityKind, readonly string[]>> = {
  audit_log_review: ["PII-5c"],
  vulnerability_scan: ["R25-9"],
  penetration_test: ["R25-9"],
  restore_test: ["PII-1b", "R25-10"],
};

export interface TActivityFeed {
  /** One line per activity feeding the row: "ACT-2026-0001 audit log review: last done 2026-11-20, next due 2026-12-04". */
  lines: string[];
  /** The activities that feed the row and are overdue: a gap each. */
  problems: string[];
}

const ACTIVITY_NOUN: Record<TControlActivityKind, string> = {
  audit_log_review: "audit log review",
  vulnerability_scan: "vulnerability scan",
  penetration_test: "penetration test",
  restore_test: "restore test",
  tabletop_exercise: "tabletop exercise",
  custom: "control activity",
};

const FED_ROWS = new Set(Object.values(ACTIVITY_ROWS).flat());

/** What the scheduled activities say about one map row (null when none feeds it). */
export function activityFeedFor(controlId: string, activities: TPlanFacts["activities"], now: Date): TActivityFeed | null {
  // Most rows are fed by no kind of activity: answered without walking the activities.
  if (!FED_ROWS.has(controlId)) return null;
  const feeding = activities.filter((a) => ACTIVITY_ROWS[a.kind]?.includes(controlId));
  if (feeding.length === 0) return null;
  return {
    lines: feeding.map((a) => `${a.reference} ${ACTIVITY_NOUN[a.kind]}: ${a.lastCompletedOn ? `last done ${day(a.lastCompletedOn)}` : "not done yet"}, next due ${day(a.nextDueOn)}`),
    problems: feeding.filter((a) => isOverdue(a.nextDueOn, now)).map((a) => `${a.reference}: ${ACTIVITY_NOUN[a.kind]} overdue since ${day(a.nextDueOn)}`),
  };
}
