import { describe, expect, it } from "vitest";
import { CONTROLS, controlsFor } from "./catalog";
import { countByStatus, evaluateControls, type TAttestation, type TComplianceFacts, type TControlResult } from "./evaluate";

const NOW = new Date("2026-11-29T12:00:00Z");
const h = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
const d = (days: number) => h(days * 24);
const day = (text: string) => new Date(`${text}T00:00:00Z`);
const STATEMENT = "External TLS scan TLS-2026-11 of every endpoint: only TLS 1.2 and 1.3 are offered.";

/** A fresh install: no records at all, Vigil's own settings as shipped. */
function facts(overrides: Partial<TComplianceFacts> = {}): TComplianceFacts {
  return {
    version: "2025",
    amazonNotices: [],
    legalNotices: [],
    closedIncidents: [],
    thirdPartyNotifications: [],
    evidence: { items: 0, brokenLedgers: [], ledgersNotVerified: [], ledgersNotVerifiedCount: 0, failedIntegrity: [], notVerifiedInCycle: [], notVerifiedInCycleCount: 0, oldestVerifiedAt: null, cycleHours: 24 },
    auditLog: { intact: true, retentionDays: 400, lastVerifiedAt: h(-1) },
    accounts: { active: 4, withoutMfa: 0 },
    lockoutThreshold: 5,
    piiReaders: { roles: ["privacy_officer"], people: 1 },
    alarms: { rulesActive: true, openUnacknowledgedOver24h: 0, raisedInPeriod: 0, lastRaisedAt: null },
    attestations: [],
    owners: {},
    ...overrides,
  };
}

function attestation(overrides: Partial<TAttestation> = {}): TAttestation {
  return {
    id: "att_1",
    controlId: "A-1",
    kind: "status",
    status: "met",
    attestedByName: "Dana Fischer",
    attestedAt: d(-30),
    statement: STATEMENT,
    evidenceReference: null,
    nextDueAt: day("2027-06-01"),
    signed: true,
    ...overrides,
  };
}

function result(all: TControlResult[], id: string): TControlResult {
  const found = all.find((r) => r.control.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
}
const statusOf = (f: TComplianceFacts, id: string) => result(evaluateControls(f, NOW), id).status;

const RECORD_BASED = ["GS-4c", "GS-4d", "GS-4e", "GS-4f", "GS-4g", "PII-5c"];

describe("the catalog", () => {
  it("has one control per clause of the requirements, each once", () => {
    const ids = CONTROLS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "GS-1", "GS-2a", "GS-2b", "GS-2c", "GS-2d", "GS-3", "GS-4a", "GS-4b", "GS-4c", "GS-4d", "GS-4e", "GS-4f", "GS-4g", "GS-5a", "GS-5b",
      "PII-1a", "PII-1b", "PII-2a", "PII-2b", "PII-2c", "PII-2d", "PII-3", "PII-4", "PII-5a", "PII-5b", "PII-5c", "A-1", "A-2",
      "R25-1", "R25-2", "R25-3", "R25-4", "R25-5", "R25-6", "R25-7", "R25-8", "R25-9", "R25-10", "R25-11", "R25-12",
    ]);
  });

  it("measures the 2021 policy without the revision's controls, and the revision with all", () => {
    expect(controlsFor("2021").some((c) => c.id.startsWith("R25-"))).toBe(false);
    expect(controlsFor("2025")).toHaveLength(CONTROLS.length);
  });

  it("gives every control with an obligation its period: 12 months for incidents, 90 days for access reviews", () => {
    for (const c of CONTROLS) expect(c.period === null).toBe(c.basis === "informational");
    expect(CONTROLS.find((c) => c.id === "GS-4e")!.period).toEqual({ days: 365, label: "12 months" });
    expect(CONTROLS.find((c) => c.id === "GS-2b")!.period).toEqual({ days: 90, label: "90 days" });
    expect(CONTROLS.filter((c) => c.basis === "records").map((c) => c.id)).toEqual(RECORD_BASED);
    expect(CONTROLS.filter((c) => c.basis === "shared").map((c) => c.id)).toEqual(["GS-2a", "GS-2d", "PII-4", "R25-3"]);
  });
});

