import { describe, expect, it } from "vitest";
import { transferWaitingReminder } from "./transfer-waiting.pure";

const requestedAt = new Date("2026-11-28T09:00:00Z");
const transfer = { id: "ctr_1", label: "EV-2026-0003", fromUserId: "usr_a", toUserId: "usr_b", requestedAt };

describe("transfer waiting for acceptance", () => {
  it("does not fire before 24 hours", () => {
    expect(transferWaitingReminder(transfer, new Date("2026-11-29T08:59:59Z"))).toBeNull();
  });

  it("fires at 24 hours, to the receiver and the giver, with one key per transfer", () => {
    const reminder = transferWaitingReminder(transfer, new Date("2026-11-29T09:00:00Z"));
    expect(reminder).toMatchObject({ key: "evidence.transfer-waiting:ctr_1:24h", recipientUserIds: ["usr_b", "usr_a"], urgent: false, link: "/evidence/EV-2026-0003" });
  });

  it("keeps the same key later, so the engine sends it once", () => {
    const first = transferWaitingReminder(transfer, new Date("2026-11-29T09:00:00Z"))!.key;
    const later = transferWaitingReminder(transfer, new Date("2026-12-03T09:00:00Z"))!.key;
    expect(later).toBe(first);
  });
});
