import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { addIncidentTask, createIncident, incidentNoticeRule, incidentTaskRule, recordAmazonNotice } from "@/lib/incidents";
import { createLegalRequest, legalRequestNoticeRule } from "@/lib/legal-requests";
import { baseIncident, makeUser } from "./fixtures";

const clock = fixedClock("2026-11-28T12:00:00Z");
const restore = setClock(clock);
let lead: Actor & { kind: "user" }, admin: Actor & { kind: "user" }, commander: Actor & { kind: "user" }, owner: Actor & { kind: "user" };
let incidentId: string, reference: string;

beforeAll(async () => {
  lead = await makeUser(["security_lead"], "Lead");
  admin = await makeUser(["admin"], "Admin");
  commander = await makeUser(["responder"], "Commander");
  owner = await makeUser(["responder"], "Owner");
  ({ id: incidentId, reference } = await createIncident(commander, { ...baseIncident, detectedAt: "2026-11-28T10:00Z", commanderId: commander.userId, teamIds: [owner.userId] }));
});
afterEach(() => clock.set("2026-11-28T12:00:00Z"));
afterAll(async () => {
  restore();
  await db().$disconnect();
});

// Other files share the database: expected recipients are every active lead (and admin) in it.
const active = async (roles: ("security_lead" | "admin")[]) =>
  (await db().user.findMany({ where: { status: "active", roles: { hasSome: roles } }, select: { id: true } })).map((u) => u.id);
const sorted = (ids: string[]) => [...new Set(ids)].sort();

const collect = async (rule: typeof incidentNoticeRule, iso: string) => rule.collect(db(), new Date(iso));

describe("incident notice reminders", () => {
  it("reminds the commander and the security leads at 12, 4 and 1 hours; everyone lead and admin when overdue", async () => {
    expect(await collect(incidentNoticeRule, "2026-11-28T21:59:00Z")).toEqual([]);
    const twelve = await collect(incidentNoticeRule, "2026-11-28T22:00:00Z");
    expect(twelve.map((r) => r.key)).toEqual([`incident.amazon-notice:${incidentId}:2026-11-29T10:00:00.000Z:12h`]);
    expect(twelve[0]!.recipientUserIds.sort()).toEqual(sorted([commander.userId, ...(await active(["security_lead"]))]));
    expect(twelve[0]!.recipientUserIds).toContain(lead.userId);
    expect(twelve[0]!.recipientUserIds).not.toContain(admin.userId);
    expect(twelve[0]!.link).toBe(`/incidents/${reference}`);
    expect((await collect(incidentNoticeRule, "2026-11-29T06:00:00Z"))[0]!.key).toMatch(/:4h$/);
    expect((await collect(incidentNoticeRule, "2026-11-29T09:30:00Z"))[0]!.key).toMatch(/:1h$/);
    const overdue = await collect(incidentNoticeRule, "2026-11-29T10:00:01Z");
    expect(overdue[0]!.key).toMatch(/:overdue$/);
    expect(overdue[0]!.recipientUserIds.sort()).toEqual(sorted([commander.userId, ...(await active(["security_lead", "admin"]))]));
    expect(overdue[0]!.recipientUserIds).toContain(admin.userId);
  });

  it("stops once the notice is recorded", async () => {
    clock.set("2026-11-28T12:00:00Z");
    await recordAmazonNotice(lead, incidentId, { sentAt: "2026-11-28T11:00Z", timeZone: "UTC", channel: "email", sender: "Lead", toAddress: "security@amazon.com", subject: "Notice", body: "We are notifying you of a security incident." });
    expect(await collect(incidentNoticeRule, "2026-11-29T11:00:00Z")).toEqual([]);
  });
});

describe("legal-process notice reminders", () => {
  it("reminds before due and escalates when overdue", async () => {
    const { id } = await createLegalRequest(lead, { receivedAt: "2026-11-28T09:00Z", timeZone: "UTC", requestingParty: "A court", dataSought: "Orders of one buyer" });
    expect((await collect(legalRequestNoticeRule, "2026-11-29T05:30:00Z"))[0]!.key).toBe(`legal-request.amazon-notice:${id}:2026-11-29T09:00:00.000Z:4h`);
    const overdue = await collect(legalRequestNoticeRule, "2026-11-29T09:00:01Z");
    expect(overdue[0]!.recipientUserIds.sort()).toEqual(sorted([lead.userId, ...(await active(["security_lead", "admin"]))]));
  });
});

describe("incident task reminders", () => {
  it("reminds the owner the day before and owner and commander when overdue; not when done", async () => {
    const { id } = await addIncidentTask(commander, incidentId, { title: "Wipe the laptop", ownerId: owner.userId, dueDate: "2026-11-30" });
    expect(await collect(incidentTaskRule, "2026-11-28T12:00:00Z")).toEqual([]);
    const tomorrow = await collect(incidentTaskRule, "2026-11-29T08:00:00Z");
    expect(tomorrow).toEqual([expect.objectContaining({ key: `incident.task:${id}:2026-11-30:due-tomorrow`, recipientUserIds: [owner.userId] })]);
    expect(await collect(incidentTaskRule, "2026-11-30T08:00:00Z")).toEqual([]);
    const overdue = await collect(incidentTaskRule, "2026-12-01T08:00:00Z");
    expect(overdue[0]!.key).toBe(`incident.task:${id}:2026-11-30:overdue`);
    expect(overdue[0]!.recipientUserIds.sort()).toEqual([owner.userId, commander.userId].sort());
    await db().incidentTask.update({ where: { id }, data: { doneAt: new Date() } });
    expect(await collect(incidentTaskRule, "2026-12-01T08:00:00Z")).toEqual([]);
  });
});