describe("a fresh install: nothing is met without records or a signed attestation", () => {
  const all = evaluateControls(facts(), NOW);

  it("shows every record-based control as no evidence yet, attestable as none occurred", () => {
    for (const id of RECORD_BASED) {
      expect(result(all, id)).toMatchObject({ status: "no_evidence", attestable: "none_occurred", recordsInPeriod: 0 });
      expect(result(all, id).summary).toMatch(/no evidence yet/);
    }
  });

  it("says each control with something to do is due now; one without a module has no due date", () => {
    expect(result(all, "GS-4c").nextDueAt).toEqual(NOW);
    expect(result(all, "A-1").nextDueAt).toEqual(NOW);
    expect(result(all, "GS-2b").nextDueAt).toBeNull();
  });

  it("meets only what Vigil's own audit log shows, and counts every status", () => {
    expect(all.filter((r) => r.status === "met").map((r) => r.control.id)).toEqual(["PII-5a", "PII-5b", "R25-8"]);
    const counts = countByStatus(all);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(40);
    expect(counts).toMatchObject({ met: 3, no_evidence: 6, not_attested: 3, informational: 1, attention: 0, not_met: 0 });
  });
});

describe("the period: only records inside it count", () => {
  it("GS-4e is met by a notice of 11 months ago, and has no evidence once it is 13 months old", () => {
    const notice = (startedAt: Date) => ({ reference: "INC-2026-0001", startedAt, dueAt: new Date(startedAt.getTime() + 24 * 3600_000), notifiedAt: new Date(startedAt.getTime() + 3600_000), onTime: true });
    expect(statusOf(facts({ amazonNotices: [notice(d(-330))] }), "GS-4e")).toBe("met");
    expect(statusOf(facts({ amazonNotices: [notice(d(-366))] }), "GS-4e")).toBe("no_evidence");
  });

  it("says when the control is next due: when its newest record leaves the period", () => {
    const r = result(evaluateControls(facts({ closedIncidents: [{ reference: "INC-1", closedAt: d(-100), missing: [] }] }), NOW), "GS-4c");
    expect(r.status).toBe("met");
    expect(r.nextDueAt).toEqual(d(265));
  });
});

describe("GS-4e: Amazon notified within 24 hours", () => {
  it("is met when every notice went out in time, and says how many", () => {
    const r = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0001", startedAt: h(-30), dueAt: h(-6), notifiedAt: h(-20), onTime: true }] }), NOW), "GS-4e");
    expect(r.status).toBe("met");
    expect(r.summary).toMatch(/All 1 /);
    expect(r.links).toEqual([{ label: "Incidents of the period", href: "/incidents?from=2025-11-29" }]);
  });

  it("is not met by a late notice, which is listed with how late it was", () => {
    const r = result(
      evaluateControls(
        facts({
          amazonNotices: [
            { reference: "INC-2026-0001", startedAt: h(-100), dueAt: h(-76), notifiedAt: h(-90), onTime: true },
            { reference: "INC-2026-0002", startedAt: h(-60), dueAt: h(-36), notifiedAt: h(-33), onTime: false },
          ],
        }),
        NOW,
      ),
      "GS-4e",
    );
    expect(r.status).toBe("not_met");
    expect(r.problems).toEqual(["INC-2026-0002: notified 3 h late"]);
  });

  it("is not met by a notice overdue and not given; one still inside its 24 hours is no evidence either way", () => {
    const overdue = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0003", startedAt: h(-25), dueAt: h(-1), notifiedAt: null, onTime: null }] }), NOW), "GS-4e");
    expect(overdue.status).toBe("not_met");
    expect(overdue.problems[0]).toMatch(/INC-2026-0003: not notified, overdue/);
    const pending = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0004", startedAt: h(-23), dueAt: h(1), notifiedAt: null, onTime: null }] }), NOW), "GS-4e");
    expect(pending.status).toBe("no_evidence");
    expect(pending.summary).toBe("No incidents involving Amazon Information notified yet in the last 12 months: no evidence yet. 1 notice(s) still within their 24 hours.");
    expect(pending.nextDueAt).toEqual(h(1));
  });

  it("does not count a false positive as evidence", () => {
    expect(statusOf(facts({ amazonNotices: [{ reference: "INC-2026-0005", startedAt: h(-50), dueAt: h(-26), notifiedAt: null, onTime: null, exempt: true }] }), "GS-4e")).toBe("no_evidence");
  });
});

