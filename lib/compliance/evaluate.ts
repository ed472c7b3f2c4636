// The status of every control, computed from facts gathered from live records and `now`.
// Pure: the compliance map, its exports and the certificate all use this one function, and
// tests give it fixed facts and a fixed time.
//
// The rule: Vigil never says "met" without records or a signed attestation behind it.
// - met: records in the control's period show it met, or a current signed attestation says so;
// - attention: met, but an audit finding is open, an attestation falls due within 30 days, or a
//   file was not verified within its integrity cycle;
// - not met: a record shows it broken, an attestation lapsed or says not met, or an audit
//   finding is overdue for remediation;
// - no evidence yet: nothing recorded in the control's period (a named person may attest that
//   none occurred);
// - not attested: an attested control nobody has signed under the current rules;
// - not tracked: the module that would record it does not exist yet;
// - informational: wording only.
import { formatDay, isOverdue, utcDay } from "@/lib/findings/types";
import { describeClockChange, type TClockChangeFact } from "@/lib/incidents/types";
import { attestationDueState, attestationProblem, type TAttestationKind } from "./attestation-rules";
import { PLAN_CONTROL_IDS, activityFeedFor, evaluatePlanControl, type TPlanControlId, type TPlanFacts } from "@/lib/plans/types";
import { ACCESS_CONTROL_IDS, evaluateAccessControl, type TAccessControlId, type TAccessFacts } from "@/lib/access/types";
import { ASSET_CONTROL_IDS, evaluateAssetControl, type TAssetComplianceFacts, type TAssetControlId } from "@/lib/assets/types";
import { controlsFor, type TControl, type TPolicyVersion } from "./catalog";

export const CONTROL_STATUSES = ["met", "attention", "not_met", "no_evidence", "not_attested", "not_tracked", "informational"] as const;
export type TControlStatus = (typeof CONTROL_STATUSES)[number];

export interface TNoticeFact {
  reference: string;
  /** Detection (incidents) or receipt (legal requests). */
  startedAt: Date;
  dueAt: Date | null;
  /** When the notice counts as given (gather-facts decides what "given" means). */
  notifiedAt: Date | null;
  onTime: boolean | null;
  /** A false positive needs no notice. */
  exempt?: boolean;
}

export interface TAttestation {
  id: string;
  controlId: string;
  /** "status": an attested control is met or not; "none_occurred": a record-based control's period was empty. */
  kind: TAttestationKind;
  status: "met" | "not_met";
  attestedByName: string;
  attestedAt: Date;
  statement: string;
  /** An evidence item's reference (EVD-2026-0001), when one backs the statement. */
  evidenceReference: string | null;
  nextDueAt: Date;
  signed: boolean;
}

