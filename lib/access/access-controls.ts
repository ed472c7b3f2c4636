// The compliance map's access rows (GS-2a, GS-2b, GS-2d, R25-3, R25-4) computed from the access
// records: pure, with the facts gathered by access-compliance.ts. Vigil's own lockout and
// password history are one system's evidence among all. No records: "no evidence yet", never "met".
import { formatDay, isOverdue } from "@/lib/findings/types";
import { MAX_LOCKOUT_THRESHOLD, MIN_PASSWORD_HISTORY } from "./access-rules";

export const ACCESS_CONTROL_IDS = ["GS-2a", "GS-2b", "GS-2d", "R25-3", "R25-4"] as const;
export type TAccessControlId = (typeof ACCESS_CONTROL_IDS)[number];

export interface TAccessFacts {
  systems: { reference: string; name: string; builtIn: boolean; lockoutThreshold: number | null; passwordHistory: number | null }[];
  accounts: { active: number; shared: number; orphaned: number; dormant: number; noMfa: number; systemsWithAccounts: number };
  /** The latest signed-off campaign, and the open one if any. */
  lastSignedOff: { reference: string; dueOn: Date; signedOffAt: Date } | null;
  open: { reference: string; dueOn: Date; undecided: number } | null;
  /** When the next campaign is due (null before the module's first use). */
  nextDueOn: Date | null;
  /** Leavers whose 24 hours have passed with accounts still active (references). */
  leaversOverdue: string[];
  /** Revocations recorded late in the last 90 days. */
  lateRevocations: number;
  credentials: { total: number; overdue: string[] };
}

export interface TAccessControlResult {
  status: "met" | "attention" | "not_met" | "no_evidence";
  summary: string;
  problems: string[];
  lastVerifiedAt: Date | null;
  nextDueAt: Date | null;
  evidence: string | null;
}

const list = (items: readonly string[], max = 5) => (items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", "));

