import { describe, expect, it } from "vitest";
import { DAY, reminderClock } from "@/test/support/reminder-sweep";
import { DELIVERY_FAILED_TEMPLATE, deliveryFailedReminder } from "./mail-delivery-failed.pure";

const { at, sweep } = reminderClock();

describe("failed deliveries", () => {
  const email = { id: "eml_1", template: "reminder:alarm.open", status: "failed", failedAt: at(0) };

  it("fires once per failed email, to the admins", () => {
    const sent = sweep(() => deliveryFailedReminder(email, ["usr_admin"]), 0, DAY);
    expect([...sent.keys()]).toEqual([`mail.delivery-failed:eml_1:${at(0).toISOString()}`]);
    expect(deliveryFailedReminder(email, ["usr_admin"])!.link).toBe("/settings/mail?email=eml_1");
  });

  it("fires again when the email, resent, fails again", () => {
    const sent = sweep(() => deliveryFailedReminder(email, ["usr_admin"]), 0, DAY);
    sweep(() => deliveryFailedReminder({ ...email, failedAt: at(2 * DAY) }, ["usr_admin"]), 2 * DAY, 3 * DAY, sent);
    expect([...sent.values()]).toEqual([at(0), at(2 * DAY)]);
  });

  it("fires nothing once the email was resent, and never about its own failed warnings", () => {
    expect(deliveryFailedReminder({ ...email, status: "pending", failedAt: null }, ["usr_admin"])).toBeNull();
    expect(deliveryFailedReminder({ ...email, status: "sent", failedAt: null }, ["usr_admin"])).toBeNull();
    expect(deliveryFailedReminder({ ...email, id: "eml_2", template: DELIVERY_FAILED_TEMPLATE }, ["usr_admin"])).toBeNull();
  });
});