export interface TComplianceFacts {
  version: TPolicyVersion;
  /** Incidents detected in GS-4e's period that involved Amazon Information. */
  amazonNotices: TNoticeFact[];
  /** Legal-process requests received in GS-4g's period. */
  legalNotices: TNoticeFact[];
  /** Incidents closed in GS-4c's period, with what their closing report lacks. */
  closedIncidents: { reference: string; closedAt: Date; missing: string[] }[];
  /**
   * Counted in the database instead of listed (issue 16: a year of records is thousands): the
   * notices of GS-4e's period given on time, and the incidents of GS-4c's period closed with a
   * complete report. The lists above then hold only the others.
   */
  amazonNoticesOnTime?: TCounted;
  closedComplete?: TCounted;
  /**
   * When the map is read for the screen (issue 16), the long lists above hold only their first
   * problems (SCREEN_PROBLEMS, oldest first); the rest of the period is counted in the database
   * here. Absent when every record is listed (the exports, the certificate, the audit pack).
   */
  amazonNoticesUnlisted?: TNoticesUnlisted;
  closedIncompleteUnlisted?: TCounted;
  /** Third-party notifications made in GS-4f's period. */
  thirdPartyNotifications: { incidentReference: string; notifiedAt: Date; basis: "amazon_approval" | "legal_obligation" | "none" }[];
  /**
   * Evidence held (not destroyed): ledgers that do not verify, files that failed their last check,
   * and digital files not verified within the integrity cycle (a few labels and the count).
   */
  evidence: {
    items: number;
    /** Ledgers whose last verification found a break. */
    brokenLedgers: string[];
    /** Ledgers never verified or not re-verified within the cycle (a few labels and the count): never counted intact. */
    ledgersNotVerified: string[];
    ledgersNotVerifiedCount: number;
    failedIntegrity: string[];
    notVerifiedInCycle: string[];
    notVerifiedInCycleCount: number;
    /** The oldest last verification of a file still inside its cycle: when the next one falls due. */
    oldestVerifiedAt: Date | null;
    /** The evidence module's integrity cycle (VIGIL_INTEGRITY_CYCLE_HOURS). */
    cycleHours: number;
  } | null;
  auditLog: { intact: boolean; problem?: string; retentionDays: number; lastVerifiedAt: Date } | null;
  /** Vigil's own accounts (active ones). */
  accounts: { active: number; withoutMfa: number } | null;
  /** Vigil's own lockout setting: failed sign-ins before an account locks (lib/auth/lockout). */
  lockoutThreshold: number;
  /** Vigil's own roles that may read personal data fields, and how many active people hold them. */
  piiReaders: { roles: string[]; people: number };
  /** Alarm rules on Vigil's log and the alarms raised in PII-5c's period. */
  alarms: { rulesActive: boolean; openUnacknowledgedOver24h: number; raisedInPeriod: number; lastRaisedAt: Date | null } | null;
  attestations: TAttestation[];
  owners: Record<string, string>;
  /** Audit findings still open, by control (A-2: remediated on a timeline). */
  openFindings?: TOpenFinding[];
  /** GS-4e: 24-hour clocks stopped (answer changed to no) or moved later in the last 12 months, newest first. */
  clockChanges?: TClockChangeFact[];
  /** Plans and policies (lib/plans): GS-4a, GS-4b, PII-2a, R25-6. */
  plans?: TPlanFacts;
  /** Access governance (lib/access): GS-2a, GS-2b, GS-2d, R25-3, R25-4 from every system's records, Vigil's among them. */
  access?: TAccessFacts;
  /** The asset inventory (lib/assets): GS-1, GS-2c, GS-3, PII-1a, PII-2b, PII-2c, PII-3, R25-2, R25-5, R25-7. */
  assets?: TAssetComplianceFacts;
}

/** Records counted, not listed: how many, and the newest one's date (when the period's evidence ages out). */
export interface TCounted {
  count: number;
  newest: Date | null;
}

/** GS-4e's notices of the period left out of the listed ones: late or overdue, and still within their 24 hours. */
export interface TNoticesUnlisted {
  problems: number;
  pending: number;
  /** The earliest deadline among the pending ones. */
  nextPendingDueAt: Date | null;
}

const NONE_COUNTED: TCounted = { count: 0, newest: null };
const NONE_UNLISTED: TNoticesUnlisted = { problems: 0, pending: 0, nextPendingDueAt: null };

export interface TOpenFinding {
  controlId: string;
  reference: string;
  /** The remediation due day (UTC midnight). */
  dueDate: Date;
}

export interface TControlLink {
  label: string;
  href: string;
}

export interface TControlResult {
  control: TControl;
  status: TControlStatus;
  summary: string;
  problems: string[];
  /** Problems counted but not in `problems`: the map read for the screen lists only the first few of a long list. */
  unlistedProblems?: number;
  owner: string | null;
  lastVerifiedAt: Date | null;
  nextDueAt: Date | null;
  /** The statement of the attestation the status rests on. */
  evidence: string | null;
  /** The records behind the status: a link to each list. */
  links: TControlLink[];
  /** Record-based controls: how many records the period holds (null for the others). */
  recordsInPeriod: number | null;
  /** The attestation the map shows (current or needing re-signing), if any. */
  attestation: { id: string; kind: TAttestationKind; signedBy: string; attestedAt: Date; nextDueAt: Date; evidenceReference: string | null; needsResigning: string | null } | null;
  /** May a named person attest it now: "status" for attested controls, "none_occurred" for an empty period. */
  attestable: TAttestationKind | null;
  findings: { open: number; overdue: number };
}

type TPartial = Pick<TControlResult, "status" | "summary" | "problems" | "lastVerifiedAt"> & Partial<Pick<TControlResult, "nextDueAt" | "links" | "recordsInPeriod" | "unlistedProblems">>;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const minDate = (...dates: (Date | null | undefined)[]): Date | null => {
  const defined = dates.filter((d): d is Date => d instanceof Date);
  return defined.length ? new Date(Math.min(...defined.map((d) => d.getTime()))) : null;
};
const maxDate = (dates: Date[]): Date | null => (dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null);

function periodDays(control: TControl): number {
  return control.period?.days ?? 365;
}

/** The start of a control's period as of `now`: records before it do not count. */
export function periodStart(control: TControl, now: Date): Date {
  return new Date(now.getTime() - periodDays(control) * DAY);
}