describe("GS-4g: legal process disclosed within 24 hours", () => {
  it("is not met by a late notice, met by one in time", () => {
    expect(statusOf(facts({ legalNotices: [{ reference: "LPR-2026-0001", startedAt: h(-50), dueAt: h(-26), notifiedAt: h(-24), onTime: false }] }), "GS-4g")).toBe("not_met");
    expect(statusOf(facts({ legalNotices: [{ reference: "LPR-2026-0001", startedAt: h(-50), dueAt: h(-26), notifiedAt: h(-40), onTime: true }] }), "GS-4g")).toBe("met");
  });
});

describe("GS-4c and GS-4f: records of the period", () => {
  it("GS-4c is not met by a closed incident missing part of its report, met when all are documented", () => {
    expect(statusOf(facts({ closedIncidents: [{ reference: "INC-9", closedAt: d(-3), missing: ["root cause"] }] }), "GS-4c")).toBe("not_met");
    expect(statusOf(facts({ closedIncidents: [{ reference: "INC-9", closedAt: d(-3), missing: [] }] }), "GS-4c")).toBe("met");
  });

  it("GS-4c and GS-4e count the records counted in the database (complete reports, notices on time) with those listed", () => {
    const closed = result(evaluateControls(facts({ closedIncidents: [{ reference: "INC-9", closedAt: d(-3), missing: ["root cause"] }], closedComplete: { count: 40, newest: d(-2) } }), NOW), "GS-4c");
    expect(closed.status).toBe("not_met");
    expect(closed.recordsInPeriod).toBe(41);
    const complete = result(evaluateControls(facts({ closedComplete: { count: 40, newest: d(-100) } }), NOW), "GS-4c");
    expect(complete.status).toBe("met");
    expect(complete.summary).toMatch(/^All 40 incidents closed/);
    expect(complete.nextDueAt).toEqual(d(265));
    expect(statusOf(facts({ closedComplete: { count: 0, newest: null } }), "GS-4c")).toBe("no_evidence");

    const onTime = result(evaluateControls(facts({ amazonNoticesOnTime: { count: 12, newest: d(-30) } }), NOW), "GS-4e");
    expect(onTime.status).toBe("met");
    expect(onTime.summary).toBe("All 12 incidents involving Amazon Information notified within 24 hours.");
    const late = result(
      evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0002", startedAt: h(-60), dueAt: h(-36), notifiedAt: h(-30), onTime: false }], amazonNoticesOnTime: { count: 12, newest: d(-30) } }), NOW),
      "GS-4e",
    );
    expect(late.status).toBe("not_met");
    expect(late.summary).toBe("1 of 13 incidents involving Amazon Information not notified within 24 hours.");
  });

  it("GS-4c and GS-4e read for the screen: the records left out of the lists are counted in the status, the summary, the next due date and the unlisted problems", () => {
    const lateNotice = { reference: "INC-2026-0002", startedAt: h(-60), dueAt: h(-36), notifiedAt: h(-30), onTime: false };
    const notices = result(
      evaluateControls(facts({ amazonNotices: [lateNotice], amazonNoticesOnTime: { count: 12, newest: d(-30) }, amazonNoticesUnlisted: { problems: 7, pending: 2, nextPendingDueAt: h(3) } }), NOW),
      "GS-4e",
    );
    expect(notices.status).toBe("not_met");
    expect(notices.summary).toBe("8 of 22 incidents involving Amazon Information not notified within 24 hours. 2 notice(s) still within their 24 hours.");
    expect(notices.problems).toEqual(["INC-2026-0002: notified 6 h late"]);
    expect(notices.unlistedProblems).toBe(7);
    expect(notices.nextDueAt).toEqual(h(3));
    expect(notices.recordsInPeriod).toBe(22);
    // Only pending notices left out: nothing late, no evidence yet, the earliest of them is next.
    const pendingOnly = result(evaluateControls(facts({ amazonNoticesUnlisted: { problems: 0, pending: 2, nextPendingDueAt: h(5) } }), NOW), "GS-4e");
    expect(pendingOnly.status).toBe("no_evidence");
    expect(pendingOnly.summary).toMatch(/2 notice\(s\) still within their 24 hours\.$/);
    expect(pendingOnly.nextDueAt).toEqual(h(5));

    const closed = result(
      evaluateControls(
        facts({ closedIncidents: [{ reference: "INC-9", closedAt: d(-300), missing: ["root cause"] }], closedComplete: { count: 40, newest: d(-200) }, closedIncompleteUnlisted: { count: 4, newest: d(-100) } }),
        NOW,
      ),
      "GS-4c",
    );
    expect(closed.status).toBe("not_met");
    expect(closed.summary).toBe("5 closed incident(s) lack part of their closing report.");
    expect(closed.problems).toEqual(["INC-9: missing root cause"]);
    expect(closed.unlistedProblems).toBe(4);
    expect(closed.recordsInPeriod).toBe(45);
    // The newest record, listed or not, is what ages out last.
    expect(closed.nextDueAt).toEqual(d(265));
  });

  it("GS-4f is not met by a notification without approval or obligation, met with one", () => {
    expect(statusOf(facts({ thirdPartyNotifications: [{ incidentReference: "INC-1", notifiedAt: d(-3), basis: "none" }] }), "GS-4f")).toBe("not_met");
    expect(statusOf(facts({ thirdPartyNotifications: [{ incidentReference: "INC-1", notifiedAt: d(-3), basis: "amazon_approval" }] }), "GS-4f")).toBe("met");
  });
});

