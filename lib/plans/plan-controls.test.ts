import { describe, expect, it } from "vitest";
import { evaluatePlanControl, type TPlanFacts } from "./plan-controls";

const now = new Date("2027-03-01T10:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const plan = { reference: "POL-2026-0001", versionInForce: 2, approvedAt: new Date("2026-12-01T09:00:00Z"), reviewDueOn: day("2027-06-01"), lastReviewedOn: null };
const policy = { reference: "POL-2026-0002", versionInForce: 1, approvedAt: new Date("2026-12-01T09:00:00Z"), reviewDueOn: day("2027-06-01"), lastReviewedOn: null };
const full: TPlanFacts = { irPlan: plan, privacyPolicy: policy, contactRoles: ["impoc", "incident_commander"], activeIncidentTypes: 9, activities: [] };
const empty: TPlanFacts = { irPlan: null, privacyPolicy: null, contactRoles: [], activeIncidentTypes: 9, activities: [] };

describe("plan rows of the compliance map", () => {
  it("without records, the plan rows are 'no evidence yet', never met", () => {
    for (const id of ["GS-4a", "GS-4b", "PII-2a"] as const) expect(evaluatePlanControl(id, empty, now).status).toBe("no_evidence");
    const draftOnly = { ...empty, irPlan: { ...plan, versionInForce: null, approvedAt: null, reviewDueOn: null } };
    expect(evaluatePlanControl("GS-4a", draftOnly, now).status).toBe("no_evidence");
  });
  it("GS-4a is met with an approved plan naming the IMPOC and the commander, attention otherwise", () => {
    expect(evaluatePlanControl("GS-4a", full, now)).toMatchObject({ status: "met", evidence: "POL-2026-0001 v2" });
    const gaps = evaluatePlanControl("GS-4a", { ...full, contactRoles: [] }, now);
    expect(gaps.status).toBe("attention");
    expect(gaps.problems).toEqual(["The plan names no Incident Management Point of Contact", "The plan names no incident commander"]);
  });
  it("GS-4b is met while the review is not overdue, not met once it is, attention with an overdue tabletop exercise", () => {
    expect(evaluatePlanControl("GS-4b", full, now)).toMatchObject({ status: "met", nextDueAt: day("2027-06-01") });
    expect(evaluatePlanControl("GS-4b", { ...full, irPlan: { ...plan, reviewDueOn: day("2027-02-28") } }, now)).toMatchObject({ status: "not_met", problems: ["POL-2026-0001: review overdue since 2027-02-28"] });
    expect(evaluatePlanControl("GS-4b", { ...full, irPlan: { ...plan, reviewDueOn: day("2027-03-01") } }, now).status).toBe("met");
    const tabletop = { kind: "tabletop_exercise" as const, reference: "ACT-2026-0002", nextDueOn: day("2027-02-01"), lastCompletedOn: null };
    expect(evaluatePlanControl("GS-4b", { ...full, activities: [tabletop] }, now).status).toBe("attention");
  });
  it("PII-2a is met with an approved privacy policy, attention once its review is overdue", () => {
    expect(evaluatePlanControl("PII-2a", full, now).status).toBe("met");
    expect(evaluatePlanControl("PII-2a", { ...full, privacyPolicy: { ...policy, reviewDueOn: day("2027-01-01") } }, now).status).toBe("attention");
  });
  it("R25-6 is met only with a named IMPOC", () => {
    expect(evaluatePlanControl("R25-6", full, now).status).toBe("met");
    expect(evaluatePlanControl("R25-6", { ...full, contactRoles: ["incident_commander"] }, now)).toMatchObject({ status: "not_met", problems: ["No IMPOC named"] });
  });
});
