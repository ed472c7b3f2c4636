import { describe, expect, it } from "vitest";
import { CONTROLS, controlsFor } from "./catalog";
import { countByStatus, evaluateControls, type TComplianceFacts, type TControlResult } from "./evaluate";

const NOW = new Date("2026-11-29T12:00:00Z");
const h = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);

function facts(overrides: Partial<TComplianceFacts> = {}): TComplianceFacts {
  return {
    version: "2025",
    amazonNotices: [],
    legalNotices: [],
    closedIncidents: [],
    thirdPartyNotifications: [],
    evidence: { items: 0, brokenLedgers: [], failedIntegrity: [] },
    auditLog: { intact: true, retentionDays: 400, lastVerifiedAt: h(-1) },
    accounts: { active: 4, withoutMfa: 0, lockoutThreshold: 5 },
    piiReaderRoles: ["privacy_officer"],
    alarms: { rulesActive: true, openUnacknowledgedOver24h: 0 },
    attestations: [],
    owners: {},
    ...overrides,
  };
}

function result(all: TControlResult[], id: string): TControlResult {
  const found = all.find((r) => r.control.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
}

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
});

describe("GS-4e: Amazon notified within 24 hours", () => {
  it("is met when every notice went out in time, and says how many", () => {
    const r = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0001", startedAt: h(-30), dueAt: h(-6), notifiedAt: h(-20), onTime: true }] }), NOW), "GS-4e");
    expect(r.status).toBe("met");
    expect(r.summary).toMatch(/All 1 /);
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

  it("is not met by a notice that is overdue and not sent, but not by one still inside its 24 hours", () => {
    const overdue = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0003", startedAt: h(-25), dueAt: h(-1), notifiedAt: null, onTime: null }] }), NOW), "GS-4e");
    expect(overdue.status).toBe("not_met");
    expect(overdue.problems[0]).toMatch(/INC-2026-0003: not notified, overdue/);
    const pending = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0004", startedAt: h(-23), dueAt: h(1), notifiedAt: null, onTime: null }] }), NOW), "GS-4e");
    expect(pending.status).toBe("met");
    expect(pending.summary).toMatch(/1 notice\(s\) still within/);
  });

  it("does not count a false positive", () => {
    const r = result(evaluateControls(facts({ amazonNotices: [{ reference: "INC-2026-0005", startedAt: h(-50), dueAt: h(-26), notifiedAt: null, onTime: null, exempt: true }] }), NOW), "GS-4e");
    expect(r.status).toBe("met");
  });
});

describe("GS-4g: legal process disclosed within 24 hours", () => {
  it("is not met by a late notice", () => {
    const r = result(evaluateControls(facts({ legalNotices: [{ reference: "LPR-2026-0001", startedAt: h(-50), dueAt: h(-26), notifiedAt: h(-24), onTime: false }] }), NOW), "GS-4g");
    expect(r.status).toBe("not_met");
  });
});

describe("PII-5b and R25-8: tamper-proof logs kept long enough", () => {
  it("is met with an intact chain and 400 days of retention", () => {
    const all = evaluateControls(facts(), NOW);
    expect(result(all, "PII-5b").status).toBe("met");
    expect(result(all, "R25-8").status).toBe("met");
  });

  it("is not met when the chain is broken", () => {
    const all = evaluateControls(facts({ auditLog: { intact: false, problem: "event 1042 edited", retentionDays: 400, lastVerifiedAt: h(-1) } }), NOW);
    expect(result(all, "PII-5b").status).toBe("not_met");
    expect(result(all, "PII-5b").problems).toEqual(["Audit chain broken: event 1042 edited"]);
    expect(result(all, "PII-5a").status).toBe("not_met");
  });

  it("needs 90 days under the 2021 policy and 365 under the revision", () => {
    const short = { intact: true, retentionDays: 120, lastVerifiedAt: h(-1) };
    expect(result(evaluateControls(facts({ version: "2021", auditLog: short }), NOW), "PII-5b").status).toBe("met");
    expect(result(evaluateControls(facts({ version: "2025", auditLog: short }), NOW), "PII-5b").status).toBe("not_met");
    expect(result(evaluateControls(facts({ version: "2025", auditLog: short }), NOW), "R25-8").status).toBe("not_met");
  });
});

describe("controls Vigil cannot compute", () => {
  it("never shows a control without its module as met", () => {
    const all = evaluateControls(facts(), NOW);
    for (const r of all.filter((x) => x.control.basis === "module")) {
      expect(r.status).toBe("not_tracked");
      expect(r.summary).toMatch(/^Not tracked yet/);
    }
    expect(result(all, "GS-2b").status).toBe("not_tracked");
  });

  it("shows an attested control as attested until its renewal falls due", () => {
    const attestation = { controlId: "GS-3", status: "met" as const, attestedByName: "Dana Fischer", attestedAt: h(-24 * 30), evidence: "TLS scan report 2026-10", nextDueAt: h(24 * 60) };
    expect(result(evaluateControls(facts(), NOW), "GS-3").status).toBe("not_attested");
    const attested = result(evaluateControls(facts({ attestations: [attestation] }), NOW), "GS-3");
    expect(attested).toMatchObject({ status: "met", evidence: "TLS scan report 2026-10" });
    const expired = result(evaluateControls(facts({ attestations: [{ ...attestation, nextDueAt: h(-1) }] }), NOW), "GS-3");
    expect(expired.status).toBe("attention");
  });

  it("uses the latest attestation", () => {
    const older = { controlId: "A-1", status: "met" as const, attestedByName: "A", attestedAt: h(-48), evidence: "old", nextDueAt: h(1000) };
    const newer = { ...older, status: "not_met" as const, attestedAt: h(-1), evidence: "new" };
    expect(result(evaluateControls(facts({ attestations: [newer, older] }), NOW), "A-1").status).toBe("not_met");
  });
});

describe("other computed controls", () => {
  it("GS-4d is not met when a ledger is broken or a file fails its check", () => {
    const r = result(evaluateControls(facts({ evidence: { items: 3, brokenLedgers: ["EV-2026-0002"], failedIntegrity: ["EV-2026-0003"] } }), NOW), "GS-4d");
    expect(r.status).toBe("not_met");
    expect(r.problems).toEqual(["EV-2026-0002: custody ledger broken", "EV-2026-0003: file does not match its hash"]);
  });

  it("GS-4f is not met by a notification without approval or obligation", () => {
    expect(result(evaluateControls(facts({ thirdPartyNotifications: [{ incidentReference: "INC-1", basis: "none" }] }), NOW), "GS-4f").status).toBe("not_met");
    expect(result(evaluateControls(facts({ thirdPartyNotifications: [{ incidentReference: "INC-1", basis: "amazon_approval" }] }), NOW), "GS-4f").status).toBe("met");
  });

  it("GS-4c is not met by a closed incident missing part of its report", () => {
    expect(result(evaluateControls(facts({ closedIncidents: [{ reference: "INC-9", missing: ["root cause"] }] }), NOW), "GS-4c").status).toBe("not_met");
  });

  it("GS-2a is not met while an active account has no MFA; GS-2d and R25-3 follow the lockout threshold", () => {
    const all = evaluateControls(facts({ accounts: { active: 3, withoutMfa: 1, lockoutThreshold: 5 } }), NOW);
    expect(result(all, "GS-2a").status).toBe("not_met");
    expect(result(all, "GS-2d").status).toBe("met");
    expect(result(all, "R25-3").status).toBe("met");
    expect(result(evaluateControls(facts({ accounts: { active: 3, withoutMfa: 0, lockoutThreshold: 12 } }), NOW), "R25-3").status).toBe("not_met");
  });

  it("PII-4 is not met when another role can read personal data", () => {
    expect(result(evaluateControls(facts({ piiReaderRoles: ["privacy_officer", "auditor"] }), NOW), "PII-4").status).toBe("not_met");
  });

  it("PII-5c asks for attention while an alarm waits unacknowledged", () => {
    expect(result(evaluateControls(facts({ alarms: { rulesActive: true, openUnacknowledgedOver24h: 2 } }), NOW), "PII-5c").status).toBe("attention");
  });

  it("counts statuses", () => {
    const counts = countByStatus(evaluateControls(facts(), NOW));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(40);
    expect(counts.informational).toBe(1);
    expect(counts.met).toBeGreaterThan(5);
  });
});

describe("open audit findings (A-2: remediated on a timeline)", () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);

  it("counts open and overdue findings per control", () => {
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
    expect(result(all, "GS-2b").findings).toEqual({ open: 1, overdue: 0 });
    expect(result(all, "GS-3").findings).toEqual({ open: 0, overdue: 0 });
  });

  it("a met control with an overdue finding needs attention, and names the finding", () => {
    const overdue = result(evaluateControls(facts({ openFindings: [{ controlId: "PII-5b", reference: "FND-2026-0002", dueDate: day("2026-11-28") }] }), NOW), "PII-5b");
    expect(overdue.status).toBe("attention");
    expect(overdue.problems).toEqual(["FND-2026-0002: audit finding overdue since 2026-11-28"]);
    expect(overdue.summary).toMatch(/1 audit finding\(s\) overdue/);
  });

  it("a finding due today, or one not yet due, leaves a met control met", () => {
    const today = result(evaluateControls(facts({ openFindings: [{ controlId: "PII-5b", reference: "FND-2026-0002", dueDate: day("2026-11-29") }] }), NOW), "PII-5b");
    expect(today.status).toBe("met");
    expect(today.findings).toEqual({ open: 1, overdue: 0 });
  });

  it("an overdue finding never turns a not-met or untracked control into anything better", () => {
    const overdueOn = (controlId: string) => facts({ openFindings: [{ controlId, reference: "FND-2026-0009", dueDate: day("2026-10-01") }] });
    expect(result(evaluateControls({ ...overdueOn("PII-5b"), auditLog: { intact: false, retentionDays: 400, lastVerifiedAt: h(-1) } }, NOW), "PII-5b").status).toBe("not_met");
    expect(result(evaluateControls(overdueOn("GS-2b"), NOW), "GS-2b").status).toBe("not_tracked");
    expect(result(evaluateControls(overdueOn("GS-3"), NOW), "GS-3").status).toBe("not_attested");
  });
});