/** When the newest record leaves the period: after that the control has no evidence unless more is recorded. */
function agesOut(control: TControl, dates: Date[]): Date | null {
  const newest = maxDate(dates);
  return newest ? new Date(newest.getTime() + periodDays(control) * DAY) : null;
}

function lateness(fact: TNoticeFact, now: Date): string | null {
  if (fact.exempt || !fact.dueAt) return null;
  if (fact.notifiedAt) {
    if (fact.onTime === false || fact.notifiedAt.getTime() > fact.dueAt.getTime()) {
      const hours = Math.max(1, Math.round((fact.notifiedAt.getTime() - fact.dueAt.getTime()) / HOUR));
      return `${fact.reference}: notified ${hours} h late`;
    }
    return null;
  }
  if (now.getTime() > fact.dueAt.getTime()) return `${fact.reference}: not notified, overdue since ${fact.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return null;
}

/**
 * Notices to Amazon: met only by notices given in time in the period. A notice still inside its
 * 24 hours is no evidence either way; a late or overdue one makes the control not met.
 */
function noticeControl(control: TControl, facts: TNoticeFact[], now: Date, noun: string, onTime: TCounted = NONE_COUNTED, unlisted: TNoticesUnlisted = NONE_UNLISTED): TPartial {
  const listed = facts.filter((f) => !f.exempt && f.dueAt);
  const problems = listed.map((f) => lateness(f, now)).filter((p): p is string => p !== null);
  const pending = listed.filter((f) => !f.notifiedAt && now.getTime() <= f.dueAt!.getTime());
  const givenListed = listed.filter((f) => f.notifiedAt && lateness(f, now) === null);
  const counted = listed.length + unlisted.problems + unlisted.pending + onTime.count;
  const given = givenListed.length + onTime.count;
  const late = problems.length + unlisted.problems;
  const pendingCount = pending.length + unlisted.pending;
  const pendingText = pendingCount ? ` ${pendingCount} notice(s) still within their 24 hours.` : "";
  const nextDueAt = minDate(...pending.map((f) => f.dueAt), unlisted.nextPendingDueAt, agesOut(control, [...givenListed.map((f) => f.startedAt), ...(onTime.newest ? [onTime.newest] : [])]));
  if (late) {
    return { status: "not_met", summary: `${late} of ${counted} ${noun} not notified within 24 hours.${pendingText}`, problems, unlistedProblems: unlisted.problems, lastVerifiedAt: now, nextDueAt, recordsInPeriod: counted };
  }
  if (given === 0) {
    const none = counted ? `No ${noun} notified yet in the last ${control.period!.label}` : `No ${noun} in the last ${control.period!.label}`;
    return { status: "no_evidence", summary: `${none}: no evidence yet.${pendingText}`, problems: [], lastVerifiedAt: null, nextDueAt, recordsInPeriod: counted };
  }
  return { status: "met", summary: `All ${given} ${noun} notified within 24 hours.${pendingText}`, problems: [], lastVerifiedAt: now, nextDueAt, recordsInPeriod: counted };
}

/** A record-based control measured from `count` records: none means no evidence yet. */
function fromRecords(control: TControl, count: number, bad: string[], good: string, badSummary: string, now: Date, dates: Date[], none: string, unlistedBad = 0): TPartial {
  const nextDueAt = agesOut(control, dates);
  if (bad.length || unlistedBad) return { status: "not_met", summary: badSummary, problems: bad, unlistedProblems: unlistedBad, lastVerifiedAt: now, nextDueAt, recordsInPeriod: count };
  if (count === 0) return { status: "no_evidence", summary: `${none} in the last ${control.period!.label}: no evidence yet.`, problems: [], lastVerifiedAt: null, nextDueAt: null, recordsInPeriod: 0 };
  return { status: "met", summary: good, problems: [], lastVerifiedAt: now, nextDueAt, recordsInPeriod: count };
}

function sinceDay(control: TControl, now: Date): string {
  return formatDay(utcDay(periodStart(control, now)));
}

function recordsControl(control: TControl, allFacts: TComplianceFacts, now: Date): TPartial {
  // Only records inside the control's period count (gather-facts reads no older ones either).
  const start = periodStart(control, now).getTime();
  const inPeriod = (d: Date) => d.getTime() >= start;
  // Each list filtered when a control first reads it: most controls read none of them, and a
  // year of records is thousands of rows (issue 16).
  const lazily = <T>(make: () => T) => {
    let made: { value: T } | null = null;
    return () => (made ??= { value: make() }).value;
  };
  const amazonNotices = lazily(() => allFacts.amazonNotices.filter((n) => inPeriod(n.startedAt)));
  const legalNotices = lazily(() => allFacts.legalNotices.filter((n) => inPeriod(n.startedAt)));
  const closedIncidents = lazily(() => allFacts.closedIncidents.filter((i) => inPeriod(i.closedAt)));
  const thirdPartyNotifications = lazily(() => allFacts.thirdPartyNotifications.filter((n) => inPeriod(n.notifiedAt)));
  const facts: TComplianceFacts = {
    ...allFacts,
    get amazonNotices() {
      return amazonNotices();
    },
    get legalNotices() {
      return legalNotices();
    },
    get closedIncidents() {
      return closedIncidents();
    },
    get thirdPartyNotifications() {
      return thirdPartyNotifications();
    },
  };
  switch (control.id) {
    case "GS-4e":
      return { ...noticeControl(control, facts.amazonNotices, now, "incidents involving Amazon Information", facts.amazonNoticesOnTime, facts.amazonNoticesUnlisted), links: [{ label: "Incidents of the period", href: `/incidents?from=${sinceDay(control, now)}` }] };
    case "GS-4g":
      return { ...noticeControl(control, facts.legalNotices, now, "legal-process requests"), links: [{ label: "Legal-process requests", href: "/legal-requests" }] };
    case "GS-4c": {
      const incomplete = facts.closedIncidents.filter((i) => i.missing.length > 0);
      const complete = facts.closedComplete ?? NONE_COUNTED;
      const unlisted = facts.closedIncompleteUnlisted ?? NONE_COUNTED;
      const closed = facts.closedIncidents.length + unlisted.count + complete.count;
      return {
        ...fromRecords(
          control,
          closed,
          incomplete.map((i) => `${i.reference}: missing ${i.missing.join(", ")}`),
          `All ${closed} incidents closed in the last ${control.period!.label} are fully documented.`,
          `${incomplete.length + unlisted.count} closed incident(s) lack part of their closing report.`,
          now,
          [...facts.closedIncidents.map((i) => i.closedAt), ...[complete.newest, unlisted.newest].filter((d): d is Date => d !== null)],
          "No incidents closed",
          unlisted.count,
        ),
        links: [{ label: "Closed incidents", href: "/incidents?status=closed" }],
      };
    }
    case "GS-4f": {
      const without = facts.thirdPartyNotifications.filter((n) => n.basis === "none");
      return {
        ...fromRecords(
          control,
          facts.thirdPartyNotifications.length,
          without.map((n) => `${n.incidentReference}: notified without approval or obligation`),
          `All ${facts.thirdPartyNotifications.length} third-party notifications had Amazon's approval or a legal obligation.`,
          `${without.length} third-party notification(s) were made without Amazon's written approval or a legal obligation.`,
          now,
          facts.thirdPartyNotifications.map((n) => n.notifiedAt),
          "No third-party notifications",
        ),
        links: [{ label: "Incidents of the period", href: `/incidents?from=${sinceDay(control, now)}` }],
      };
    }
    case "GS-4d": {
      const links = [{ label: "Evidence items", href: "/evidence" }];
      if (!facts.evidence) return { status: "not_tracked", summary: "Evidence is not tracked in this installation.", problems: [], lastVerifiedAt: null, links };
      const e = facts.evidence;
      const problems = [...e.brokenLedgers.map((l) => `${l}: custody ledger broken`), ...e.failedIntegrity.map((l) => `${l}: file does not match its hash`)];
      const cycle = `${e.cycleHours} hours`;
      const nextDueAt = e.oldestVerifiedAt ? new Date(e.oldestVerifiedAt.getTime() + e.cycleHours * HOUR) : null;
      if (problems.length) return { status: "not_met", summary: `${problems.length} problem(s) with evidence integrity.`, problems, lastVerifiedAt: now, nextDueAt, links, recordsInPeriod: e.items };
      if (e.items === 0) return { status: "no_evidence", summary: "No evidence items held: no evidence yet.", problems: [], lastVerifiedAt: null, links, recordsInPeriod: 0 };
      if (e.notVerifiedInCycleCount > 0 || e.ledgersNotVerifiedCount > 0) {
        const more = (named: string[], count: number) => (count > named.length ? [`and ${count - named.length} more`] : []);
        const summaries = [
          ...(e.notVerifiedInCycleCount > 0 ? [`${e.notVerifiedInCycleCount} of ${e.items} evidence items have a file not verified within the integrity cycle (${cycle}).`] : []),
          ...(e.ledgersNotVerifiedCount > 0 ? [`${e.ledgersNotVerifiedCount} of ${e.items} custody ledgers not verified within the integrity cycle (${cycle}).`] : []),
        ];
        return {
          status: "attention",
          summary: summaries.join(" "),
          problems: [
            ...e.notVerifiedInCycle.map((l) => `${l}: file not verified within ${cycle}`),
            ...more(e.notVerifiedInCycle, e.notVerifiedInCycleCount),
            ...e.ledgersNotVerified.map((l) => `${l}: custody ledger not verified within ${cycle}`),
            ...more(e.ledgersNotVerified, e.ledgersNotVerifiedCount),
          ],
          lastVerifiedAt: now,
          nextDueAt: now,
          links,
          recordsInPeriod: e.items,
        };
      }
      return { status: "met", summary: `${e.items} evidence items: every ledger intact, every file matched its hash within the last ${cycle}.`, problems: [], lastVerifiedAt: now, nextDueAt, links, recordsInPeriod: e.items };
    }
    case "PII-5c": {
      const links = [{ label: "Alarms", href: "/audit-log/alarms" }];
      if (!facts.alarms) return { status: "not_tracked", summary: "Alarms are not tracked.", problems: [], lastVerifiedAt: null, links };
      const a = facts.alarms;
      if (!a.rulesActive) return { status: "not_met", summary: "Alarm rules are not running.", problems: ["No alarm sweep has run recently"], lastVerifiedAt: now, links, recordsInPeriod: a.raisedInPeriod };
      if (a.openUnacknowledgedOver24h > 0) {
        return { status: "attention", summary: `${a.openUnacknowledgedOver24h} alarm(s) open for more than 24 hours without acknowledgement.`, problems: [], lastVerifiedAt: now, links, recordsInPeriod: a.raisedInPeriod };
      }
      if (a.raisedInPeriod === 0) {
        return { status: "no_evidence", summary: `Alarm rules run on Vigil's own log; no alarms raised in the last ${control.period!.label}: no evidence yet.`, problems: [], lastVerifiedAt: null, links, recordsInPeriod: 0 };
      }
      return {
        status: "met",
        summary: `Alarm rules run on Vigil's log; ${a.raisedInPeriod} alarm(s) in the last ${control.period!.label}, none left unacknowledged for more than 24 hours.`,
        problems: [],
        lastVerifiedAt: now,
        nextDueAt: agesOut(control, a.lastRaisedAt ? [a.lastRaisedAt] : []),
        links,
        recordsInPeriod: a.raisedInPeriod,
      };
    }
    default:
      return { status: "not_tracked", summary: "Vigil does not measure this control yet.", problems: [], lastVerifiedAt: null };
  }
}