describe("GS-4d: chain of custody and file integrity", () => {
  const held = { items: 3, brokenLedgers: [], ledgersNotVerified: [], ledgersNotVerifiedCount: 0, failedIntegrity: [], notVerifiedInCycle: [], notVerifiedInCycleCount: 0, oldestVerifiedAt: h(-20), cycleHours: 24 };

  it("is met when every ledger is intact and every file was verified within its cycle, due again when the oldest check expires", () => {
    const r = result(evaluateControls(facts({ evidence: held }), NOW), "GS-4d");
    expect(r.status).toBe("met");
    expect(r.nextDueAt).toEqual(h(4));
  });

  it("needs attention when a file was not verified within its cycle (never verified counts too)", () => {
    const r = result(evaluateControls(facts({ evidence: { ...held, notVerifiedInCycle: ["EVD-2026-0002"], notVerifiedInCycleCount: 7 } }), NOW), "GS-4d");
    expect(r.status).toBe("attention");
    expect(r.problems).toEqual(["EVD-2026-0002: file not verified within 24 hours", "and 6 more"]);
  });

  it("never counts a ledger that was not verified within its cycle (or never) as intact: attention, not met", () => {
    const r = result(evaluateControls(facts({ evidence: { ...held, ledgersNotVerified: ["EV-2026-0001", "EV-2026-0002"], ledgersNotVerifiedCount: 2 } }), NOW), "GS-4d");
    expect(r.status).toBe("attention");
    expect(r.summary).toBe("2 of 3 custody ledgers not verified within the integrity cycle (24 hours).");
    expect(r.problems).toEqual(["EV-2026-0001: custody ledger not verified within 24 hours", "EV-2026-0002: custody ledger not verified within 24 hours"]);
  });

  it("names both when files and ledgers wait for verification", () => {
    const r = result(evaluateControls(facts({ evidence: { ...held, notVerifiedInCycle: ["EV-2026-0003"], notVerifiedInCycleCount: 1, ledgersNotVerified: ["EV-2026-0001"], ledgersNotVerifiedCount: 9 } }), NOW), "GS-4d");
    expect(r.status).toBe("attention");
    expect(r.problems).toEqual(["EV-2026-0003: file not verified within 24 hours", "EV-2026-0001: custody ledger not verified within 24 hours", "and 8 more"]);
  });

  it("is not met when a ledger is broken or a file fails its check", () => {
    const r = result(evaluateControls(facts({ evidence: { ...held, brokenLedgers: ["EV-2026-0002"], failedIntegrity: ["EV-2026-0003"] } }), NOW), "GS-4d");
    expect(r.status).toBe("not_met");
    expect(r.problems).toEqual(["EV-2026-0002: custody ledger broken", "EV-2026-0003: file does not match its hash"]);
  });
});

