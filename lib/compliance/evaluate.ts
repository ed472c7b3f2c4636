// The status of every control, computed from facts gathered from live records and `now`.
// Pure: the compliance map, its exports and the certificate all use this one function, and
// tests give it fixed facts and a fixed time.
import { isOverdue } from "@/lib/findings/types";
import { PLAN_CONTROL_IDS, evaluatePlanControl, type TPlanControlId, type TPlanFacts } from "@/lib/plans/types";
import { controlsFor, type TControl, type TPolicyVersion } from "./catalog";

export type TControlStatus = "met" | "not_met" | "attention" | "not_attested" | "not_tracked" | "informational";

export interface TNoticeFact {
  reference: string;
  /** Detection (incidents) or receipt (legal requests). */
  startedAt: Date;
  dueAt: Date | null;
  notifiedAt: Date | null;
  onTime: boolean | null;
  /** A false positive needs no notice. */
  exempt?: boolean;
}

export interface TAttestation {
  controlId: string;
  status: "met" | "not_met";
  attestedByName: string;
  attestedAt: Date;
  evidence: string;
  nextDueAt: Date;
}

export interface TComplianceFacts {
  version: TPolicyVersion;
  /** Incidents detected in the last 12 months that involved Amazon Information. */
  amazonNotices: TNoticeFact[];
  legalNotices: TNoticeFact[];
  /** Incidents closed in the last 12 months, with what their closing report lacks. */
  closedIncidents: { reference: string; missing: string[] }[];
  thirdPartyNotifications: { incidentReference: string; basis: "amazon_approval" | "legal_obligation" | "none" }[];
  evidence: { items: number; brokenLedgers: string[]; failedIntegrity: string[] } | null;
  auditLog: { intact: boolean; problem?: string; retentionDays: number; lastVerifiedAt: Date } | null;
  accounts: { active: number; withoutMfa: number; lockoutThreshold: number } | null;
  /** Roles that may read personal data fields. */
  piiReaderRoles: string[];
  alarms: { rulesActive: boolean; openUnacknowledgedOver24h: number } | null;
  attestations: TAttestation[];
  owners: Record<string, string>;
  /** Audit findings still open, by control (A-2: remediated on a timeline). */
  openFindings?: TOpenFinding[];
  /** Plans and policies (lib/plans): GS-4a, GS-4b, PII-2a, R25-6. */
  plans?: TPlanFacts;
}

export interface TOpenFinding {
  controlId: string;
  reference: string;
  /** The remediation due day (UTC midnight). */
  dueDate: Date;
}

export interface TControlResult {
  control: TControl;
  status: TControlStatus;
  summary: string;
  problems: string[];
  owner: string | null;
  lastVerifiedAt: Date | null;
  nextDueAt: Date | null;
  evidence: string | null;
  findings: { open: number; overdue: number };
}

const HOUR = 3600_000;

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

function noticeControl(facts: TNoticeFact[], now: Date, noun: string): Pick<TControlResult, "status" | "summary" | "problems" | "lastVerifiedAt"> {
  const problems = facts.map((f) => lateness(f, now)).filter((p): p is string => p !== null);
  const pending = facts.filter((f) => !f.exempt && f.dueAt && !f.notifiedAt && now.getTime() <= f.dueAt.getTime()).length;
  if (problems.length) {
    return { status: "not_met", summary: `${problems.length} of ${facts.length} ${noun} not notified within 24 hours.`, problems, lastVerifiedAt: now };
  }
  const counted = facts.filter((f) => !f.exempt).length;
  const base = counted === 0 ? `No ${noun} in the last 12 months.` : `All ${counted} ${noun} notified within 24 hours.`;
  return { status: "met", summary: pending ? `${base} ${pending} notice(s) still within their 24 hours.` : base, problems: [], lastVerifiedAt: now };
}