function computedControl(control: TControl, facts: TComplianceFacts): TPartial {
  const links = [{ label: "Audit log verification", href: "/audit-log/verify" }];
  if (!facts.auditLog) return { status: "no_evidence", summary: "The audit log has not been verified in the last day: no evidence yet.", problems: [], lastVerifiedAt: null, links };
  const needed = control.id === "R25-8" || (control.id === "PII-5b" && facts.version === "2025") ? 365 : 90;
  const retentionOk = control.id === "PII-5a" || facts.auditLog.retentionDays >= needed;
  const problems = [
    ...(facts.auditLog.intact ? [] : [`Audit chain broken: ${facts.auditLog.problem ?? "verification failed"}`]),
    ...(retentionOk ? [] : [`Retention is ${facts.auditLog.retentionDays} days; at least ${needed} required`]),
  ];
  return {
    status: problems.length ? "not_met" : "met",
    summary: problems.length
      ? "The audit log does not meet this control."
      : control.id === "PII-5a"
        ? "Every sign-in, denial, sensitive read and change is logged; the chain verifies intact."
        : `Chain intact; retention ${facts.auditLog.retentionDays} days (at least ${needed}).`,
    problems,
    lastVerifiedAt: facts.auditLog.lastVerifiedAt,
    nextDueAt: new Date(facts.auditLog.lastVerifiedAt.getTime() + periodDays(control) * DAY),
    links,
  };
}

