import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { systemActor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { recordAuditEvent, type TAuditEventInput } from "@/lib/audit-log/record-audit-event";
import { ipHashOf } from "@/lib/audit-log/append-event";
import { changeAuditSettings } from "@/lib/audit-log/change-audit-settings";
import { runAlarmSweep } from "./run-alarm-sweep";
import { listAlarms } from "./list-alarms";
import { acknowledgeAlarm } from "./acknowledge-alarm";
import { closeAlarm } from "./close-alarm";
import { createAlarmSource } from "./create-alarm-source";
import { disableAlarmSource } from "./disable-alarm-source";
import { listCanaries } from "./list-canaries";
import { markCanary } from "./mark-canary";
import { unmarkCanary } from "./unmark-canary";
import { ingestExternalAlarm } from "./ingest-external-alarm";
import { signAlarmRequest } from "./request-signature";
import { linkAlarmToIncident } from "./link-alarm-to-incident";

const lead: Actor = { kind: "user", userId: "usr_lead", roles: ["security_lead"] };
const admin: Actor = { kind: "user", userId: "usr_admin", roles: ["admin"] };
const auditor: Actor = { kind: "user", userId: "usr_aud", roles: ["auditor"] };
const responder: Actor = { kind: "user", userId: "usr_resp", roles: ["responder"] };
const MIN = 60_000;
const T0 = new Date("2026-11-20T09:00:00.000Z");

const clock = fixedClock(T0);
let restore: () => void;
beforeAll(() => {
  restore = setClock(clock);
});
afterAll(async () => {
  restore();
  await db().$disconnect();
});

const unique = () => randomBytes(4).toString("hex");

/** Writes `count` events, `spacingMs` apart, starting at `start`. */
async function events(count: number, start: Date, spacingMs: number, make: (i: number) => TAuditEventInput) {
  for (let i = 0; i < count; i++) {
    clock.set(new Date(start.getTime() + i * spacingMs));
    await withTransaction((tx) => recordAuditEvent(tx, make(i)));
  }
}

async function sweep(at: Date) {
  clock.set(at);
  return runAlarmSweep(db(), at);
}

async function alarmFor(rule: string, subjectKey: string) {
  return db().alarm.findFirst({ where: { rule, subjectKey }, orderBy: { createdAt: "desc" } });
}

const failedSignIn = (userId: string, ip: string) => (): TAuditEventInput => ({
  actor: systemActor("setup"),
  actorIdOverride: "anonymous",
  action: "auth.sign-in.failed",
  outcome: "failed",
  target: { type: "user", id: userId },
  context: { ip },
});

describe("alarm rules (fixed clock)", () => {
  it("a stolen session guessing the current password counts like failed sign-ins: 5 of each for one account fire the account alarm", async () => {
    const account = `usr_${unique()}`;
    const start = new Date(T0.getTime() + 5000 * MIN);
    const recheck = (): TAuditEventInput => ({ ...failedSignIn(account, "10.3.3.3")(), action: "auth.reauthentication.failed", details: { reason: "password", operation: "password.change" } });
    await events(5, start, 60_000, failedSignIn(account, "10.3.3.3"));
    await events(4, new Date(start.getTime() + 5 * MIN), 60_000, recheck);
    await sweep(new Date(start.getTime() + 10 * MIN));
    expect(await alarmFor("auth.failed-sign-ins.account", `user:${account}`)).toBeNull();
    await events(1, new Date(start.getTime() + 10 * MIN), 0, recheck);
    await sweep(new Date(start.getTime() + 11 * MIN));
    expect(await alarmFor("auth.failed-sign-ins.account", `user:${account}`)).toMatchObject({ status: "open", count: 10 });
  });

  it("failed sign-ins for one account: 9 in 15 minutes do not fire, the 10th does, and 10 over 15 minutes and a second do not", async () => {
    const account = `usr_${unique()}`;
    await events(9, T0, 90_000, failedSignIn(account, `10.0.0.${Math.floor(Math.random() * 200)}`));
    await sweep(new Date(T0.getTime() + 15 * MIN));
    expect(await alarmFor("auth.failed-sign-ins.account", `user:${account}`)).toBeNull();
    await events(1, new Date(T0.getTime() + 14 * MIN), 0, failedSignIn(account, "10.1.1.1"));
    await sweep(new Date(T0.getTime() + 16 * MIN));
    const alarm = await alarmFor("auth.failed-sign-ins.account", `user:${account}`);
    expect(alarm).toMatchObject({ status: "open", count: 10, firstSeenAt: T0, lastSeenAt: new Date(T0.getTime() + 14 * MIN) });

    const spread = `usr_${unique()}`;
    const start = new Date(T0.getTime() + 60 * MIN);
    // 10 events whose first and last are 15 minutes and 1 second apart.
    await events(10, start, (15 * MIN + 1000) / 9, failedSignIn(spread, "10.2.2.2"));
    await sweep(new Date(start.getTime() + 20 * MIN));
    expect(await alarmFor("auth.failed-sign-ins.account", `user:${spread}`)).toBeNull();
  });

  it("a repeated firing updates the open alarm instead of raising another", async () => {
    const account = `usr_${unique()}`;
    const start = new Date(T0.getTime() + 120 * MIN);
    await events(10, start, 1000, failedSignIn(account, "10.3.3.3"));
    await sweep(new Date(start.getTime() + MIN));
    await events(2, new Date(start.getTime() + 2 * MIN), 1000, failedSignIn(account, "10.3.3.3"));
    await sweep(new Date(start.getTime() + 3 * MIN));
    const all = await db().alarm.findMany({ where: { rule: "auth.failed-sign-ins.account", subjectKey: `user:${account}` } });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ count: 12, firstSeenAt: start, lastSeenAt: new Date(start.getTime() + 2 * MIN + 1000) });
  });

  it("failed sign-ins from one IP hash: 19 do not fire, 20 do, across accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${unique()}`;
    const start = new Date(T0.getTime() + 180 * MIN);
    await events(19, start, 30_000, (i) => failedSignIn(`usr_${unique()}${i}`, ip)());
    await sweep(new Date(start.getTime() + 10 * MIN));
    expect(await alarmFor("auth.failed-sign-ins.ip", `ip:${ipHashOf(ip)}`)).toBeNull();
    await events(1, new Date(start.getTime() + 10 * MIN), 0, () => failedSignIn(`usr_${unique()}`, ip)());
    await sweep(new Date(start.getTime() + 11 * MIN));
    const alarm = await alarmFor("auth.failed-sign-ins.ip", `ip:${ipHashOf(ip)}`);
    expect(alarm).toMatchObject({ count: 20, status: "open" });
    expect(alarm!.subjectKey).not.toContain(ip);
  });

  it("denied requests by one user: 9 in 10 minutes do not fire, 10 do; 10 over 10 minutes and a second do not", async () => {
    const user = `usr_${unique()}`;
    const denied = (): TAuditEventInput => ({ actor: { kind: "user", userId: user, roles: ["member"] }, action: "incident.read", outcome: "denied" });
    const start = new Date(T0.getTime() + 240 * MIN);
    await events(9, start, MIN, denied);
    await sweep(new Date(start.getTime() + 9 * MIN));
    expect(await alarmFor("access.denied-requests", `user:${user}`)).toBeNull();
    await events(1, new Date(start.getTime() + 10 * MIN), 0, denied);
    await sweep(new Date(start.getTime() + 11 * MIN));
    expect(await alarmFor("access.denied-requests", `user:${user}`)).toMatchObject({ count: 10 });

    const slow = `usr_${unique()}`;
    const later = new Date(start.getTime() + 60 * MIN);
    await events(10, later, (10 * MIN + 1000) / 9, () => ({ actor: { kind: "user", userId: slow, roles: ["member"] }, action: "incident.read", outcome: "denied" }));
    await sweep(new Date(later.getTime() + 15 * MIN));
    expect(await alarmFor("access.denied-requests", `user:${slow}`)).toBeNull();
  });

  it("downloads and exports by one user: N records in an hour do not fire, N + 1 do (N a setting)", async () => {
    await changeAuditSettings(admin, { retentionDays: 400, exportAlarmThreshold: 50 });
    const user = `usr_${unique()}`;
    const actor: Actor = { kind: "user", userId: user, roles: ["security_lead"] };
    const start = new Date(T0.getTime() + 360 * MIN);
    await events(1, start, 0, () => ({ actor, action: "incident.exported", details: { recordCount: 40 } }));
    await events(10, new Date(start.getTime() + MIN), MIN, () => ({ actor, action: "evidence.downloaded", target: { type: "evidence", id: "evd_1" } }));
    await sweep(new Date(start.getTime() + 30 * MIN));
    expect(await alarmFor("data.bulk-download", `user:${user}`)).toBeNull();
    await events(1, new Date(start.getTime() + 59 * MIN), 0, () => ({ actor, action: "evidence.downloaded" }));
    await sweep(new Date(start.getTime() + 60 * MIN));
    expect(await alarmFor("data.bulk-download", `user:${user}`)).toMatchObject({ count: 12, details: { threshold: 50, inWindow: 51 } });

    // The same 51 records spread over an hour and a minute do not fire.
    const other = `usr_${unique()}`;
    const oa: Actor = { kind: "user", userId: other, roles: ["security_lead"] };
    const s2 = new Date(start.getTime() + 180 * MIN);
    await events(1, s2, 0, () => ({ actor: oa, action: "incident.exported", details: { recordCount: 50 } }));
    await events(1, new Date(s2.getTime() + 61 * MIN), 0, () => ({ actor: oa, action: "evidence.downloaded" }));
    await sweep(new Date(s2.getTime() + 62 * MIN));
    expect(await alarmFor("data.bulk-download", `user:${other}`)).toBeNull();
    await changeAuditSettings(admin, { retentionDays: 400, exportAlarmThreshold: 200 });
  });

  it("any access to a canary record fires; other records and the marking itself do not", async () => {
    const recordId = `inc_${unique()}`;
    const canary = await markCanary(lead, { targetType: "incident", targetId: recordId, note: "bait" });
    await expect(markCanary(auditor, { targetType: "incident", targetId: "inc_x" })).rejects.toThrow(/permission/);
    await expect(markCanary(lead, { targetType: "Incident!", targetId: "" })).rejects.toMatchObject({
      fieldErrors: { targetType: expect.any(String), targetId: "Enter the record's id." },
    });
    expect((await listCanaries(lead)).map((c) => c.id)).toContain(canary.id);
    const start = new Date(T0.getTime() + 600 * MIN);
    await events(1, start, 0, () => ({ actor: lead, action: "incident.viewed", target: { type: "incident", id: `inc_${unique()}` } }));
    await sweep(new Date(start.getTime() + MIN));
    expect(await alarmFor("canary.read", `incident:${recordId}`)).toBeNull();
    await events(1, new Date(start.getTime() + 2 * MIN), 0, () => ({ actor: responder, action: "incident.viewed", target: { type: "incident", id: recordId } }));
    await sweep(new Date(start.getTime() + 3 * MIN));
    expect(await alarmFor("canary.read", `incident:${recordId}`)).toMatchObject({ count: 1, details: { accessedBy: ["usr_resp"] } });
    await unmarkCanary(lead, { canaryId: canary.id });
  });
});