describe("PII-5c: monitoring and alarms", () => {
  const alarms = { rulesActive: true, openUnacknowledgedOver24h: 0, raisedInPeriod: 2, lastRaisedAt: d(-10) };
  it("is met by alarms of the period handled in time; no evidence without any", () => {
    expect(statusOf(facts({ alarms }), "PII-5c")).toBe("met");
    expect(statusOf(facts({ alarms: { ...alarms, raisedInPeriod: 0, lastRaisedAt: null } }), "PII-5c")).toBe("no_evidence");
  });

  it("asks for attention while an alarm waits unacknowledged, and is not met when the rules do not run", () => {
    expect(statusOf(facts({ alarms: { ...alarms, openUnacknowledgedOver24h: 2 } }), "PII-5c")).toBe("attention");
    expect(statusOf(facts({ alarms: { ...alarms, rulesActive: false } }), "PII-5c")).toBe("not_met");
  });
});

describe("PII-5b and R25-8: tamper-proof logs kept long enough", () => {
  it("is met with an intact chain and 400 days of retention, due again a day after the last verification", () => {
    const all = evaluateControls(facts(), NOW);
    expect(result(all, "PII-5b").status).toBe("met");
    expect(result(all, "PII-5b").nextDueAt).toEqual(h(23));
    expect(result(all, "R25-8").status).toBe("met");
  });

  it("is not met when the chain is broken; no evidence when it was not verified", () => {
    const all = evaluateControls(facts({ auditLog: { intact: false, problem: "event 1042 edited", retentionDays: 400, lastVerifiedAt: h(-1) } }), NOW);
    expect(result(all, "PII-5b").status).toBe("not_met");
    expect(result(all, "PII-5b").problems).toEqual(["Audit chain broken: event 1042 edited"]);
    expect(result(all, "PII-5a").status).toBe("not_met");
    expect(statusOf(facts({ auditLog: null }), "PII-5a")).toBe("no_evidence");
  });

  it("needs 90 days under the 2021 policy and 365 under the revision", () => {
    const short = { intact: true, retentionDays: 120, lastVerifiedAt: h(-1) };
    expect(statusOf(facts({ version: "2021", auditLog: short }), "PII-5b")).toBe("met");
    expect(statusOf(facts({ version: "2025", auditLog: short }), "PII-5b")).toBe("not_met");
    expect(statusOf(facts({ version: "2025", auditLog: short }), "R25-8")).toBe("not_met");
  });
});