/**
 * A clause that covers every system holding Amazon Information: Vigil's own setting is part of
 * the evidence. A failing own setting is not met; otherwise the control waits for the module that
 * records the other systems.
 */
function sharedControl(control: TControl, facts: TComplianceFacts, now: Date): TPartial {
  const others = `Other systems that hold Amazon Information: not tracked yet (${control.module} is not part of this version of Vigil).`;
  const own = (ok: boolean, good: string, bad: string, problems: string[], links: TControlLink[]): TPartial =>
    ok
      ? { status: "not_tracked", summary: `Vigil's own part: ${good} ${others}`, problems: [], lastVerifiedAt: now, links }
      : { status: "not_met", summary: `Vigil's own part: ${bad}`, problems, lastVerifiedAt: now, links };
  switch (control.id) {
    case "GS-2a": {
      const links = [{ label: "Vigil accounts", href: "/settings/users?status=active" }];
      if (!facts.accounts || facts.accounts.active === 0) return { status: "not_tracked", summary: `Vigil's own part: no active accounts. ${others}`, problems: [], lastVerifiedAt: now, links };
      return own(
        facts.accounts.withoutMfa === 0,
        `all ${facts.accounts.active} active Vigil accounts belong to one named person each and use MFA.`,
        `${facts.accounts.withoutMfa} active Vigil account(s) without MFA.`,
        [`${facts.accounts.withoutMfa} active Vigil account(s) have not enrolled MFA`],
        links,
      );
    }
    case "GS-2d":
    case "R25-3": {
      const limit = control.id === "R25-3" ? 10 : Number.POSITIVE_INFINITY;
      const ok = facts.lockoutThreshold > 0 && facts.lockoutThreshold <= limit;
      const alarms = control.id === "GS-2d" ? " and raises an alarm on repeated failures" : "";
      return own(
        ok,
        `Vigil locks an account after ${facts.lockoutThreshold} failed sign-ins${alarms}.`,
        `Vigil's lockout allows ${facts.lockoutThreshold} failed sign-ins${control.id === "R25-3" ? " (at most 10)" : ""}.`,
        [`Vigil's lockout threshold is ${facts.lockoutThreshold}`],
        [{ label: "Alarms", href: "/audit-log/alarms" }],
      );
    }
    case "PII-4": {
      const otherRoles = facts.piiReaders.roles.filter((r) => r !== "privacy_officer");
      return own(
        otherRoles.length === 0,
        `only the privacy-officer role reads personal data in Vigil, held by ${facts.piiReaders.people} active person(s).`,
        "roles other than privacy officer can read personal data in Vigil.",
        otherRoles.map((r) => `Role ${r} reads personal data`),
        [{ label: "Privacy officers in Vigil", href: "/settings/users?role=privacy_officer" }],
      );
    }
    default:
      return { status: "not_tracked", summary: others, problems: [], lastVerifiedAt: null };
  }
}

