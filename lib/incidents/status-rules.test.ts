import { describe, expect, it } from "vitest";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { INCIDENT_STATUSES, OPEN_STATUSES, canTransition, closingErrors, falsePositiveErrors, openIncidentError } from "./status-rules";

const ALLOWED: [IncidentStatus, IncidentStatus][] = [
  ["detected", "triaged"],
  ["detected", "false_positive"],
  ["triaged", "contained"],
  ["triaged", "false_positive"],
  ["contained", "eradicated"],
  ["contained", "recovered"],
  ["contained", "triaged"],
  ["eradicated", "recovered"],
  ["eradicated", "contained"],
  ["recovered", "closed"],
  ["recovered", "contained"],
  ["false_positive", "triaged"],
];

describe("status transitions", () => {
  const key = (from: string, to: string) => `${from}->${to}`;
  const allowed = new Set(ALLOWED.map(([f, t]) => key(f, t)));
  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      const expected = allowed.has(key(from, to));
      it(`${expected ? "allows" : "forbids"} ${from} -> ${to}`, () => {
        expect(canTransition(from, to)).toBe(expected);
      });
    }
  }
  it("never moves a closed incident", () => {
    expect(INCIDENT_STATUSES.filter((to) => canTransition("closed", to))).toEqual([]);
  });
});

describe("closing guards", () => {
  const complete = {
    closureDescription: "Phishing mail led to a stolen session.",
    rootCause: "No phishing-resistant MFA on the mail account.",
    remediationActions: "Sessions revoked, password reset.",
    correctiveControls: "FIDO2 keys for all staff.",
    lessonsLearned: "Report suspicious mail faster.",
  };
  const recovered = { status: "recovered" as const, amazonInfoInvolved: false, amazonNotifiedAt: null };

  it("closes a recovered incident with every closing field", () => {
    expect(closingErrors(recovered, complete)).toEqual({});
  });

  it("names each missing closing field", () => {
    const errors = closingErrors(recovered, { ...complete, rootCause: " ", lessonsLearned: undefined });
    expect(errors).toEqual({
      rootCause: "Root cause is required to close the incident.",
      lessonsLearned: "Lessons learned is required to close the incident.",
    });
    expect(Object.keys(closingErrors(recovered, {})).sort()).toEqual(
      ["closureDescription", "correctiveControls", "lessonsLearned", "remediationActions", "rootCause"].sort(),
    );
  });

  it("refuses to close an incident involving Amazon Information without the notice", () => {
    expect(closingErrors({ ...recovered, amazonInfoInvolved: true }, complete)).toEqual({
      form: "The 24-hour clock runs (Security Incident: yes or not known yet): send or record the notice to Amazon before closing.",
    });
    expect(closingErrors({ ...recovered, amazonInfoInvolved: true, amazonNotifiedAt: new Date() }, complete)).toEqual({});
  });

  it("refuses to close an incident that has not recovered", () => {
    for (const status of ["detected", "triaged", "contained", "eradicated", "closed", "false_positive"] as const) {
      expect(closingErrors({ ...recovered, status }, complete).form).toMatch(/Only a recovered incident can be closed/);
    }
  });

  it("marks a false positive only before containment and with a reason", () => {
    expect(falsePositiveErrors("detected", "Scanner test from the red team")).toEqual({});
    expect(falsePositiveErrors("triaged", "Scanner test from the red team")).toEqual({});
    expect(falsePositiveErrors("triaged", "")).toEqual({ reason: "Say why this is a false positive." });
    expect(falsePositiveErrors("contained", "Scanner test").form).toBe("A contained incident cannot be marked a false positive.");
  });
});

describe("changes to a closed incident", () => {
  it("are taken in every working state", () => {
    for (const status of OPEN_STATUSES) expect(openIncidentError(status)).toBeNull();
  });
  it("are refused once closed or a false positive, saying why", () => {
    expect(openIncidentError("closed")).toBe("This incident is closed: a closed incident cannot be changed.");
    expect(openIncidentError("false_positive")).toMatch(/false positive: reopen it for triage/);
  });
});

