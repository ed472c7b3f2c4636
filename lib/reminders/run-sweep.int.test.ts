import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startSmtpServer, type TTestSmtpServer } from "@/test/support/smtp-server";
import { makeUser, resetMailState, separateClient } from "@/test/support/mail-db";
import { PERIODIC_JOBS, REMINDER_RULES } from "./registry";
import { runReminders } from "./run-reminders";
import { runSweep } from "./run-sweep";
import { openAlarmRule } from "@/lib/alarms";
import { auditorAccessEndingRule } from "@/lib/engagements/reminder-rules/auditor-access-ending";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const t0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let server: TTestSmtpServer;

async function openAlarm(database: PrismaClient, title = "Repeated failed sign-ins") {
  const id = newId("alm");
  await database.alarm.create({ data: { id, rule: "auth.brute-force", subjectKey: "usr_x", title, details: {}, firstSeenAt: t0, lastSeenAt: t0 } });
  return id;
}

describe("reminder rules read current state from the database", () => {
  beforeEach(async () => {
    await resetMailState(db());
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("auditors: the 7-day and 1-day thresholds, not for ended, distant or deactivated accounts", async () => {
    const lead = await makeUser(db(), { roles: ["security_lead"] });
    const soon = await makeUser(db(), { roles: ["auditor"], accessEndsAt: at(5 * DAY) });
    const tomorrow = await makeUser(db(), { roles: ["auditor"], accessEndsAt: at(20 * HOUR) });
    await makeUser(db(), { roles: ["auditor"], accessEndsAt: at(30 * DAY) });
    await makeUser(db(), { roles: ["auditor"], accessEndsAt: at(-HOUR) });
    await makeUser(db(), { roles: ["auditor"], accessEndsAt: at(2 * DAY), status: "deactivated" });
    await makeUser(db(), { roles: ["member"], accessEndsAt: at(2 * DAY) });

    const reminders = await auditorAccessEndingRule.collect(db(), t0);
    expect(reminders.map((r) => [r.key, r.urgent, r.recipientUserIds]).sort()).toEqual(
      [
        [`auditor.access-ending:${soon.id}:${at(5 * DAY).toISOString()}:7d`, false, [soon.id, lead.id]],
        [`auditor.access-ending:${tomorrow.id}:${at(20 * HOUR).toISOString()}:1d`, true, [tomorrow.id, lead.id]],
      ].sort(),
    );
  });

});

describe("the sweep with a real SMTP server", () => {
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server.close();
    await db().$disconnect();
  });
  beforeEach(async () => {
    await resetMailState(db());
    server.messages.length = 0;
    server.setMode("accept");
  });

  it("delivers each due reminder once, to the right people, with subject and link", async () => {
    const leadA = await makeUser(db(), { roles: ["security_lead"] });
    const leadB = await makeUser(db(), { roles: ["security_lead", "responder"] });
    const gone = await makeUser(db(), { roles: ["security_lead"], status: "deactivated" });
    const alarmId = await openAlarm(db(), "Canary record read");

    const first = await runSweep(t0, { smtp: server.smtpOptions() });
    expect(first.errors).toEqual([]);
    expect(first.reminders).toMatchObject({ due: 1, sent: 1, emails: 2 });
    const messages = await server.waitForMessages(2);
    expect(messages.map((m) => m.envelopeTo[0]).sort()).toEqual([leadA.email, leadB.email].sort());
    expect(messages.map((m) => m.envelopeTo[0])).not.toContain(gone.email);
    for (const message of messages) {
      expect(message.subject).toBe("Security alarm: Canary record read");
      expect(message.text).toContain(`http://localhost:3000/audit-log/alarms?alarm=${alarmId}`);
      expect(message.html).toContain(`href="http://localhost:3000/audit-log/alarms?alarm=${alarmId}"`);
    }
    const key = await db().sentReminder.findUniqueOrThrow({ where: { key: `alarm.open:${alarmId}` } });
    expect(key.emailIds).toHaveLength(2);

    // Later sweeps find the same alarm still open and send nothing more.
    const again = await runSweep(at(HOUR), { smtp: server.smtpOptions() });
    expect(again.reminders).toMatchObject({ due: 1, sent: 0, alreadySent: 1 });
    expect(server.messages).toHaveLength(2);
  });

  it("a temporary refusal is retried by a later sweep once the backoff has passed", async () => {
    server.setMode("refuse-then-accept", 1);
    const lead = await makeUser(db(), { roles: ["security_lead"] });
    await openAlarm(db());
    expect((await runSweep(t0, { smtp: server.smtpOptions() })).delivery).toMatchObject({ retried: 1, sent: 0 });
    expect((await runSweep(at(30_000), { smtp: server.smtpOptions() })).delivery).toMatchObject({ retried: 0, sent: 0 });
    expect((await runSweep(at(60_000), { smtp: server.smtpOptions() })).delivery).toMatchObject({ sent: 1 });
    expect((await server.waitForMessages(1)).map((m) => m.envelopeTo)).toEqual([[lead.email]]);
  });

  it("two sweeps racing over 200 due reminders deliver each exactly once", async () => {
    const lead = await makeUser(db(), { roles: ["security_lead"] });
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(newId("alm"));
    await db().alarm.createMany({
      data: ids.map((id, i) => ({ id, rule: "load.test", subjectKey: `s${i}`, title: `Alarm ${i}`, details: {}, firstSeenAt: t0, lastSeenAt: t0 })),
    });
    const one = separateClient();
    const two = separateClient();
    try {
      const [a, b] = await Promise.all([
        runSweep(t0, { database: one, smtp: server.smtpOptions() }),
        runSweep(t0, { database: two, smtp: server.smtpOptions() }),
      ]);
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
      expect(a.reminders!.sent + b.reminders!.sent).toBe(200);
      expect(a.delivery!.sent + b.delivery!.sent).toBe(200);
      const messages = await server.waitForMessages(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(server.messages).toHaveLength(200);
      expect(new Set(messages.map((m) => m.subject)).size).toBe(200);
      expect(messages.every((m) => m.envelopeTo[0] === lead.email)).toBe(true);
      expect(await db().sentReminder.count()).toBe(200);
      expect(await db().outboxEmail.count({ where: { status: "sent" } })).toBe(200);
      expect(await db().mailDelivery.count()).toBe(200);
    } finally {
      await one.$disconnect();
      await two.$disconnect();
    }
  });

  it("a digest reader gets non-urgent reminders once a day at the chosen hour, urgent ones at once", async () => {
    const lead = await makeUser(db(), { roles: ["security_lead"], timeZone: "Europe/Berlin" });
    await db().notificationPreference.create({ data: { userId: lead.id, mode: "digest", digestHour: 8, updatedAt: t0 } });
    // 7 days left: not urgent. 20 hours left: urgent.
    const weekAway = await makeUser(db(), { roles: ["auditor"], accessEndsAt: at(6 * DAY) });
    await openAlarm(db(), "Unusual export volume");

    // 09:00 UTC is 10:00 in Berlin: today's 08:00 digest time has passed before these were due.
    await runSweep(t0, { smtp: server.smtpOptions() });
    const immediate = await server.waitForMessages(2);
    const toLead = immediate.filter((m) => m.envelopeTo[0] === lead.email);
    expect(toLead.map((m) => m.subject)).toEqual(["Security alarm: Unusual export volume"]);
    // The auditor reads immediately (no preference), so gets the 7-day reminder at once.
    expect(immediate.filter((m) => m.envelopeTo[0] === weekAway.email).map((m) => m.subject)).toEqual(["Auditor access to Vigil ends in 7 days"]);
    expect(await db().digestItem.count({ where: { userId: lead.id, digestedAt: null } })).toBe(1);

    // Nothing more until 08:00 Berlin the next day (07:00 UTC).
    await runSweep(at(21 * HOUR), { smtp: server.smtpOptions() });
    expect(server.messages).toHaveLength(2);
    await runSweep(at(22 * HOUR), { smtp: server.smtpOptions() });
    const all = await server.waitForMessages(3);
    const digest = all[2]!;
    expect(digest.envelopeTo).toEqual([lead.email]);
    expect(digest.subject).toBe("Your Vigil digest: 1 reminder");
    expect(digest.text).toContain("Auditor access to Vigil ends in 7 days");
    expect(digest.text).toContain(`http://localhost:3000/settings/users/${weekAway.id}`);
    await runSweep(at(23 * HOUR), { smtp: server.smtpOptions() });
    expect(server.messages).toHaveLength(3);
  });

  it("registers the rules and the audit log's periodic jobs", () => {
    expect(REMINDER_RULES.map((r) => r.name)).toEqual([
      "invitation.not-accepted",
      "auditor.access-ending",
      "alarm.open",
      "mail.delivery-failed",
      "incident.amazon-notice",
      "legal-request.amazon-notice",
      "incident.task",
      "evidence.transfer-waiting",
      "finding.due",
      "compliance.attestation-due",
      "policy.review-due",
      "control-activity.due",
      "policy.acknowledgement",
      "access.campaign-due",
      "access.leaver",
      "access.rotation-due",
      "asset.purge-due",
      "asset.inventory-review-due",
    ]);
    expect(PERIODIC_JOBS.map((j) => j.name)).toEqual(["alarms.sweep", "audit.daily-checkpoint", "audit.retention", "audit.verify", "access.sweep"]);
  });

  it("a failing rule does not stop the others", async () => {
    await makeUser(db(), { roles: ["security_lead"] });
    await openAlarm(db());
    const broken = { name: "broken", collect: () => Promise.reject(new Error("boom")) };
    const result = await runReminders(t0, { rules: [broken, openAlarmRule] });
    expect(result).toMatchObject({ failedRules: ["broken"], sent: 1 });
  });

  it("periodic jobs run once per slot however many sweeps run, and again after a failure", async () => {
    let runs = 0;
    let fail = true;
    const job = {
      name: "test.daily",
      every: "day" as const,
      atUtcHour: 6,
      run: async () => {
        runs += 1;
        if (fail) throw new Error("not today");
      },
    };
    const one = separateClient();
    try {
      await runSweep(at(-4 * HOUR), { jobs: [job], smtp: null }); // 05:00 UTC: not yet
      expect(runs).toBe(0);
      await runSweep(t0, { jobs: [job], smtp: null });
      expect(runs).toBe(1);
      fail = false;
      await Promise.all([runSweep(at(60_000), { jobs: [job], smtp: null }), runSweep(at(60_000), { jobs: [job], smtp: null, database: one })]);
      expect(runs).toBe(2);
      await runSweep(at(HOUR), { jobs: [job], smtp: null });
      expect(runs).toBe(2);
      await runSweep(at(DAY), { jobs: [job], smtp: null });
      expect(runs).toBe(3);
    } finally {
      await one.$disconnect();
    }
  });
});
