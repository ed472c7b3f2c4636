import { describe, expect, it } from "vitest";
import { diffPlanLists, sameTypeName } from "./plan-lists-rules";
import type { TPlanLists } from "./types";

const type = (typeId: string, name: string, procedure = "Contain, then preserve evidence.") => ({ typeId, name, description: "d", procedure, escalationPath: "e" });

describe("diffPlanLists", () => {
  const from: TPlanLists = {
    types: [type("malware", "Malware"), type("other", "Other"), type("phishing", "Phishing")],
    contacts: [
      { key: "pct_a", role: "impoc", name: "Dana Lead" },
      { key: "pct_b", role: "incident_commander", name: "Casey" },
    ],
  };

  it("names types added, changed (with the fields) and removed, by catalog id; unchanged ones are left out", () => {
    const to: TPlanLists = { ...from, types: [type("malware", "Malware or ransomware", "Isolate first."), type("phishing", "Phishing"), type("ity_new", "Card skimming")] };
    expect(diffPlanLists(from, to).types).toEqual([
      { name: "Malware or ransomware", change: "changed", fields: ["name", "procedure"] },
      { name: "Card skimming", change: "added", fields: [] },
      { name: "Other", change: "removed", fields: [] },
    ]);
  });

  it("names people added and removed, a role change as both, and nothing for the same lists", () => {
    const to: TPlanLists = { ...from, contacts: [{ key: "pct_a", role: "impoc_deputy", name: "Dana Lead" }, { key: "pct_b", role: "incident_commander", name: "Casey" }] };
    expect(diffPlanLists(from, to).contacts).toEqual([
      { name: "Dana Lead", role: "impoc_deputy", change: "added" },
      { name: "Dana Lead", role: "impoc", change: "removed" },
    ]);
    expect(diffPlanLists(from, from)).toEqual({ types: [], contacts: [] });
  });

  it("compares type names ignoring case and spacing", () => {
    expect(sameTypeName(" Payment  card ", "payment CARD")).toBe(true);
    expect(sameTypeName("Payment card", "Payment cards")).toBe(false);
  });
});