/**
 * The incident response plan, the privacy policy and the IMPOC (lib/plans): met only by an
 * approved version in force (and its review not overdue); none approved yet is "no evidence yet".
 */
function planControl(control: TControl, facts: TComplianceFacts, now: Date): TPartial & Pick<TControlResult, "evidence"> {
  const links = [{ label: "Plans and policies", href: "/plans" }];
  if (!facts.plans || !(PLAN_CONTROL_IDS as readonly string[]).includes(control.id)) {
    return { status: "not_tracked", summary: "Plans and policies are not tracked.", problems: [], lastVerifiedAt: null, links, evidence: null };
  }
  const plan = evaluatePlanControl(control.id as TPlanControlId, facts.plans, now);
  const summary = plan.status === "no_evidence" ? `${plan.summary.replace(/\.$/, "")}: no evidence yet.` : plan.summary;
  return { status: plan.status, summary, problems: plan.problems, lastVerifiedAt: plan.lastVerifiedAt, nextDueAt: plan.nextDueAt, evidence: plan.evidence, links };
}

/**
 * The recurring control activities that evidence a row (lib/plans ACTIVITY_ROWS): each is named in
 * the summary; an overdue one is a problem, and turns a met row into "Needs attention". They
 * never make a row met.
 */
const ACTIVITIES_NAMED = 3;

function withActivities<T extends Pick<TControlResult, "control" | "status" | "summary" | "problems">>(result: T, facts: TComplianceFacts, now: Date): T {
  if (!facts.plans) return result;
  const feed = activityFeedFor(result.control.id, facts.plans.activities, now);
  if (!feed) return result;
  // At most 3 named: a team with many scheduled activities would make the row (and the page) long.
  const more = feed.lines.length - ACTIVITIES_NAMED;
  const summary = `${result.summary} Scheduled: ${feed.lines.slice(0, ACTIVITIES_NAMED).join("; ")}${more > 0 ? `; and ${more} more (every one under Plans and policies, Activities)` : ""}.`;
  if (feed.problems.length === 0) return { ...result, summary };
  return { ...result, status: result.status === "met" ? "attention" : result.status, summary, problems: [...result.problems, ...feed.problems] };
}