describe("alarm services", () => {
  it("lists alarms for readers, lets security leads acknowledge and close them, and refuses others", async () => {
    const account = `usr_${unique()}`;
    const start = new Date(T0.getTime() + 900 * MIN);
    await events(10, start, 1000, failedSignIn(account, "10.9.9.9"));
    await sweep(new Date(start.getTime() + MIN));
    const alarm = (await alarmFor("auth.failed-sign-ins.account", `user:${account}`))!;
    expect((await listAlarms(auditor, { status: "open", limit: 200 })).map((a) => a.id)).toContain(alarm.id);
    await expect(listAlarms(responder)).rejects.toThrow(/permission/);
    await expect(acknowledgeAlarm(auditor, { alarmId: alarm.id })).rejects.toThrow(/permission/);
    await expect(closeAlarm(admin, { alarmId: alarm.id })).rejects.toThrow(/permission/);
    await acknowledgeAlarm(lead, { alarmId: alarm.id });
    await expect(acknowledgeAlarm(lead, { alarmId: alarm.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await closeAlarm(lead, { alarmId: alarm.id });
    await expect(closeAlarm(lead, { alarmId: alarm.id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db().alarm.findUnique({ where: { id: alarm.id } })).toMatchObject({ status: "closed", closedById: "usr_lead", acknowledgedById: "usr_lead" });
    const trail = await db().auditEvent.findMany({ where: { targetType: "alarm", targetId: alarm.id }, orderBy: { sequence: "asc" } });
    // The refusals were checked against the locked alarm, so they are part of its trail.
    expect(trail.map((e) => e.action)).toEqual(["alarm.raised", "authorization.denied", "authorization.denied", "alarm.acknowledged", "alarm.closed"]);

    // After closing, a new burst opens a new alarm.
    await events(10, new Date(start.getTime() + 5 * MIN), 1000, failedSignIn(account, "10.9.9.9"));
    await sweep(new Date(start.getTime() + 6 * MIN));
    const again = await db().alarm.findMany({ where: { subjectKey: `user:${account}` } });
    expect(again.map((a) => a.status).sort()).toEqual(["closed", "open"]);
    const open = again.find((a) => a.status === "open")!;
    await withTransaction((tx) => linkAlarmToIncident(tx, lead, open.id, "inc_from_alarm", clock.now()));
    expect(await db().alarm.findUnique({ where: { id: open.id } })).toMatchObject({ incidentId: "inc_from_alarm", status: "acknowledged" });
    await expect(withTransaction((tx) => linkAlarmToIncident(tx, lead, open.id, "inc_2", clock.now()))).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("alarm ingestion", () => {
  let source: { id: string; secret: string };
  const body = JSON.stringify({ rule: "waf.block", subject: "host-17", title: "WAF blocked 500 requests", details: { blocked: 500 } });
  const ts = () => String(Math.floor(clock.now().getTime() / 1000));

  beforeAll(async () => {
    clock.set(T0);
    await expect(createAlarmSource(auditor, { name: "waf" })).rejects.toThrow(/permission/);
    source = await createAlarmSource(lead, { name: `waf-${unique()}` });
  });

  it("accepts a correctly signed, fresh alarm and stores it as from that source", async () => {
    const result = await ingestExternalAlarm({ sourceId: source.id, timestamp: ts(), signature: signAlarmRequest(source.secret, ts(), body), body }, clock.now());
    expect(result.created).toBe(true);
    expect(await db().alarm.findUnique({ where: { id: result.alarmId } })).toMatchObject({
      rule: "external.waf.block",
      subjectKey: "host-17",
      source: source.id,
      status: "open",
    });
  });

  it("refuses a bad signature, an old timestamp and a replay; the first refusal of the address is logged, the rest counted", async () => {
    clock.advance(1000);
    const before = await db().auditEvent.count({ where: { action: "alarm.ingest.refused" } });
    await expect(
      ingestExternalAlarm({ sourceId: source.id, timestamp: ts(), signature: signAlarmRequest("wrong-secret", ts(), body), body }, clock.now()),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "The signature does not match the body." });
    const tampered = body.replace("host-17", "host-18");
    await expect(
      ingestExternalAlarm({ sourceId: source.id, timestamp: ts(), signature: signAlarmRequest(source.secret, ts(), body), body: tampered }, clock.now()),
    ).rejects.toMatchObject({ message: "The signature does not match the body." });
    const old = String(Math.floor(clock.now().getTime() / 1000) - 301);
    await expect(
      ingestExternalAlarm({ sourceId: source.id, timestamp: old, signature: signAlarmRequest(source.secret, old, body), body }, clock.now()),
    ).rejects.toMatchObject({ message: "The timestamp is more than 5 minutes away from now." });
    const fresh = ts();
    const signed = { sourceId: source.id, timestamp: fresh, signature: signAlarmRequest(source.secret, fresh, body), body };
    await ingestExternalAlarm(signed, clock.now());
    clock.advance(30_000);
    await expect(ingestExternalAlarm(signed, clock.now())).rejects.toMatchObject({ message: "This request was already received." });
    await expect(ingestExternalAlarm({ ...signed, sourceId: "als_nope" }, clock.now())).rejects.toMatchObject({ message: "Unknown or disabled alarm source." });
    // All five come without an address, so they share one count (ingest-refusals.int.test.ts).
    expect(await db().auditEvent.count({ where: { action: "alarm.ingest.refused", outcome: "denied" } })).toBe(before + 1);

    await disableAlarmSource(lead, { sourceId: source.id });
    const later = ts();
    await expect(
      ingestExternalAlarm({ sourceId: source.id, timestamp: later, signature: signAlarmRequest(source.secret, later, body), body }, clock.now()),
    ).rejects.toMatchObject({ message: "Unknown or disabled alarm source." });
  });
});
