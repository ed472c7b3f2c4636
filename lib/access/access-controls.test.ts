import { describe, expect, it } from "vitest";
import { evaluateAccessControl, type TAccessFacts } from "./access-controls";

const now = new Date("2027-03-10T12:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const empty: TAccessFacts = {
  systems: [{ reference: "SYS-2026-0001", name: "Vigil", builtIn: true, lockoutThreshold: 5, passwordHistory: 10 }],
  accounts: { active: 0, shared: 0, orphaned: 0, dormant: 0, noMfa: 0, systemsWithAccounts: 0 },
  lastSignedOff: null,
  open: null,
  nextDueOn: null,
  leaversOverdue: [],
  lateRevocations: 0,
  credentials: { total: 0, overdue: [] },
};
const good: TAccessFacts = {
  ...empty,
  systems: [...empty.systems, { reference: "SYS-2026-0002", name: "CRM", builtIn: false, lockoutThreshold: 10, passwordHistory: 12 }],
  accounts: { active: 12, shared: 0, orphaned: 0, dormant: 1, noMfa: 0, systemsWithAccounts: 2 },
  lastSignedOff: { reference: "ACR-2027-0001", dueOn: day("2027-03-01"), signedOffAt: day("2027-02-27") },
  nextDueOn: day("2027-05-30"),
  credentials: { total: 2, overdue: [] },
};

describe("access rows of the compliance map", () => {
  it("no records is no evidence yet, never met", () => {
    expect(evaluateAccessControl("GS-2a", empty, now).status).toBe("no_evidence");
    expect(evaluateAccessControl("GS-2b", empty, now).status).toBe("no_evidence");
    expect(evaluateAccessControl("R25-4", empty, now).status).toBe("no_evidence");
    expect(evaluateAccessControl("GS-2b", { ...empty, open: { reference: "ACR-2027-0001", dueOn: day("2027-03-20"), undecided: 4 } }, now).status).toBe("no_evidence");
  });

  it("met from the records, and each gap on the other side", () => {
    for (const id of ["GS-2a", "GS-2b", "R25-3", "R25-4"] as const) expect(evaluateAccessControl(id, good, now).status, id).toBe("met");
    // GS-2d asks for anomaly detection too: Vigil's alarms cover Vigil alone; another system's is not recorded.
    expect(evaluateAccessControl("GS-2d", { ...good, systems: empty.systems }, now).status).toBe("met");
    expect(evaluateAccessControl("GS-2d", good, now)).toMatchObject({ status: "attention", problems: ["Anomaly detection not recorded in Vigil: CRM"] });
    expect(evaluateAccessControl("GS-2a", { ...good, accounts: { ...good.accounts, shared: 1 } }, now).status).toBe("not_met");
    expect(evaluateAccessControl("GS-2b", { ...good, open: { reference: "ACR-2027-0002", dueOn: day("2027-03-09"), undecided: 3 } }, now)).toMatchObject({ status: "not_met", problems: [expect.stringMatching(/overdue since 2027-03-09/)] });
    expect(evaluateAccessControl("GS-2b", { ...good, leaversOverdue: ["PER-2026-0004"] }, now).status).toBe("not_met");
    expect(evaluateAccessControl("GS-2b", { ...good, lateRevocations: 1 }, now).status).toBe("attention");
    const lenient = { ...good, systems: [...good.systems, { reference: "SYS-2026-0003", name: "Shop", builtIn: false, lockoutThreshold: 11, passwordHistory: 9 }] };
    expect(evaluateAccessControl("R25-3", lenient, now).status).toBe("not_met");
    expect(evaluateAccessControl("GS-2d", lenient, now).status).toBe("attention");
    expect(evaluateAccessControl("R25-4", lenient, now).status).toBe("not_met");
    expect(evaluateAccessControl("R25-4", { ...good, credentials: { total: 2, overdue: ["CRD-2026-0001"] } }, now).status).toBe("not_met");
  });

  it("Vigil's own lockout and password history are one system's evidence among all: an unrecorded system needs attention", () => {
    const unknown = { ...good, systems: [...good.systems, { reference: "SYS-2026-0004", name: "Mail", builtIn: false, lockoutThreshold: null, passwordHistory: null }] };
    expect(evaluateAccessControl("R25-3", unknown, now)).toMatchObject({ status: "attention", problems: ["Lockout not recorded: Mail"] });
    expect(evaluateAccessControl("R25-4", unknown, now).status).toBe("attention");
  });
});