/** The access rows from the access records when the module's facts are gathered (Vigil's own settings are one system among them). */
function accessControl(control: TControl, facts: TComplianceFacts, now: Date): (TPartial & Pick<TControlResult, "evidence">) | null {
  if (!facts.access || !(ACCESS_CONTROL_IDS as readonly string[]).includes(control.id)) return null;
  const result = evaluateAccessControl(control.id as TAccessControlId, facts.access, now);
  return { ...result, links: [{ label: "Access reviews", href: "/access" }] };
}

/** The asset inventory's rows: computed from its records; nothing recorded is "no evidence yet". */
function assetControl(control: TControl, facts: TComplianceFacts, now: Date): TPartial {
  if (!facts.assets || !(ASSET_CONTROL_IDS as readonly string[]).includes(control.id)) {
    return { status: "not_tracked", summary: "The asset inventory is not tracked.", problems: [], lastVerifiedAt: null, links: [{ label: "Assets", href: "/assets" }] };
  }
  return evaluateAssetControl(control.id as TAssetControlId, facts.assets, now);
}

function latestByControl(attestations: readonly TAttestation[], kind: TAttestationKind): Map<string, TAttestation> {
  const latest = new Map<string, TAttestation>();
  for (const a of attestations) {
    if (a.kind !== kind) continue;
    const current = latest.get(a.controlId);
    if (!current || current.attestedAt < a.attestedAt) latest.set(a.controlId, a);
  }
  return latest;
}

function attestationView(a: TAttestation): NonNullable<TControlResult["attestation"]> {
  return { id: a.id, kind: a.kind, signedBy: a.attestedByName, attestedAt: a.attestedAt, nextDueAt: a.nextDueAt, evidenceReference: a.evidenceReference, needsResigning: attestationProblem(a) };
}

/** An attestation in force: lapsed is not met, due within 30 days needs attention. */
function fromAttestation(a: TAttestation, now: Date, what: string): TPartial & Pick<TControlResult, "attestation" | "evidence"> {
  const due = attestationDueState(a.nextDueAt, now);
  const by = `${a.attestedByName} on ${formatDay(a.attestedAt)}`;
  const base = { problems: [] as string[], lastVerifiedAt: a.attestedAt, nextDueAt: a.nextDueAt, attestation: attestationView(a), evidence: a.statement };
  if (due === "lapsed") return { ...base, status: "not_met", summary: `${what}, attested by ${by}; the attestation lapsed on ${formatDay(a.nextDueAt)}.`, problems: [`Attestation lapsed on ${formatDay(a.nextDueAt)}: renew it`] };
  if (a.status === "not_met") return { ...base, status: "not_met", summary: `Not met, attested by ${by}.` };
  if (due === "due-soon") return { ...base, status: "attention", summary: `${what}, attested by ${by}; renewal due on ${formatDay(a.nextDueAt)}.` };
  return { ...base, status: "met", summary: `${what}, attested by ${by}.` };
}