export function evaluateAccessControl(id: TAccessControlId, facts: TAccessFacts, now: Date): TAccessControlResult {
  const base = { lastVerifiedAt: now, nextDueAt: null, evidence: null };
  switch (id) {
    case "GS-2a": {
      if (facts.accounts.active === 0) return { ...base, status: "no_evidence", summary: "No account is recorded on any system: no evidence yet.", problems: [], lastVerifiedAt: null };
      const problems = [
        ...(facts.accounts.shared ? [`${facts.accounts.shared} shared or generic account(s) are active`] : []),
        ...(facts.accounts.orphaned ? [`${facts.accounts.orphaned} account(s) belong to nobody known or to a leaver`] : []),
      ];
      return {
        ...base,
        status: facts.accounts.shared ? "not_met" : facts.accounts.orphaned ? "attention" : "met",
        summary: `${facts.accounts.active} active account(s) on ${facts.accounts.systemsWithAccounts} system(s)${problems.length ? `: ${problems.join("; ")}.` : ", each belonging to one named person or service."}`,
        problems,
      };
    }
    case "GS-2b": {
      const problems: string[] = [];
      if (facts.open && isOverdue(facts.open.dueOn, now)) problems.push(`${facts.open.reference} is overdue since ${formatDay(facts.open.dueOn)} (${facts.open.undecided} account(s) undecided)`);
      if (!facts.open && facts.nextDueOn && isOverdue(facts.nextDueOn, now)) problems.push(`The review due on ${formatDay(facts.nextDueOn)} has not been opened`);
      if (facts.leaversOverdue.length) problems.push(`Leavers still holding accounts after 24 hours: ${list(facts.leaversOverdue)}`);
      const late = facts.lateRevocations ? [`${facts.lateRevocations} revocation(s) recorded late in the last 90 days`] : [];
      const nextDueAt = facts.open?.dueOn ?? facts.nextDueOn;
      if (!facts.lastSignedOff) {
        if (problems.length) return { ...base, status: "not_met", summary: "No access review has been signed off, and the first is overdue.", problems: [...problems, ...late], nextDueAt };
        return { ...base, status: "no_evidence", summary: facts.open ? `The first access review ${facts.open.reference} is open, due ${formatDay(facts.open.dueOn)}: no evidence yet.` : "No access review yet: no evidence yet.", problems: [], lastVerifiedAt: null, nextDueAt };
      }
      const last = facts.lastSignedOff;
      const summary = `Last review ${last.reference} (due ${formatDay(last.dueOn)}) signed off on ${formatDay(last.signedOffAt)}.`;
      if (problems.length) return { ...base, status: "not_met", summary: `${summary} ${problems[0]}.`, problems: [...problems, ...late], lastVerifiedAt: last.signedOffAt, nextDueAt, evidence: last.reference };
      return { ...base, status: late.length ? "attention" : "met", summary: `${summary}${late.length ? ` ${late[0]}.` : ""}`, problems: late, lastVerifiedAt: last.signedOffAt, nextDueAt, evidence: last.reference };
    }
    case "GS-2d":
    case "R25-3": {
      const strict = id === "R25-3";
      const unknown = facts.systems.filter((s) => s.lockoutThreshold === null).map((s) => s.name);
      const weak = strict ? facts.systems.filter((s) => s.lockoutThreshold !== null && s.lockoutThreshold > MAX_LOCKOUT_THRESHOLD).map((s) => `${s.name} (${s.lockoutThreshold})`) : [];
      // GS-2d also asks for anomaly detection: Vigil's own alarms watch Vigil; the register does not
      // record detection on other systems, so they leave it short of met.
      const undetected = strict ? [] : facts.systems.filter((s) => !s.builtIn).map((s) => s.name);
      const problems = [
        ...(weak.length ? [`Lockout above ${MAX_LOCKOUT_THRESHOLD} attempts: ${list(weak)}`] : []),
        ...(unknown.length ? [`Lockout not recorded: ${list(unknown)}`] : []),
        ...(undetected.length ? [`Anomaly detection not recorded in Vigil: ${list(undetected)}`] : []),
      ];
      const known = facts.systems.filter((s) => s.lockoutThreshold !== null);
      if (known.length === 0) return { ...base, status: "no_evidence", summary: "No system's lockout is recorded: no evidence yet.", problems, lastVerifiedAt: null };
      return {
        ...base,
        status: weak.length ? "not_met" : unknown.length || undetected.length ? "attention" : "met",
        summary: `${known.length} of ${facts.systems.length} system(s) lock after ${strict ? `at most ${MAX_LOCKOUT_THRESHOLD}` : "repeated"} failed sign-ins${problems.length ? `; ${problems.join("; ")}.` : "."}`,
        problems,
      };
    }
    case "R25-4": {
      const unknown = facts.systems.filter((s) => s.passwordHistory === null).map((s) => s.name);
      const short = facts.systems.filter((s) => s.passwordHistory !== null && s.passwordHistory < MIN_PASSWORD_HISTORY).map((s) => `${s.name} (${s.passwordHistory})`);
      const problems = [
        ...(short.length ? [`Password history under ${MIN_PASSWORD_HISTORY}: ${list(short)}`] : []),
        ...(facts.credentials.overdue.length ? [`Credentials overdue for rotation: ${list(facts.credentials.overdue)}`] : []),
        ...(unknown.length ? [`Password history not recorded: ${list(unknown)}`] : []),
      ];
      if (short.length || facts.credentials.overdue.length) return { ...base, status: "not_met", summary: `${problems.join("; ")}.`, problems };
      if (facts.credentials.total === 0) return { ...base, status: "no_evidence", summary: "No API key, token or client secret is recorded: no evidence of rotation yet.", problems, lastVerifiedAt: null };
      return {
        ...base,
        status: unknown.length ? "attention" : "met",
        summary: `${facts.systems.length - unknown.length} system(s) refuse the last ${MIN_PASSWORD_HISTORY} passwords or more; ${facts.credentials.total} credential(s), none overdue for rotation${unknown.length ? `; ${problems.join("; ")}.` : "."}`,
        problems,
      };
    }
  }
}
