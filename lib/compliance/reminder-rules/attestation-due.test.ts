import { describe, expect, it } from "vitest";
import { DAY, HOUR, reminderClock } from "@/test/support/reminder-sweep";
import { attestationDueReminder, attestationDueThreshold, type TAttestationDueState } from "./attestation-due.pure";

const { sweep } = reminderClock(new Date("2027-04-01T08:00:00Z"));
const attestation: TAttestationDueState = { id: "att_1", controlId: "GS-3", controlTitle: "Encryption in transit", nextDueAt: new Date("2027-06-01T00:00:00Z"), ownerId: "usr_owner" };

describe("attestation due: thresholds", () => {
  it("names the threshold crossed for each calendar day", () => {
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    expect(attestationDueThreshold(attestation.nextDueAt, day("2027-05-01"))).toBeNull();
    expect(attestationDueThreshold(attestation.nextDueAt, day("2027-05-02"))).toBe("30d");
    expect(attestationDueThreshold(attestation.nextDueAt, day("2027-05-24"))).toBe("30d");
    expect(attestationDueThreshold(attestation.nextDueAt, day("2027-05-25"))).toBe("7d");
    expect(attestationDueThreshold(attestation.nextDueAt, day("2027-06-01"))).toBe("7d");
    expect(attestationDueThreshold(attestation.nextDueAt, day("2027-06-02"))).toBe("lapsed");
  });
});

describe("attestation due: reminders over a sweep", () => {
  it("reminds 30 days and 7 days before the renewal day and once lapsed, each once, to the owner and the security leads", () => {
    const sent = sweep((now) => attestationDueReminder(attestation, now, ["usr_lead"]), 0, 90 * DAY);
    const key = (t: string) => `compliance.attestation-due:att_1:2027-06-01:${t}`;
    expect([...sent.entries()]).toEqual([
      [key("30d"), new Date("2027-05-02T00:00:00Z")],
      [key("7d"), new Date("2027-05-25T00:00:00Z")],
      [key("lapsed"), new Date("2027-06-02T00:00:00Z")],
    ]);
    const lapsed = attestationDueReminder(attestation, new Date("2027-06-02T09:00:00Z"), ["usr_lead", "usr_owner"])!;
    expect(lapsed).toMatchObject({ recipientUserIds: ["usr_owner", "usr_lead"], urgent: true, subject: "LAPSED: the attestation of GS-3 is no longer in force", link: "/compliance/attest/GS-3" });
    const early = attestationDueReminder(attestation, new Date("2027-05-02T09:00:00Z"), ["usr_lead"])!;
    expect(early).toMatchObject({ urgent: false, subject: "Attestation of GS-3 to renew by 2027-06-01" });
    expect(early.lines[0]).toBe("GS-3 Encryption in transit: the attestation must be renewed by 2027-06-01 (in 30 days).");
  });

  it("says nothing more than 30 days ahead, and nothing with no one to tell", () => {
    expect(attestationDueReminder(attestation, new Date("2027-05-01T23:59:00Z"), ["usr_lead"])).toBeNull();
    expect(attestationDueReminder({ ...attestation, ownerId: null }, new Date("2027-05-20T09:00:00Z"), [])).toBeNull();
  });

  it("starts afresh for a renewal (a new attestation) or a new renewal day", () => {
    const sent = sweep((now) => attestationDueReminder(attestation, now, ["usr_lead"]), 0, 40 * DAY);
    const renewed = { ...attestation, id: "att_2", nextDueAt: new Date("2028-05-01T00:00:00Z") };
    sweep((now) => attestationDueReminder(renewed, now, ["usr_lead"]), 40 * DAY + HOUR, 60 * DAY, sent);
    expect([...sent.keys()]).toEqual(["compliance.attestation-due:att_1:2027-06-01:30d"]);
    expect(attestationDueReminder(renewed, new Date("2028-04-01T09:00:00Z"), ["usr_lead"])!.key).toBe("compliance.attestation-due:att_2:2028-05-01:30d");
  });
});
