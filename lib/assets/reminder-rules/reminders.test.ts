import { describe, expect, it } from "vitest";
import { inventoryReviewDueReminder } from "./inventory-review-due.pure";
import { purgeDueReminder, type TPurgeDueState } from "./purge-due.pure";

const rule: TPurgeDueState = { id: "ret_1", reference: "RET-2026-0001", dataStore: "Orders database", dueOn: new Date("2026-12-10T00:00:00Z"), ownerIds: ["usr_owner"] };
const active = new Set(["usr_owner", "usr_lead"]);

describe("purge attestation reminders", () => {
  it("nothing before 3 days out; the owner at 3 days; owner and leads once overdue, each keyed by the due day", () => {
    expect(purgeDueReminder(rule, new Date("2026-12-06T12:00:00Z"), ["usr_lead"], active)).toBeNull();
    const soon = purgeDueReminder(rule, new Date("2026-12-07T08:00:00Z"), ["usr_lead"], active)!;
    expect(soon.key).toBe("asset.purge-due:ret_1:2026-12-10:3d");
    expect(soon.recipientUserIds).toEqual(["usr_owner"]);
    const overdue = purgeDueReminder(rule, new Date("2026-12-11T08:00:00Z"), ["usr_lead"], active)!;
    expect(overdue.key).toBe("asset.purge-due:ret_1:2026-12-10:overdue");
    expect(overdue.recipientUserIds).toEqual(["usr_owner", "usr_lead"]);
    expect(overdue.subject).toMatch(/^OVERDUE/);
  });
  it("goes to the security leads when the owner has no active account", () => {
    expect(purgeDueReminder({ ...rule, ownerIds: [] }, new Date("2026-12-08T08:00:00Z"), ["usr_lead"], active)?.recipientUserIds).toEqual(["usr_lead"]);
  });
});

describe("inventory review reminders", () => {
  const due = new Date("2027-03-01T00:00:00Z");
  it("reminds the leads 14 days before and once overdue", () => {
    expect(inventoryReviewDueReminder(due, new Date("2027-02-14T12:00:00Z"), ["usr_lead"])).toBeNull();
    expect(inventoryReviewDueReminder(due, new Date("2027-02-15T12:00:00Z"), ["usr_lead"])?.key).toBe("asset.inventory-review-due:2027-03-01:14d");
    expect(inventoryReviewDueReminder(due, new Date("2027-03-02T00:00:00Z"), ["usr_lead"])?.key).toBe("asset.inventory-review-due:2027-03-01:overdue");
    expect(inventoryReviewDueReminder(due, new Date("2027-03-02T00:00:00Z"), [])).toBeNull();
  });
});