describe("plan rows (GS-4a, GS-4b, PII-2a, R25-6) from plans and policies", () => {
  const approved = { reference: "POL-2026-0001", versionInForce: 1, approvedAt: new Date("2026-11-01T09:00:00Z"), reviewDueOn: new Date("2027-05-01T00:00:00Z"), lastReviewedOn: null };
  const ids = ["GS-4a", "GS-4b", "PII-2a", "R25-6"];

  it("without any plan record, none of them is met", () => {
    const all = evaluateControls(facts({ plans: { irPlan: null, privacyPolicy: null, contactRoles: [], activeIncidentTypes: 9, activities: [] } }), NOW);
    for (const id of ids) expect(result(all, id).status).toBe("not_met");
    expect(result(all, "GS-4a").summary).toBe("No approved incident response plan yet.");
  });
  it("an approved plan naming the IMPOC and commander, and an approved privacy policy, meet them, with evidence and the next review", () => {
    const all = evaluateControls(facts({ plans: { irPlan: approved, privacyPolicy: { ...approved, reference: "POL-2026-0002" }, contactRoles: ["impoc", "incident_commander"], activeIncidentTypes: 9, activities: [] } }), NOW);
    for (const id of ids) expect(result(all, id).status).toBe("met");
    expect(result(all, "GS-4a").evidence).toBe("POL-2026-0001 v1");
    expect(result(all, "GS-4b").nextDueAt).toEqual(new Date("2027-05-01T00:00:00Z"));
  });
});