describe("clauses covering every system that holds Amazon data (GS-2a, GS-2d, R25-3, PII-4)", () => {
  it("show Vigil's own setting as evidence and stay not tracked until the other systems are recorded", () => {
    const all = evaluateControls(facts(), NOW);
    expect(result(all, "GS-2d")).toMatchObject({ status: "not_tracked", summary: expect.stringContaining("Vigil locks an account after 5 failed sign-ins") });
    expect(result(all, "R25-3").summary).toMatch(/Vigil locks an account after 5 failed sign-ins\. Other systems .*not tracked yet \(Access governance/);
    expect(result(all, "GS-2a")).toMatchObject({ status: "not_tracked", summary: expect.stringContaining("all 4 active Vigil accounts") });
    expect(result(all, "PII-4")).toMatchObject({ status: "not_tracked", summary: expect.stringContaining("held by 1 active person") });
  });

  it("are not met when Vigil's own setting fails", () => {
    expect(statusOf(facts({ lockoutThreshold: 12 }), "R25-3")).toBe("not_met");
    expect(statusOf(facts({ lockoutThreshold: 12 }), "GS-2d")).toBe("not_tracked");
    expect(statusOf(facts({ accounts: { active: 3, withoutMfa: 1 } }), "GS-2a")).toBe("not_met");
    expect(statusOf(facts({ piiReaders: { roles: ["privacy_officer", "auditor"], people: 2 } }), "PII-4")).toBe("not_met");
  });

  it("GS-2a is never met with zero accounts", () => {
    expect(result(evaluateControls(facts({ accounts: { active: 0, withoutMfa: 0 } }), NOW), "GS-2a")).toMatchObject({ status: "not_tracked", summary: expect.stringContaining("no active accounts") });
  });
});

describe("attested controls", () => {
  const withAttestation = (overrides: Partial<TAttestation>) => result(evaluateControls(facts({ attestations: [attestation(overrides)] }), NOW), "A-1");

  it("are not attested until a named person signs, then met with the signer's name", () => {
    expect(statusOf(facts(), "A-1")).toBe("not_attested");
    const attested = withAttestation({});
    expect(attested).toMatchObject({ status: "met", evidence: STATEMENT, nextDueAt: day("2027-06-01"), attestation: { signedBy: "Dana Fischer", needsResigning: null } });
    expect(attested.summary).toBe("Met, attested by Dana Fischer on 2026-10-30.");
  });

  it("need attention within 30 days of renewal, and are met with 31 days left", () => {
    expect(withAttestation({ nextDueAt: day("2026-12-29") }).status).toBe("attention");
    expect(withAttestation({ nextDueAt: day("2026-12-30") }).status).toBe("met");
  });

  it("are not met once lapsed: the renewal day itself still counts", () => {
    expect(withAttestation({ nextDueAt: day("2026-11-29") }).status).toBe("attention");
    const lapsed = withAttestation({ nextDueAt: day("2026-11-28") });
    expect(lapsed.status).toBe("not_met");
    expect(lapsed.problems).toEqual(["Attestation lapsed on 2026-11-28: renew it"]);
  });

  it("are not met when the signer attests not met", () => {
    expect(withAttestation({ status: "not_met" }).status).toBe("not_met");
  });

  it("show an attestation that breaks the current rules as not attested, needing re-signing, without deleting it", () => {
    const unsigned = withAttestation({ signed: false });
    expect(unsigned).toMatchObject({ status: "not_attested", attestation: { needsResigning: expect.stringMatching(/not signed/) } });
    expect(unsigned.summary).toMatch(/needs re-signing/);
    expect(withAttestation({ statement: "x".repeat(49) }).status).toBe("not_attested");
    expect(withAttestation({ statement: "x".repeat(50) }).status).toBe("met");
    expect(withAttestation({ attestedAt: day("2026-10-30"), nextDueAt: day("2027-10-31") }).status).toBe("not_attested");
    expect(withAttestation({ attestedAt: day("2026-10-30"), nextDueAt: day("2027-10-30") }).status).toBe("met");
  });

  it("use the latest attestation", () => {
    const older = attestation({ controlId: "A-1", attestedAt: h(-48) });
    const newer = attestation({ controlId: "A-1", status: "not_met", attestedAt: h(-1) });
    expect(statusOf(facts({ attestations: [newer, older] }), "A-1")).toBe("not_met");
  });
});

describe("attesting that none occurred, for an empty period", () => {
  const none = (overrides: Partial<TAttestation> = {}) => attestation({ controlId: "GS-4g", kind: "none_occurred", ...overrides });

  it("is met with the signer's name while the period holds no records", () => {
    const r = result(evaluateControls(facts({ attestations: [none()] }), NOW), "GS-4g");
    expect(r).toMatchObject({ status: "met", attestable: "none_occurred", nextDueAt: day("2027-06-01"), attestation: { signedBy: "Dana Fischer" } });
    expect(r.summary).toMatch(/^No legal-process requests in the last 12 months\. None occurred .* attested by Dana Fischer on 2026-10-30\.$/);
  });

  it("is not met once lapsed, and needs re-signing when it breaks the rules", () => {
    expect(statusOf(facts({ attestations: [none({ nextDueAt: day("2026-11-01") })] }), "GS-4g")).toBe("not_met");
    expect(statusOf(facts({ attestations: [none({ signed: false })] }), "GS-4g")).toBe("no_evidence");
  });

  it("gives way to records: once the period holds one, the control is measured from it", () => {
    const late = { reference: "LPR-2026-0001", startedAt: h(-50), dueAt: h(-26), notifiedAt: h(-24), onTime: false };
    const r = result(evaluateControls(facts({ legalNotices: [late], attestations: [none()] }), NOW), "GS-4g");
    expect(r).toMatchObject({ status: "not_met", attestable: null, attestation: null });
  });

  it("is not offered while a notice is still inside its 24 hours: the period is not empty", () => {
    const pending = { reference: "LPR-2026-0002", startedAt: h(-2), dueAt: h(22), notifiedAt: null, onTime: null };
    const r = result(evaluateControls(facts({ legalNotices: [pending], attestations: [none()] }), NOW), "GS-4g");
    expect(r).toMatchObject({ status: "no_evidence", attestable: null, attestation: null, recordsInPeriod: 1 });
  });

  it("is not offered for a status attestation of another kind, nor for controls that are not record-based", () => {
    expect(statusOf(facts({ attestations: [attestation({ controlId: "GS-4g", kind: "status" })] }), "GS-4g")).toBe("no_evidence");
    const all = evaluateControls(facts(), NOW);
    expect(all.filter((r) => r.attestable === "none_occurred").map((r) => r.control.id)).toEqual(RECORD_BASED);
    expect(all.filter((r) => r.attestable === "status").map((r) => r.control.id)).toEqual(["A-1", "A-2", "R25-11"]);
  });
});

describe("open audit findings (A-2: remediated on a timeline)", () => {
  const finding = (controlId: string, due: string) => ({ controlId, reference: "FND-2026-0009", dueDate: day(due) });
  const metA1 = [attestation()];

  it("counts open and overdue findings per control and links to them", () => {
    const all = evaluateControls(
      facts({
        openFindings: [
          { controlId: "PII-5b", reference: "FND-2026-0001", dueDate: day("2026-12-20") },
          { controlId: "PII-5b", reference: "FND-2026-0002", dueDate: day("2026-11-28") },
          { controlId: "GS-2b", reference: "FND-2026-0003", dueDate: day("2026-11-29") },
        ],
      }),
      NOW,
    );
    expect(result(all, "PII-5b").findings).toEqual({ open: 2, overdue: 1 });
    expect(result(all, "PII-5b").links).toContainEqual({ label: "2 open audit findings", href: "/compliance/findings?control=PII-5b" });
    expect(result(all, "GS-2b").findings).toEqual({ open: 1, overdue: 0 });
    expect(result(all, "A-1").findings).toEqual({ open: 0, overdue: 0 });
  });

  it("an open finding not yet overdue turns met into attention (due today is not overdue)", () => {
    const open = result(evaluateControls(facts({ attestations: metA1, openFindings: [finding("A-1", "2026-11-29")] }), NOW), "A-1");
    expect(open.status).toBe("attention");
    expect(open.summary).toMatch(/1 audit finding\(s\) open, due by 2026-11-29/);
    expect(open.nextDueAt).toEqual(day("2026-11-29"));
    expect(statusOf(facts({ attestations: metA1 }), "A-1")).toBe("met");
  });

  it("an overdue finding makes the control not met, and names the finding", () => {
    const overdue = result(evaluateControls(facts({ openFindings: [finding("PII-5b", "2026-11-28")] }), NOW), "PII-5b");
    expect(overdue.status).toBe("not_met");
    expect(overdue.problems).toEqual(["FND-2026-0009: audit finding overdue since 2026-11-28"]);
    expect(overdue.summary).toMatch(/1 audit finding\(s\) overdue/);
  });

  it("an overdue finding makes any control not met; an open one leaves what is not met unchanged", () => {
    expect(statusOf(facts({ openFindings: [finding("GS-2b", "2026-10-01")] }), "GS-2b")).toBe("not_met");
    expect(statusOf(facts({ openFindings: [finding("GS-4e", "2026-10-01")] }), "GS-4e")).toBe("not_met");
    expect(statusOf(facts({ openFindings: [finding("GS-2b", "2026-12-20")] }), "GS-2b")).toBe("not_tracked");
    expect(statusOf(facts({ openFindings: [finding("GS-4e", "2026-12-20")] }), "GS-4e")).toBe("no_evidence");
  });
});

describe("GS-4e lists every clock a lead stopped or moved later", () => {
  it("shows who, when and why on the row, and says so in the summary", () => {
    const change = { reference: "INC-2026-0009", kind: "stopped" as const, fromAnswer: "unknown" as const, toAnswer: "no" as const, fromDueAt: h(10), toDueAt: null, reason: "Only synthetic test data was in the bucket.", changedByName: "Dana Reyes", changedAt: h(-2) };
    const r = result(evaluateControls(facts({ clockChanges: [change] }), NOW), "GS-4e");
    expect(r.summary).toMatch(/1 clock\(s\) stopped or moved later by a security lead/);
    expect(r.evidence).toBe("INC-2026-0009: clock stopped (answer Not known yet → No) by Dana Reyes on 2026-11-29 10:00 UTC. Reason: Only synthetic test data was in the bucket.");
  });

  it("adds nothing without clock changes", () => {
    expect(result(evaluateControls(facts({ clockChanges: [] }), NOW), "GS-4e").evidence).toBeNull();
  });
});

describe("plan rows (GS-4a, GS-4b, PII-2a, R25-6) from plans and policies", () => {
  const approved = { reference: "POL-2026-0001", versionInForce: 1, approvedAt: new Date("2026-11-01T09:00:00Z"), reviewDueOn: new Date("2027-05-01T00:00:00Z"), lastReviewedOn: null };
  const ids = ["GS-4a", "GS-4b", "PII-2a", "R25-6"];

  it("without any plan record, none of them is met", () => {
    const all = evaluateControls(facts({ plans: { irPlan: null, privacyPolicy: null, contactRoles: [], activeIncidentTypes: 9, activities: [] } }), NOW);
    for (const id of ["GS-4a", "GS-4b", "PII-2a"]) expect(result(all, id).status).toBe("no_evidence");
    expect(result(all, "R25-6").status).toBe("not_met");
    expect(result(all, "GS-4a").summary).toBe("No approved incident response plan yet: no evidence yet.");
  });
  it("an approved plan naming the IMPOC and commander, and an approved privacy policy, meet them, with evidence and the next review", () => {
    const all = evaluateControls(facts({ plans: { irPlan: approved, privacyPolicy: { ...approved, reference: "POL-2026-0002" }, contactRoles: ["impoc", "incident_commander"], activeIncidentTypes: 9, activities: [] } }), NOW);
    for (const id of ids) expect(result(all, id).status).toBe("met");
    expect(result(all, "GS-4a").evidence).toBe("POL-2026-0001 v1");
    expect(result(all, "GS-4b").nextDueAt).toEqual(new Date("2027-05-01T00:00:00Z"));
  });
});

describe("recurring control activities feed the rows they evidence", () => {
  const alarms = { rulesActive: true, openUnacknowledgedOver24h: 0, raisedInPeriod: 2, lastRaisedAt: new Date("2026-11-19T12:00:00Z") };
  const plans = (activities: NonNullable<TComplianceFacts["plans"]>["activities"]) => ({ irPlan: null, privacyPolicy: null, contactRoles: [], activeIncidentTypes: 9, activities });
  const review = (nextDueOn: string) => ({ kind: "audit_log_review" as const, reference: "ACT-2026-0001", nextDueOn: new Date(`${nextDueOn}T00:00:00Z`), lastCompletedOn: new Date("2026-11-15T00:00:00Z") });

  it("an audit log review on schedule is named on PII-5c and leaves it met; overdue, it is a gap that needs attention", () => {
    const onTime = result(evaluateControls(facts({ alarms, plans: plans([review("2026-12-01")]) }), NOW), "PII-5c");
    expect(onTime.status).toBe("met");
    expect(onTime.summary).toContain("ACT-2026-0001 audit log review: last done 2026-11-15, next due 2026-12-01");
    const missed = result(evaluateControls(facts({ alarms, plans: plans([review("2026-11-28")]) }), NOW), "PII-5c");
    expect(missed.status).toBe("attention");
    expect(missed.problems).toContain("ACT-2026-0001: audit log review overdue since 2026-11-28");
  });

  it("never makes a row met: a scan on schedule leaves the vulnerability clause untracked, a missed one is listed as its gap", () => {
    const scan = { kind: "vulnerability_scan" as const, reference: "ACT-2026-0002", nextDueOn: new Date("2026-11-01T00:00:00Z"), lastCompletedOn: null };
    const row = result(evaluateControls(facts({ version: "2025", plans: plans([scan]) }), NOW), "R25-9");
    expect(row.status).toBe("not_tracked");
    expect(row.problems).toEqual(["ACT-2026-0002: vulnerability scan overdue since 2026-11-01"]);
    expect(result(evaluateControls(facts({ version: "2025", plans: plans([{ ...scan, nextDueOn: new Date("2026-12-20T00:00:00Z") }]) }), NOW), "R25-9").problems).toEqual([]);
  });

  it("names at most 3 activities in the summary and counts the rest; every overdue one is still a problem", () => {
    const reviews = Array.from({ length: 10 }, (_, i) => ({ ...review(i < 4 ? "2026-11-28" : "2026-12-10"), reference: `ACT-2026-${String(i + 1).padStart(4, "0")}` }));
    const row = result(evaluateControls(facts({ alarms, plans: plans(reviews) }), NOW), "PII-5c");
    expect(row.summary).toContain("ACT-2026-0003 audit log review");
    expect(row.summary).not.toContain("ACT-2026-0004");
    expect(row.summary).toContain("and 7 more");
    expect(row.problems.filter((p) => p.includes("audit log review overdue"))).toHaveLength(4);
  });
});
