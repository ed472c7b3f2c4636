import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/policy";
import { fixedClock, setClock } from "@/lib/clock";
import { lastEvent, testPerson, type TUserActor } from "./test-people";
import { db } from "@/lib/db/client";
import { controlActivityClock } from "./clock-source";
import { completeControlActivity } from "./complete-activity";
import { getControlActivity, listControlActivities } from "./list-activities";
import { activityDueRule } from "./reminder-rules/activity-due";
import { scheduleControlActivity } from "./schedule-activity";
import { activityCompletionRegister } from "./plan-registers";
import { registerCsv } from "@/lib/core/register-report/render-register";

const run = randomBytes(3).toString("hex");
let restoreClock: () => void;

const user = (key: string, roles: Role[]) => testPerson(`ac_${run}`, key, roles);

let lead: TUserActor;
let lead2: TUserActor;
let privacy: TUserActor;
let responder: TUserActor;
let auditor: TUserActor;


beforeAll(async () => {
  restoreClock = setClock(fixedClock("2026-12-08T10:00:00Z"));
  lead = await user("lead", ["security_lead"]);
  lead2 = await user("lead2", ["security_lead"]);
  privacy = await user("priv", ["privacy_officer"]);
  responder = await user("resp", ["responder"]);
  auditor = await user("aud", ["auditor"]);
});
afterAll(async () => {
  restoreClock();
  await db().$disconnect();
});

