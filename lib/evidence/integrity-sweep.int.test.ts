import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { createDigitalEvidence } from "./create-evidence";
import { countFilesNotVerifiedWithinCycle, getIntegrityCycleStatus } from "./integrity-status";
import { INTEGRITY_BEHIND_ALARM_RULE, INTEGRITY_GRACE_MS, isNotVerifiedWithinCycle } from "./integrity-rules";
import { runEvidenceIntegritySweep } from "./run-evidence-integrity-sweep";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FILES = 48;
const run = randomBytes(3).toString("hex");
// createdAt is the database's time: the fixed clock starts at the real time, then moves on.
const clock = fixedClock(new Date());
let restore: () => void = () => undefined;
let lead: Actor & { kind: "user" };
let auditor: Actor & { kind: "user" };
let responder: Actor & { kind: "user" };
const ids: string[] = [];

async function* bytes(n: number): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`Dec 02 00:00:01 bastion sshd[${n}]: Accepted publickey for deploy\n`.repeat(40 + n));
}

async function user(key: string, roles: ("security_lead" | "auditor" | "responder")[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_is_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Test ${key}`, status: "active", roles } });
  return { kind: "user", userId: id, roles };
}

/** Every stored file's verification state, read afresh. */
async function stored() {
  return db().evidenceItem.findMany({ where: { id: { in: ids } }, select: { id: true, lastVerifiedAt: true, createdAt: true } });
}

const noPause = async () => undefined;

describe("evidence integrity sweep", () => {
  beforeAll(async () => {
    restore = setClock(clock);
    lead = await user("lead", ["security_lead"]);
    auditor = await user("aud", ["auditor"]);
    responder = await user("resp", ["responder"]);
    const type = await db().incidentType.findFirstOrThrow();
    await db().incident.create({
      data: {
        id: `inc_is_${run}`,
        reference: `INC-IS-${run}`,
        title: "Bastion logs kept",
        summary: "Logs of the bastion host kept as evidence.",
        typeId: type.id,
        severity: "SEV3",
        amazonInfoAnswer: "no",
        amazonInfoInvolved: false,
        detectedAt: new Date(),
        reportedById: lead.userId,
        createdById: lead.userId,
        teamIds: [lead.userId],
        memberIds: [lead.userId],
      },
    });
    const meta = {
      description: "auth.log from the bastion host",
      collectedAt: new Date(Date.now() - HOUR).toISOString(),
      collectionMethod: "Copied with scp by the responder",
      sourceSystem: "bastion-1",
      storageLocation: "Vigil evidence store",
      legalHold: false,
    };
    for (let i = 0; i < FILES; i++) {
      const created = await createDigitalEvidence(lead, `INC-IS-${run}`, { ...meta, fileName: `auth-${i}.log` }, bytes(i));
      ids.push(created.id);
    }
  });
  afterAll(async () => {
    restore();
    await db().$disconnect();
  });

  it("plans its runs so every file is verified within the cycle, run after run, for three cycles", async () => {
    const start = clock.now().getTime();
    let checked = 0;
    // An hourly run (the real one comes every minute; the plan spreads the cycle over the runs).
    for (let hour = 1; hour <= 72; hour++) {
      clock.set(new Date(start + hour * HOUR));
      const result = await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, intervalMs: HOUR, sleep: noPause });
      expect(result.skipped).toBe(false);
      expect(result.failed).toBe(0);
      // 48 files over half a 24 h cycle of hourly runs: at most 4 a run.
      expect(result.checked).toBeLessThanOrEqual(4);
      checked += result.checked;
      for (const item of await stored()) expect(isNotVerifiedWithinCycle(item, clock.now(), DAY), `${item.id} at hour ${hour}`).toBe(false);
      expect(result.behindFiles).toBe(0);
      expect(result.alarmRaised).toBe(false);
    }
    // Each file about once every 12 to 24 hours: between 3 and 6 checks each over 72 hours.
    expect(checked).toBeGreaterThanOrEqual(3 * FILES);
    expect(checked).toBeLessThanOrEqual(6 * FILES);
    expect((await countFilesNotVerifiedWithinCycle(db(), clock.now(), DAY)).files).toBe(0);
    // Every run that did something is recorded, with what it achieved.
    const runs = await db().evidenceIntegrityRun.findMany({ where: { checked: { gt: 0 } } });
    expect(runs.reduce((sum, r) => sum + r.checked, 0)).toBe(checked);
    expect(runs.every((r) => r.finishedAt !== null && r.bytesRead > 0n && r.totalFiles === FILES)).toBe(true);
  });

  it("reads within its byte budget, pausing between chunks", async () => {
    const pauses: number[] = [];
    clock.advance(13 * HOUR);
    const result = await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, intervalMs: DAY, bytesPerSecond: 65_536, sleep: async (ms) => void pauses.push(ms), elapsedMs: () => 0 });
    expect(result.checked).toBeGreaterThan(0);
    // With no time passing on its own, the sweep must wait bytesRead / budget in all.
    const waited = pauses.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(0);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(Math.ceil((result.bytesRead / 65_536) * 1000));
  });

  it("runs one at a time: a run in progress elsewhere holds the lease until its heartbeat goes stale", async () => {
    clock.advance(13 * HOUR);
    const other = newId("eir");
    const base = { cycleHours: 24, bytesPerSecond: 1, totalFiles: 0, totalBytes: 0n, dueFiles: 0, behindFiles: 0, planned: 0 };
    await db().evidenceIntegrityRun.create({ data: { id: other, lease: "sweep", startedAt: clock.now(), heartbeatAt: clock.now(), ...base } });
    expect((await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, sleep: noPause })).skipped).toBe(true);
    clock.advance(11 * 60_000);
    const result = await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, sleep: noPause });
    expect(result.skipped).toBe(false);
    expect(await db().evidenceIntegrityRun.findUniqueOrThrow({ where: { id: other } })).toMatchObject({ abandoned: true, lease: null });
    // Every run the sweep made let go of the lease when it finished.
    expect(await db().evidenceIntegrityRun.count({ where: { lease: { not: null } } })).toBe(0);
  });

  it("raises one alarm when files fall behind their cycle, not one every run, and the screen says so", async () => {
    clock.advance(HOUR);
    const old = new Date(clock.now().getTime() - DAY - INTEGRITY_GRACE_MS - HOUR);
    const late = ids.slice(0, 3);
    await db().evidenceItem.updateMany({ where: { id: { in: late } }, data: { lastVerifiedAt: old } });
    const status = await getIntegrityCycleStatus(auditor, clock.now());
    expect(status).toMatchObject({ state: "behind-cycle", notWithinCycle: 3, totalFiles: FILES });
    expect(await getIntegrityCycleStatus(responder, clock.now())).toBeNull();

    // A run that can do one file before its time is up: two stay behind, the alarm is raised.
    const first = await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, timeBudgetMs: 0, sleep: noPause });
    expect(first).toMatchObject({ checked: 1, behindFiles: 2, alarmRaised: true });
    const second = await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, timeBudgetMs: 0, sleep: noPause });
    expect(second).toMatchObject({ checked: 1, behindFiles: 1, alarmRaised: false });
    const alarms = await db().alarm.findMany({ where: { rule: INTEGRITY_BEHIND_ALARM_RULE } });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ status: "open", count: 1 });
    expect(alarms[0]!.title).toBe("Integrity sweep behind: 2 evidence files not verified within the 24 h cycle");
    expect(await db().auditEvent.count({ where: { action: "alarm.raised", targetId: alarms[0]!.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "alarm.repeated", targetId: alarms[0]!.id } })).toBe(0);

    // Caught up: nothing behind, no new alarm, and the status is within the cycle again.
    const third = await runEvidenceIntegritySweep(clock.now(), { cycleMs: DAY, sleep: noPause });
    expect(third).toMatchObject({ behindFiles: 0, alarmRaised: false });
    expect(await getIntegrityCycleStatus(lead, clock.now())).toMatchObject({ state: "within-cycle", notWithinCycle: 0 });
  });
});
