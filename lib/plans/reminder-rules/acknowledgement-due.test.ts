import { describe, expect, it } from "vitest";
import { acknowledgementReminder } from "./acknowledgement-due.pure";

const pending = { versionId: "pdv_1", reference: "POL-2026-0001", title: "Incident response plan", number: 2, approvedAt: new Date("2026-12-01T09:00:00Z"), userId: "usr_m" };

describe("acknowledgement reminders", () => {
  it("ask once on publication, once after 4 days and once overdue, to the person only, keyed by version", () => {
    const keys = new Set<string>();
    for (let t = pending.approvedAt.getTime(); t < new Date("2027-01-10T00:00:00Z").getTime(); t += 3_600_000) {
      const r = acknowledgementReminder(pending, new Date(t));
      expect(r.recipientUserIds).toEqual(["usr_m"]);
      keys.add(r.key);
    }
    expect([...keys]).toEqual(["policy.acknowledgement:pdv_1:usr_m:published", "policy.acknowledgement:pdv_1:usr_m:4d", "policy.acknowledgement:pdv_1:usr_m:overdue"]);
  });
});