describe("recurring control activities", () => {
  let review: string;

  it("schedules an audit log review with the kind's defaults; only policy writers schedule, owners are leads or privacy officers", async () => {
    await expect(scheduleControlActivity(responder, { kind: "audit_log_review", ownerId: lead.userId, firstDueOn: "2026-12-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(scheduleControlActivity(auditor, { kind: "audit_log_review", ownerId: lead.userId, firstDueOn: "2026-12-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(scheduleControlActivity(lead, { kind: "audit_log_review", ownerId: responder.userId, firstDueOn: "2026-12-10" })).rejects.toMatchObject({ fieldErrors: { ownerId: expect.stringMatching(/security lead or privacy officer/) } });
    await expect(scheduleControlActivity(lead, { kind: "weekly", ownerId: "", firstDueOn: "soon" })).rejects.toMatchObject({ fieldErrors: { kind: expect.any(String), ownerId: expect.any(String), firstDueOn: expect.any(String) } });
    ({ reference: review } = await scheduleControlActivity(lead, { kind: "audit_log_review", ownerId: privacy.userId, firstDueOn: "2026-12-10" }));
    const detail = await getControlActivity(auditor, review);
    expect(detail).toMatchObject({ title: "Audit log review", frequencyDays: 14, nextDueOn: "2026-12-10", dueState: "due-soon", lastCompletedOn: null, canRecord: false });
    expect((await lastEvent("control-activity.scheduled"))?.details).toMatchObject({ reference: review, kind: "audit_log_review", frequencyDays: 14, nextDueOn: "2026-12-10" });
  });

  it("shows on the dashboard clock and reminds its owner as it falls due", async () => {
    const items = await controlActivityClock.listOpen(db(), new Date("2026-12-08T10:00:00Z"), { dueBefore: new Date("2026-12-15T00:00:00Z"), scope: { kind: "all" } });
    expect(items.find((i) => i.reference === review)).toMatchObject({ state: "due-soon", ownerIds: [privacy.userId], link: `/plans/activities/${review}` });
    const reminders = await activityDueRule.collect(db(), new Date("2026-12-08T10:00:00Z"));
    expect(reminders.find((r) => r.link === `/plans/activities/${review}`)?.key).toMatch(/:2026-12-10:3d$/);
    const overdue = (await activityDueRule.collect(db(), new Date("2026-12-11T10:00:00Z"))).find((r) => r.link === `/plans/activities/${review}`);
    expect(overdue?.recipientUserIds).toEqual(expect.arrayContaining([privacy.userId, lead.userId, lead2.userId]));
  });

  it("records a completion only with proof, and the next one falls due two weeks later", async () => {
    await expect(completeControlActivity(auditor, review, { completedOn: "2026-12-08", outcome: "no_issues", note: "Reviewed all sign-ins." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeControlActivity(lead, review, { completedOn: "2026-12-08", outcome: "no_issues", note: "short" })).rejects.toMatchObject({ fieldErrors: { note: expect.any(String) } });
    await expect(completeControlActivity(lead, review, { completedOn: "2026-12-09", outcome: "no_issues", note: "Reviewed all sign-ins." })).rejects.toMatchObject({ fieldErrors: { completedOn: expect.any(String) } });
    await expect(completeControlActivity(lead, review, { completedOn: "2026-12-08", outcome: "no_issues", evidenceLabel: "EV-2026-9999" })).rejects.toMatchObject({ fieldErrors: { evidenceLabel: expect.any(String) } });
    const done = await completeControlActivity(privacy, review, { completedOn: "2026-12-08", outcome: "issues_found", note: "Reviewed sign-ins of 24 Nov to 7 Dec; one unknown address followed up." });
    expect(done.nextDueOn).toBe("2026-12-22");
    const detail = await getControlActivity(lead, review);
    expect(detail).toMatchObject({ nextDueOn: "2026-12-22", lastCompletedOn: "2026-12-08", dueState: "on-time" });
    expect(detail.completions[0]).toMatchObject({ completedByName: "Person priv", outcome: "issues_found", evidenceLabel: null });
    const event = await lastEvent("control-activity.completed");
    expect(event?.details).toMatchObject({ reference: review, outcome: "issues_found", nextDueOn: "2026-12-22", completionId: done.id });
    expect(JSON.stringify(event?.details)).not.toContain("unknown address");
  });

  it("a tabletop exercise needs scenario, participants and what went well or not; its follow-ups become tasks", async () => {
    const { reference } = await scheduleControlActivity(lead, { kind: "tabletop_exercise", ownerId: lead2.userId, firstDueOn: "2026-12-08" });
    await expect(completeControlActivity(lead, reference, { completedOn: "2026-12-08", outcome: "issues_found", note: "Ran the ransomware scenario." })).rejects.toMatchObject({
      fieldErrors: { scenario: expect.any(String), participants: expect.any(String), wentWell: expect.any(String), wentBadly: expect.any(String) },
    });
    const done = await completeControlActivity(lead, reference, {
      completedOn: "2026-12-08",
      outcome: "issues_found",
      note: "Two hours, whole team.",
      scenario: "Ransomware on the order database",
      participants: "Security lead, privacy officer, two responders",
      wentWell: "Notice drafted within the hour",
      wentBadly: "Nobody knew where the offline backups were",
      followUps: "Document where the offline backups are\nRun a restore test by January",
    });
    expect(done.taskIds).toHaveLength(2);
    expect(done.nextDueOn).toBe("2027-12-08");
    const detail = await getControlActivity(auditor, reference);
    expect(detail.completions[0]).toMatchObject({ scenario: "Ransomware on the order database", wentBadly: "Nobody knew where the offline backups were" });
    expect(detail.followUps.map((t) => [t.title, t.ownerName, t.state])).toEqual([
      ["Document where the offline backups are", "Person lead2", "open"],
      ["Run a restore test by January", "Person lead2", "open"],
    ]);
    const list = await listControlActivities(auditor, { sort: "nextDueOn", dir: "asc" });
    expect(list.rows.map((r) => r.reference)).toEqual([review, reference]);
  });

  it("the audit pack's register of activities carried out: who, when, outcome, proof and the tabletop's findings, grouped by activity", async () => {
    let csv = "";
    for await (const chunk of registerCsv(activityCompletionRegister(db()))) csv += chunk;
    const lines = csv.trim().split("\n");
    expect(lines[0]).toContain("Activity,Title,Kind,Done on,By,Outcome,Evidence item,Note,Scenario");
    expect(lines.filter((l) => l.includes("Tabletop exercise"))).toHaveLength(1);
    expect(csv).toContain("Ransomware on the order database");
    expect(csv).toContain("Nobody knew where the offline backups were");
    expect(csv).toContain("Person lead");
  });
});