function computed(control: TControl, facts: TComplianceFacts, now: Date): Pick<TControlResult, "status" | "summary" | "problems" | "lastVerifiedAt"> {
  const verified = (ok: boolean, good: string, bad: string, problems: string[] = []) => ({
    status: (ok ? "met" : "not_met") as TControlStatus,
    summary: ok ? good : bad,
    problems: ok ? [] : problems,
    lastVerifiedAt: now,
  });
  switch (control.id) {
    case "GS-4e":
      return noticeControl(facts.amazonNotices, now, "incidents involving Amazon Information");
    case "GS-4g":
      return noticeControl(facts.legalNotices, now, "legal-process requests");
    case "GS-4c": {
      const incomplete = facts.closedIncidents.filter((i) => i.missing.length > 0);
      return verified(
        incomplete.length === 0,
        facts.closedIncidents.length ? `All ${facts.closedIncidents.length} closed incidents are fully documented.` : "No incidents closed in the last 12 months.",
        `${incomplete.length} closed incident(s) lack part of their closing report.`,
        incomplete.map((i) => `${i.reference}: missing ${i.missing.join(", ")}`),
      );
    }
    case "GS-4f": {
      const without = facts.thirdPartyNotifications.filter((n) => n.basis === "none");
      return verified(
        without.length === 0,
        facts.thirdPartyNotifications.length ? `All ${facts.thirdPartyNotifications.length} third-party notifications had Amazon's approval or a legal obligation.` : "No third-party notifications in the last 12 months.",
        `${without.length} third-party notification(s) were made without Amazon's written approval or a legal obligation.`,
        without.map((n) => `${n.incidentReference}: notified without approval or obligation`),
      );
    }
    case "GS-4d": {
      if (!facts.evidence) return { status: "not_tracked", summary: "Evidence is not tracked in this installation.", problems: [], lastVerifiedAt: null };
      const problems = [...facts.evidence.brokenLedgers.map((l) => `${l}: custody ledger broken`), ...facts.evidence.failedIntegrity.map((l) => `${l}: file does not match its hash`)];
      return verified(problems.length === 0, facts.evidence.items ? `${facts.evidence.items} evidence items: every ledger intact, every file matched its hash.` : "No evidence items yet.", `${problems.length} problem(s) with evidence integrity.`, problems);
    }
    case "PII-5a":
    case "PII-5b":
    case "R25-8": {
      if (!facts.auditLog) return { status: "not_tracked", summary: "The audit log could not be verified.", problems: [], lastVerifiedAt: null };
      const needed = control.id === "R25-8" || (control.id === "PII-5b" && facts.version === "2025") ? 365 : 90;
      const retentionOk = control.id === "PII-5a" || facts.auditLog.retentionDays >= needed;
      const problems = [
        ...(facts.auditLog.intact ? [] : [`Audit chain broken: ${facts.auditLog.problem ?? "verification failed"}`]),
        ...(retentionOk ? [] : [`Retention is ${facts.auditLog.retentionDays} days; at least ${needed} required`]),
      ];
      return {
        status: problems.length ? "not_met" : "met",
        summary: problems.length ? "The audit log does not meet this control." : control.id === "PII-5a" ? "Every sign-in, denial, sensitive read and change is logged; the chain verifies intact." : `Chain intact; retention ${facts.auditLog.retentionDays} days (at least ${needed}).`,
        problems,
        lastVerifiedAt: facts.auditLog.lastVerifiedAt,
      };
    }
    case "GS-2a": {
      if (!facts.accounts) return { status: "not_tracked", summary: "Accounts are not tracked.", problems: [], lastVerifiedAt: null };
      return verified(
        facts.accounts.withoutMfa === 0,
        `All ${facts.accounts.active} active Vigil accounts are individual and use MFA.`,
        `${facts.accounts.withoutMfa} active account(s) without MFA.`,
        [`${facts.accounts.withoutMfa} active account(s) have not enrolled MFA`],
      );
    }
    case "GS-2d":
    case "R25-3": {
      if (!facts.accounts) return { status: "not_tracked", summary: "Accounts are not tracked.", problems: [], lastVerifiedAt: null };
      const limit = control.id === "R25-3" ? 10 : Number.POSITIVE_INFINITY;
      const active = facts.accounts.lockoutThreshold > 0 && facts.accounts.lockoutThreshold <= limit;
      return verified(active, `Vigil locks an account after ${facts.accounts.lockoutThreshold} failed sign-ins.`, "Vigil's lockout is not active or allows too many attempts.", [`Lockout threshold ${facts.accounts.lockoutThreshold}`]);
    }
    case "PII-4": {
      const others = facts.piiReaderRoles.filter((r) => r !== "privacy_officer");
      return verified(others.length === 0, "Only the privacy-officer role reads personal data in Vigil.", "Roles other than privacy officer can read personal data.", others.map((r) => `Role ${r} reads personal data`));
    }
    case "PII-5c": {
      if (!facts.alarms) return { status: "not_tracked", summary: "Alarms are not tracked.", problems: [], lastVerifiedAt: null };
      if (!facts.alarms.rulesActive) return { status: "not_met", summary: "Alarm rules are not running.", problems: ["No alarm sweep has run recently"], lastVerifiedAt: now };
      if (facts.alarms.openUnacknowledgedOver24h > 0) {
        return { status: "attention", summary: `${facts.alarms.openUnacknowledgedOver24h} alarm(s) open for more than 24 hours without acknowledgement.`, problems: [], lastVerifiedAt: now };
      }
      return { status: "met", summary: "Alarm rules run on Vigil's log; every alarm was acknowledged within 24 hours.", problems: [], lastVerifiedAt: now };
    }
    case "GS-4a":
    case "GS-4b":
    case "PII-2a":
    case "R25-6": {
      if (!facts.plans) return { status: "not_tracked", summary: "Plans and policies are not tracked.", problems: [], lastVerifiedAt: null };
      const plan = evaluatePlanControl(control.id as TPlanControlId, facts.plans, now);
      // TODO(i15-map): "no_evidence" is the map's "no evidence yet"; until that state exists it shows as not met.
      return { status: plan.status === "no_evidence" ? "not_met" : plan.status, summary: plan.summary, problems: plan.problems, lastVerifiedAt: plan.lastVerifiedAt };
    }
    default:
      return { status: "not_tracked", summary: "Vigil does not compute this control yet.", problems: [], lastVerifiedAt: null };
  }
}

