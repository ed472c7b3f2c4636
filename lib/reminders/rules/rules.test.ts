import { describe, expect, it } from "vitest";
import type { TDueReminder } from "../types";
import { invitationReminder, type TInvitationState } from "./invitation-not-accepted.pure";
import { DELIVERY_FAILED_TEMPLATE, deliveryFailedReminder } from "./mail-delivery-failed.pure";
import { openAlarmReminder } from "./open-alarm.pure";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const start = new Date("2026-03-01T09:00:00.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);

/** Sweeps every hour like the engine: a key goes out the first time it is due, never again. */
function sweep(due: (now: Date) => TDueReminder | null, fromMs: number, toMs: number, sent = new Map<string, Date>()) {
  for (let t = fromMs; t <= toMs; t += HOUR) {
    const reminder = due(at(t));
    if (reminder && !sent.has(reminder.key)) sent.set(reminder.key, at(t));
  }
  return sent;
}

describe("invitation not accepted after 3 days", () => {
  const invite: TInvitationState = {
    tokenId: "ott_1",
    userId: "usr_new",
    userStatus: "invited",
    inviterId: "usr_inviter",
    createdAt: start,
    expiresAt: at(7 * DAY),
    usedAt: null,
  };

  it("fires exactly once, 3 days after the invitation, to the inviter and the admins", () => {
    const sent = sweep((now) => invitationReminder(invite, now, ["usr_admin", "usr_inviter"]), 0, 8 * DAY);
    expect([...sent.keys()]).toEqual(["invitation.not-accepted:ott_1:3d"]);
    expect(sent.get("invitation.not-accepted:ott_1:3d")).toEqual(at(3 * DAY));
    const reminder = invitationReminder(invite, at(3 * DAY), ["usr_admin", "usr_inviter"])!;
    expect(reminder.recipientUserIds).toEqual(["usr_inviter", "usr_admin"]);
    expect(reminder.link).toBe("/settings/users/usr_new");
    expect(reminder.urgent).toBe(false);
  });

  it("is not due before 3 days", () => {
    expect(invitationReminder(invite, at(3 * DAY - 1), ["usr_admin"])).toBeNull();
  });

  it("stops once the invitation is accepted, used, expired", () => {
    expect(invitationReminder({ ...invite, userStatus: "active" }, at(4 * DAY), ["usr_admin"])).toBeNull();
    expect(invitationReminder({ ...invite, usedAt: at(DAY) }, at(4 * DAY), ["usr_admin"])).toBeNull();
    expect(invitationReminder(invite, at(7 * DAY), ["usr_admin"])).toBeNull();
  });

  it("is urgent when the link expires within a day", () => {
    expect(invitationReminder({ ...invite, expiresAt: at(3 * DAY + 12 * HOUR) }, at(3 * DAY), [])!.urgent).toBe(true);
  });
});

describe("open alarms", () => {
  const alarm = { id: "alm_1", rule: "auth.brute-force", title: "Repeated failed sign-ins", status: "open" };

  it("fires once per alarm, at once, to the security leads", () => {
    const sent = sweep(() => openAlarmReminder(alarm, ["usr_lead1", "usr_lead2"]), 0, 3 * DAY);
    expect([...sent.entries()]).toEqual([["alarm.open:alm_1", at(0)]]);
    const reminder = openAlarmReminder(alarm, ["usr_lead1", "usr_lead2"])!;
    expect(reminder).toMatchObject({ urgent: true, recipientUserIds: ["usr_lead1", "usr_lead2"], link: "/audit-log/alarms?alarm=alm_1" });
  });

  it("fires nothing for an acknowledged or closed alarm", () => {
    expect(openAlarmReminder({ ...alarm, status: "acknowledged" }, ["usr_lead"])).toBeNull();
    expect(openAlarmReminder({ ...alarm, status: "closed" }, ["usr_lead"])).toBeNull();
  });
});

describe("failed deliveries", () => {
  it("fires once per failed email, to the admins", () => {
    const email = { id: "eml_1", template: "reminder:alarm.open", status: "failed" };
    const sent = sweep(() => deliveryFailedReminder(email, ["usr_admin"]), 0, DAY);
    expect([...sent.keys()]).toEqual(["mail.delivery-failed:eml_1"]);
    expect(deliveryFailedReminder(email, ["usr_admin"])!.link).toBe("/settings/mail?email=eml_1");
  });

  it("fires nothing once the email was resent, and never about its own failed warnings", () => {
    expect(deliveryFailedReminder({ id: "eml_1", template: "reminder", status: "pending" }, ["usr_admin"])).toBeNull();
    expect(deliveryFailedReminder({ id: "eml_1", template: "reminder", status: "sent" }, ["usr_admin"])).toBeNull();
    expect(deliveryFailedReminder({ id: "eml_2", template: DELIVERY_FAILED_TEMPLATE, status: "failed" }, ["usr_admin"])).toBeNull();
  });
});
