import { describe, expect, it } from "vitest";
import { POLICY_VERSIONS } from "@/lib/compliance/policy-versions";
import { noticeDueAt } from "@/lib/incidents/clock-rules";
import { noticeDueStateWith } from "@/lib/incidents/clock-sources";
import { isOnTime, nextNoticeState, noticeAddressFor, pendingNoticeState } from "./notice-rules";

const MINUTE = 60_000;
const detectedAt = new Date("2026-11-28T09:00:00Z");
const due = noticeDueAt(detectedAt);

describe("the verdict is taken when the mail server accepts the notice", () => {
  it("accepted 23:59 after detection is on time; 24:01 after is late", () => {
    expect(isOnTime(new Date(detectedAt.getTime() + (23 * 60 + 59) * MINUTE), due)).toBe(true);
    expect(isOnTime(new Date(detectedAt.getTime() + (24 * 60 + 1) * MINUTE), due)).toBe(false);
  });

  it("moves a notice from sending to notified on acceptance, to held without a mail server, to failed when refused", () => {
    expect(nextNoticeState("sending", "sent")).toBe("notified");
    expect(nextNoticeState("sending", "held")).toBe("held");
    expect(nextNoticeState("sending", "failed")).toBe("failed");
    // An administrator resent a held or failed email and the server accepted it.
    expect(nextNoticeState("held", "sent")).toBe("notified");
    expect(nextNoticeState("failed", "sent")).toBe("notified");
    expect(nextNoticeState("held", "failed")).toBe("failed");
  });

  it("never changes a notice already given or withdrawn", () => {
    for (const outcome of ["sent", "held", "failed"] as const) {
      expect(nextNoticeState("notified", outcome)).toBeNull();
      expect(nextNoticeState("recorded", outcome)).toBeNull();
      expect(nextNoticeState("cancelled", outcome)).toBeNull();
    }
  });

  it("colours the open clock by the worst notice waiting: failed and held red, sending at least amber", () => {
    expect(pendingNoticeState(["sending", "held"])).toBe("held");
    expect(pendingNoticeState(["held", "failed", "sending"])).toBe("failed");
    expect(pendingNoticeState(["sending", "cancelled"])).toBe("sending");
    expect(pendingNoticeState(["cancelled", "recorded"])).toBeNull();
    const early = new Date(detectedAt.getTime() + MINUTE);
    expect(noticeDueStateWith(due, early, undefined)).toBe("on-time");
    expect(noticeDueStateWith(due, early, "sending")).toBe("due-soon");
    expect(noticeDueStateWith(due, early, "held")).toBe("overdue");
    expect(noticeDueStateWith(due, early, "failed")).toBe("overdue");
  });
});

describe("the address follows the policy version", () => {
  it("is security@amazon.com under the November 2025 revision and 3p-security@amazon.com under the 2021 text", () => {
    expect(noticeAddressFor(undefined, "2025")).toEqual({ address: "security@amazon.com", source: "policy", policyAddress: "security@amazon.com" });
    expect(noticeAddressFor(undefined, "2021")).toEqual({ address: "3p-security@amazon.com", source: "policy", policyAddress: "3p-security@amazon.com" });
  });

  it("is the organisation's own address, whatever the version", () => {
    for (const version of ["2021", "2025"] as const) {
      expect(noticeAddressFor("seller-security@example.test", version)).toMatchObject({ address: "seller-security@example.test", source: "organisation" });
    }
  });

  it("keeps each version's effective dates, both announced dates for the revision", () => {
    expect(POLICY_VERSIONS["2021"].effectiveDates.map((d) => d.date)).toEqual(["2021-01-01"]);
    expect(POLICY_VERSIONS["2025"].effectiveDates.map((d) => d.date)).toEqual(["2025-11-11", "2025-11-25"]);
  });
});
