import { describe, expect, it } from "vitest";
import { DAY, HOUR, reminderClock } from "@/test/support/reminder-sweep";
import { invitationReminder, type TInvitationState } from "./invitation-not-accepted.pure";

const { at, sweep } = reminderClock();

describe("invitation not accepted after 3 days", () => {
  const invite: TInvitationState = {
    tokenId: "ott_1",
    userId: "usr_new",
    userStatus: "invited",
    inviterId: "usr_inviter",
    createdAt: at(0),
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