export function evaluateControls(facts: TComplianceFacts, now: Date): TControlResult[] {
  const statusAttestations = latestByControl(facts.attestations, "status");
  const noneAttestations = latestByControl(facts.attestations, "none_occurred");
  const findingsByControl = new Map<string, TOpenFinding[]>();
  for (const f of facts.openFindings ?? []) findingsByControl.set(f.controlId, [...(findingsByControl.get(f.controlId) ?? []), f]);
  const results = controlsFor(facts.version).map((control): Omit<TControlResult, "findings"> => {
    const owner = facts.owners[control.id] ?? null;
    const base = { control, owner, evidence: null as string | null, nextDueAt: null as Date | null, links: [] as TControlLink[], recordsInPeriod: null as number | null, attestation: null, attestable: null };
    const access = accessControl(control, facts, now);
    if (access) return { ...base, ...access };
    switch (control.basis) {
      case "informational":
        return { ...base, status: "informational", summary: "Wording only: nothing to comply with.", problems: [], lastVerifiedAt: null };
      case "module":
        return { ...base, status: "not_tracked", summary: `Not tracked yet: ${control.module} is not part of this version of Vigil.`, problems: [], lastVerifiedAt: null };
      case "shared":
        return { ...base, ...sharedControl(control, facts, now) };
      case "computed":
        return { ...base, ...computedControl(control, facts) };
      case "plans":
        return { ...base, ...planControl(control, facts, now) };
      case "assets":
        return { ...base, ...assetControl(control, facts, now) };
      case "attested": {
        const a = statusAttestations.get(control.id);
        const attestable = "status" as const;
        if (!a) return { ...base, attestable, status: "not_attested", summary: "Nobody has attested this control yet.", problems: [] as string[], lastVerifiedAt: null };
        const problem = attestationProblem(a);
        if (problem) {
          return {
            ...base,
            attestable,
            attestation: attestationView(a),
            status: "not_attested",
            summary: `The attestation by ${a.attestedByName} on ${formatDay(a.attestedAt)} needs re-signing: ${problem}.`,
            problems: [],
            lastVerifiedAt: null,
          };
        }
        return { ...base, attestable, ...fromAttestation(a, now, "Met") };
      }
      case "records": {
        const measured = recordsControl(control, facts, now);
        const result = { ...base, ...measured };
        if (measured.status !== "no_evidence" || measured.recordsInPeriod !== 0) return result;
        // An empty period: a named person may attest that none occurred.
        const a = noneAttestations.get(control.id);
        const withOption = { ...result, attestable: "none_occurred" as const };
        if (!a) return withOption;
        const problem = attestationProblem(a);
        if (problem) return { ...withOption, attestation: attestationView(a), summary: `${measured.summary} The attestation by ${a.attestedByName} needs re-signing: ${problem}.` };
        const attested = fromAttestation(a, now, `None occurred in the ${control.period!.label} before it was signed`);
        return { ...withOption, ...attested, lastVerifiedAt: attested.lastVerifiedAt, summary: `${measured.summary.replace(/: no evidence yet\.$/, ".")} ${attested.summary}` };
      }
    }
  });
  return results.map((result) => withFindings(dueNowWhenOpen(withClockChanges(withActivities(result, facts, now), facts.clockChanges ?? []), now), findingsByControl.get(result.control.id) ?? [], now));
}

/** GS-4e never hides a clock a lead stopped or moved later: each is listed, with who, when and why. */
function withClockChanges<R extends Pick<TControlResult, "control" | "summary" | "evidence">>(result: R, changes: readonly TClockChangeFact[]): R {
  if (result.control.id !== "GS-4e" || changes.length === 0) return result;
  return {
    ...result,
    summary: `${result.summary} ${changes.length} clock(s) stopped or moved later by a security lead, listed under evidence.`,
    evidence: [result.evidence, ...changes.map(describeClockChange)].filter(Boolean).join("\n"),
  };
}

/** What needs doing (no evidence, no signature, not met) with no later deadline is due now. */
function dueNowWhenOpen<R extends Pick<TControlResult, "status" | "nextDueAt">>(result: R, now: Date): R {
  const open = result.status === "no_evidence" || result.status === "not_attested" || result.status === "not_met";
  return open && !result.nextDueAt ? { ...result, nextDueAt: now } : result;
}

/**
 * Audit findings (A-2: deficiencies remediated on a timeline): an open finding turns "met" into
 * "attention"; one overdue for remediation makes the control "not met", whatever else is known.
 */
function withFindings(result: Omit<TControlResult, "findings">, open: readonly TOpenFinding[], now: Date): TControlResult {
  const overdue = open.filter((f) => isOverdue(f.dueDate, now));
  const findings = { open: open.length, overdue: overdue.length };
  if (open.length === 0 || result.status === "informational") return { ...result, findings };
  const links = [...result.links, { label: `${open.length} open audit finding${open.length === 1 ? "" : "s"}`, href: `/compliance/findings?control=${result.control.id}` }];
  const nextDueAt = minDate(result.nextDueAt, ...open.map((f) => f.dueDate));
  if (overdue.length) {
    return {
      ...result,
      findings,
      links,
      nextDueAt,
      status: "not_met",
      summary: `${result.summary} ${overdue.length} audit finding(s) overdue for remediation.`,
      problems: [...result.problems, ...overdue.map((f) => `${f.reference}: audit finding overdue since ${formatDay(f.dueDate)}`)],
    };
  }
  return {
    ...result,
    findings,
    links,
    nextDueAt,
    status: result.status === "met" ? "attention" : result.status,
    summary: `${result.summary} ${open.length} audit finding(s) open, due by ${formatDay(minDate(...open.map((f) => f.dueDate))!)}.`,
  };
}

export function countByStatus(results: readonly TControlResult[]): Record<TControlStatus, number> {
  const counts = Object.fromEntries(CONTROL_STATUSES.map((s) => [s, 0])) as Record<TControlStatus, number>;
  for (const r of results) counts[r.status]++;
  return counts;
}
