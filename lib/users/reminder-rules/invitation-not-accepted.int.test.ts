import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { makeUser, resetMailState } from "@/test/support/mail-db";
import { invitationNotAcceptedRule } from "./invitation-not-accepted";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("the invitation reminder reads current state from the database", () => {
  beforeEach(async () => {
    await resetMailState(db());
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("invitations: only an unused, unexpired invitation of an invited user, older than 3 days", async () => {
    const admin = await makeUser(db(), { roles: ["admin"] });
    const inviter = await makeUser(db(), { roles: ["security_lead"] });
    const invited = await makeUser(db(), { roles: ["responder"], status: "invited", invitedById: inviter.id });
    const accepted = await makeUser(db(), { roles: ["responder"], status: "active" });
    const token = (userId: string, createdAt: Date, fields: { usedAt?: Date; expiresAt?: Date } = {}) =>
      db().oneTimeToken.create({
        data: {
          id: newId("ott"),
          purpose: "invitation",
          tokenHash: newId("h"),
          userId,
          createdById: inviter.id,
          createdAt,
          expiresAt: fields.expiresAt ?? at(7 * DAY),
          usedAt: fields.usedAt ?? null,
        },
      });
    const due = await token(invited.id, at(-3 * DAY));
    await token(invited.id, at(-2 * DAY)); // too recent
    await token(invited.id, at(-4 * DAY), { expiresAt: at(-1) }); // expired
    await token(accepted.id, at(-5 * DAY)); // user already active
    await token(invited.id, at(-5 * DAY), { usedAt: at(-DAY) }); // used

    const reminders = await invitationNotAcceptedRule.collect(db(), t0);
    expect(reminders.map((r) => r.key)).toEqual([`invitation.not-accepted:${due.id}:3d`]);
    expect(reminders[0]!.recipientUserIds.sort()).toEqual([inviter.id, admin.id].sort());
  });
});
