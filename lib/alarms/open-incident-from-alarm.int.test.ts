import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { openIncidentFromAlarm } from "./open-incident-from-alarm";

const run = randomBytes(3).toString("hex");

async function actor(key: string, roles: Role[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_oi_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Staff ${key}`, status: "active", roles } });
  return { kind: "user", userId: id, roles };
}

async function alarm(rule: string, firstSeenAt: Date): Promise<string> {
  const id = newId("alm");
  await db().alarm.create({
    data: { id, rule, subjectKey: "user:usr_x", title: "10 or more failed sign-ins for one account within 15 minutes", details: {}, firstSeenAt, lastSeenAt: new Date(firstSeenAt.getTime() + 60_000), count: 12 },
  });
  return id;
}

describe("opening an incident from an alarm", () => {
  afterAll(async () => {
    await db().$disconnect();
  });

  it("logs the incident detected when the alarm was first seen, links and acknowledges the alarm, once", async () => {
    const lead = await actor("lead", ["security_lead"]);
    const firstSeenAt = new Date(Date.now() - 2 * 3600_000);
    const alarmId = await alarm("auth.failed-sign-ins.account", firstSeenAt);
    const { incidentId, reference } = await openIncidentFromAlarm(lead, { alarmId });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(incident).toMatchObject({ reference, typeId: "unauthorized-access", severity: "SEV3", status: "detected" });
    expect(incident.detectedAt.toISOString()).toBe(firstSeenAt.toISOString());
    expect(incident.title).toMatch(/^Alarm: 10 or more failed sign-ins/);
    const linked = await db().alarm.findUniqueOrThrow({ where: { id: alarmId } });
    expect(linked).toMatchObject({ incidentId, status: "acknowledged", acknowledgedById: lead.userId });
    const actions = (await db().auditEvent.findMany({ where: { OR: [{ targetId: incidentId }, { targetId: alarmId }] } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["incident.created", "alarm.incident-opened"]));

    const before = await db().incident.count();
    await expect(openIncidentFromAlarm(lead, { alarmId })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db().incident.count()).toBe(before);
  });

  it("refuses people who may not manage alarms, and a closed alarm", async () => {
    const responder = await actor("resp", ["responder"]);
    const auditor = await actor("aud", ["auditor"]);
    const lead = await actor("lead2", ["security_lead"]);
    const alarmId = await alarm("external.ids.port-scan", new Date(Date.now() - 600_000));
    await expect(openIncidentFromAlarm(responder, { alarmId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(openIncidentFromAlarm(auditor, { alarmId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db().alarm.findUniqueOrThrow({ where: { id: alarmId } })).incidentId).toBeNull();
    await db().alarm.update({ where: { id: alarmId }, data: { status: "closed" } });
    await expect(openIncidentFromAlarm(lead, { alarmId })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