export function evaluateControls(facts: TComplianceFacts, now: Date): TControlResult[] {
  const attestations = new Map<string, TAttestation>();
  for (const a of facts.attestations) {
    const current = attestations.get(a.controlId);
    if (!current || current.attestedAt < a.attestedAt) attestations.set(a.controlId, a);
  }
  const findingsByControl = new Map<string, TOpenFinding[]>();
  for (const f of facts.openFindings ?? []) findingsByControl.set(f.controlId, [...(findingsByControl.get(f.controlId) ?? []), f]);
  const results = controlsFor(facts.version).map((control): Omit<TControlResult, "findings"> => {
    const owner = facts.owners[control.id] ?? null;
    const base = { control, owner, evidence: null as string | null, nextDueAt: null as Date | null };
    if (control.basis === "informational") {
      return { ...base, status: "informational", summary: "Wording only: nothing to comply with.", problems: [], lastVerifiedAt: null };
    }
    if (control.basis === "module") {
      return { ...base, status: "not_tracked", summary: `Not tracked yet: ${control.module} is not part of this version of Vigil.`, problems: [], lastVerifiedAt: null };
    }
    if (control.basis === "attested") {
      const attestation = attestations.get(control.id);
      if (!attestation) return { ...base, status: "not_attested", summary: "Nobody has attested this control yet.", problems: [], lastVerifiedAt: null };
      const expired = attestation.nextDueAt.getTime() < now.getTime();
      return {
        ...base,
        status: expired ? "attention" : attestation.status,
        summary: `${attestation.status === "met" ? "Met" : "Not met"}, attested by ${attestation.attestedByName}${expired ? "; the attestation is overdue for renewal" : ""}.`,
        problems: [],
        lastVerifiedAt: attestation.attestedAt,
        nextDueAt: attestation.nextDueAt,
        evidence: attestation.evidence,
      };
    }
    const planned = facts.plans && (PLAN_CONTROL_IDS as readonly string[]).includes(control.id) ? evaluatePlanControl(control.id as TPlanControlId, facts.plans, now) : null;
    return { ...base, ...computed(control, facts, now), nextDueAt: planned?.nextDueAt ?? null, evidence: planned?.evidence ?? null };
  });
  return results.map((result) => withFindings(result, findingsByControl.get(result.control.id) ?? [], now));
}

/** An overdue remediation means the control is not in order: "met" becomes "attention". */
function withFindings(result: Omit<TControlResult, "findings">, open: readonly TOpenFinding[], now: Date): TControlResult {
  const overdue = open.filter((f) => isOverdue(f.dueDate, now));
  const findings = { open: open.length, overdue: overdue.length };
  if (overdue.length === 0) return { ...result, findings };
  return {
    ...result,
    findings,
    status: result.status === "met" ? "attention" : result.status,
    summary: `${result.summary} ${overdue.length} audit finding(s) overdue for remediation.`,
    problems: [...result.problems, ...overdue.map((f) => `${f.reference}: audit finding overdue since ${f.dueDate.toISOString().slice(0, 10)}`)],
  };
}

export function countByStatus(results: readonly TControlResult[]): Record<TControlStatus, number> {
  const counts: Record<TControlStatus, number> = { met: 0, not_met: 0, attention: 0, not_attested: 0, not_tracked: 0, informational: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
