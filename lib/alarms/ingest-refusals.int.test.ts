import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ipHashOf } from "@/lib/audit-log/append-event";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { createAlarmSource } from "./create-alarm-source";
import { ingestExternalAlarm } from "./ingest-external-alarm";
import { signAlarmRequest } from "./request-signature";

// Refused alarm posts come from anyone who can reach Vigil. Each logged refusal takes the audit
// chain's lock, so they are logged once per address and window and counted, not logged each.

const lead: Actor = { kind: "user", userId: "usr_lead", roles: ["security_lead"] };
const T0 = new Date("2026-11-21T09:00:00.000Z");
const MIN = 60_000;
const clock = fixedClock(T0);
let restore: () => void;
let source: { id: string; secret: string };
const body = JSON.stringify({ rule: "waf.block", subject: "host-1", title: "WAF blocked requests" });

beforeAll(async () => {
  restore = setClock(clock);
  source = await createAlarmSource(lead, { name: `waf-${randomBytes(3).toString("hex")}` });
});
afterAll(async () => {
  restore();
  await db().$disconnect();
});

const ts = () => String(Math.floor(clock.now().getTime() / 1000));
const forged = (ip: string) => ({ sourceId: source.id, timestamp: ts(), signature: signAlarmRequest("not-the-secret", ts(), body), body, context: { ip } });
const signed = (ip: string, text = body) => ({ sourceId: source.id, timestamp: ts(), signature: signAlarmRequest(source.secret, ts(), text), body: text, context: { ip } });
const head = async () => (await db().auditChainHead.findUnique({ where: { id: 1 } }))?.sequence ?? 0n;
const logged = (ip: string) => db().auditEvent.findMany({ where: { action: "alarm.ingest.refused", ipHash: ipHashOf(ip) }, orderBy: { sequence: "asc" } });

describe("unauthenticated refusals of POST /api/alarms", () => {
  it("logs the first refusal of an address in 10 minutes and counts the rest without touching the audit chain", async () => {
    const ip = "198.51.100.7";
    await expect(ingestExternalAlarm(forged(ip), clock.now())).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: "The signature does not match the body." });
    expect(await logged(ip)).toHaveLength(1);
    const before = await head();
    for (let i = 0; i < 29; i++) {
      clock.advance(1000);
      await expect(ingestExternalAlarm(forged(ip), clock.now())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    expect(await head()).toBe(before);
    expect(await logged(ip)).toHaveLength(1);

    // Another address is counted on its own: its first refusal is logged.
    const other = "203.0.113.44";
    await expect(ingestExternalAlarm(forged(other), clock.now())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await logged(other)).toHaveLength(1);
  });

  it("answers 429 to an address after 30 refusals in 10 minutes, until the window ends; other addresses are not held up", async () => {
    const ip = "198.51.100.8";
    clock.set(new Date(T0.getTime() + 60 * MIN));
    for (let i = 0; i < 30; i++) await expect(ingestExternalAlarm(forged(ip), clock.now())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const before = await head();
    await expect(ingestExternalAlarm(forged(ip), clock.now())).rejects.toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      message: expect.stringMatching(/Too many refused requests from this address/),
    });
    await expect(ingestExternalAlarm(signed(ip), clock.now())).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await head()).toBe(before);
    const elsewhere = await ingestExternalAlarm(signed("198.51.100.9", body.replace("host-1", "host-2")), clock.now());
    expect(elsewhere.created).toBe(true);

    // After the window the address is heard again, and its next logged refusal says how many
    // refusals were counted since the last one it logged.
    clock.advance(10 * MIN);
    await expect(ingestExternalAlarm(forged(ip), clock.now())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const events = await logged(ip);
    expect(events).toHaveLength(2);
    expect(events[1]!.details).toEqual({ reason: "bad-signature", refusedSinceLastEvent: 31 });
    const accepted = await ingestExternalAlarm(signed(ip, body.replace("host-1", "host-3")), clock.now());
    expect(accepted.created).toBe(true);
  });
});
