import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { sessionProblem } from "@/lib/auth/session-rules";
import { resolveSession } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { createEngagement } from "./create-engagement";
import { listAuditorCandidates, myEngagements } from "./engagement-choices";
import { getEngagement } from "./get-engagement";
import { listAuditorActivity } from "./list-auditor-activity";
import { listEngagements } from "./list-engagements";
import { addEngagementAuditor } from "./add-engagement-auditor";
import { changeEngagementEnd } from "./change-engagement-end";
import { endEngagementNow } from "./end-engagement-now";
import { removeEngagementAuditor } from "./remove-engagement-auditor";

const run = randomBytes(3).toString("hex");
type TUserActor = Actor & { kind: "user" };

async function user(key: string, roles: Role[]): Promise<TUserActor> {
  const id = `usr_en_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

/** A calendar day `n` days from today (UTC), as a form sends it. */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const endOf = (n: number) => new Date(`${day(n)}T23:59:59.999Z`);

const engagementInput = (auditorIds: string[], endsIn = 30, extra: Record<string, unknown> = {}) => ({
  name: "DPP audit 2026",
  auditFirm: "Example Assurance LLP",
  scope: "Incident response (GS-4) and audit logging (PII-5).",
  startsAt: day(0),
  endsAt: day(endsIn),
  auditorIds,
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function lastDenial(actor: TUserActor) {
  return db().auditEvent.findFirst({ where: { actorId: actor.userId, outcome: "denied" }, orderBy: { sequence: "desc" } });
}

const accessOf = async (u: TUserActor) => db().user.findUniqueOrThrow({ where: { id: u.userId }, select: { accessEndsAt: true, sessionVersion: true } });

let lead: TUserActor;
let responder: TUserActor;
let auditorA: TUserActor;
let auditorB: TUserActor;
let privacy: TUserActor;

describe("audit engagements", () => {
  beforeAll(async () => {
    lead = await user("lead", ["security_lead"]);
    responder = await user("resp", ["responder"]);
    privacy = await user("priv", ["privacy_officer"]);
    auditorA = await user("auda", ["auditor"]);
    auditorB = await user("audb", ["auditor"]);
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("lets a security lead open an engagement with a yearly reference, an existing auditor and an invited one, in one transaction", async () => {
    const created = await createEngagement(lead, engagementInput([auditorA.userId], 30, { newAuditors: [{ displayName: "Ines Invited", email: `ines.${run}@audit.example` }] }));
    expect(created.reference).toBe(`AUD-${new Date().getUTCFullYear()}-0001`);
    const invited = await db().user.findUniqueOrThrow({ where: { email: `ines.${run}@audit.example` } });
    expect(invited.roles).toEqual(["auditor"]);
    expect(invited.status).toBe("invited");
    expect(invited.accessEndsAt).toEqual(endOf(30));
    expect(await db().outboxEmail.count({ where: { toUserId: invited.id, template: "invitation" } })).toBe(1);
    expect((await accessOf(auditorA)).accessEndsAt).toEqual(endOf(30));

    const detail = await getEngagement(lead, created.reference);
    expect(detail.state).toBe("active");
    expect(detail.auditors.map((a) => a.name).sort()).toEqual(["Ines Invited", "Person auda"]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "engagement.created", targetId: created.id } });
    expect(event.actorId).toBe(lead.userId);
    // Ids only: no names or emails in the audit log.
    expect(JSON.stringify(event.details)).not.toMatch(/Ines|audit\.example/);
  });

  it("refuses a responder and an auditor opening an engagement, and logs it", async () => {
    for (const actor of [responder, auditorA]) {
      expect((await refusal(createEngagement(actor, engagementInput([auditorB.userId])))).code).toBe("FORBIDDEN");
      expect((await lastDenial(actor))?.details).toMatchObject({ permission: "compliance.manage" });
    }
  });

  it("refuses an end more than 90 days away, an end before the start, a non-auditor and no auditor at all, writing nothing", async () => {
    const before = await db().auditEngagement.count();
    expect((await refusal(createEngagement(lead, engagementInput([auditorB.userId], 95)))).fieldErrors?.endsAt).toMatch(/90 days/);
    expect((await refusal(createEngagement(lead, engagementInput([auditorB.userId], 5, { startsAt: day(10) })))).fieldErrors?.endsAt).toMatch(/after the first day/);
    expect((await refusal(createEngagement(lead, engagementInput([responder.userId])))).fieldErrors?.auditorIds).toMatch(/only role is Auditor/);
    expect((await refusal(createEngagement(lead, engagementInput([])))).fieldErrors?.auditorIds).toMatch(/at least one auditor/);
    // An invitation that fails (email taken) rolls the whole engagement back.
    expect(
      (await refusal(createEngagement(lead, engagementInput([auditorB.userId], 30, { newAuditors: [{ displayName: "Dup", email: `resp.${run}@example.test` }] })))).fieldErrors?.["newAuditors.0.email"],
    ).toMatch(/already exists/);
    expect(await db().auditEngagement.count()).toBe(before);
    expect((await accessOf(auditorB)).accessEndsAt).toBeNull();
  });

  it("keeps an auditor on two engagements until the later one ends, and ends their sessions when the last one is ended", async () => {
    const first = await createEngagement(lead, engagementInput([auditorB.userId], 30, { name: "First" }));
    const second = await createEngagement(lead, engagementInput([auditorB.userId], 60, { name: "Second" }));
    expect((await accessOf(auditorB)).accessEndsAt).toEqual(endOf(60));

    await changeEngagementEnd(lead, second.reference, { endsAt: day(20) });
    expect((await accessOf(auditorB)).accessEndsAt).toEqual(endOf(30));
    await changeEngagementEnd(lead, second.reference, { endsAt: day(45) });
    expect((await accessOf(auditorB)).accessEndsAt).toEqual(endOf(45));

    const signedIn = await accessOf(auditorB);
    const claims = { sub: auditorB.userId, sv: signedIn.sessionVersion, authAt: Date.now(), seenAt: Date.now() };
    expect(await resolveSession(claims)).not.toBeNull();

    await endEngagementNow(lead, second.reference);
    const afterSecond = await accessOf(auditorB);
    expect(afterSecond.accessEndsAt).toEqual(endOf(30));
    expect(afterSecond.sessionVersion).toBe(signedIn.sessionVersion);
    expect(await resolveSession(claims)).not.toBeNull();

    await endEngagementNow(lead, first.reference);
    const afterFirst = await accessOf(auditorB);
    expect(afterFirst.accessEndsAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(afterFirst.sessionVersion).toBe(signedIn.sessionVersion + 1);
    // The open session is refused on its next request.
    expect(await resolveSession(claims)).toBeNull();
    const row = await db().user.findUniqueOrThrow({ where: { id: auditorB.userId } });
    expect(sessionProblem(claims, row, new Date())).toBe("access-ended");

    expect((await getEngagement(lead, first.reference)).state).toBe("ended");
    expect((await refusal(changeEngagementEnd(lead, first.reference, { endsAt: day(40) }))).code).toBe("INVALID_STATE");
    const ended = await db().auditEvent.findFirstOrThrow({ where: { action: "engagement.ended", targetId: first.id } });
    expect(ended.details).toMatchObject({ accessChanges: [{ userId: auditorB.userId, sessionsEnded: true }] });
  });

  it("adds and removes auditors; a removed auditor with no other engagement loses access at once", async () => {
    const auditorC = await user("audc", ["auditor"]);
    const e = await createEngagement(lead, engagementInput([auditorA.userId], 40, { name: "Adds" }));
    await addEngagementAuditor(lead, e.reference, { userId: auditorC.userId });
    expect((await accessOf(auditorC)).accessEndsAt).toEqual(endOf(40));
    expect((await refusal(addEngagementAuditor(lead, e.reference, { userId: auditorC.userId }))).code).toBe("CONFLICT");
    expect((await refusal(addEngagementAuditor(lead, e.reference, { userId: privacy.userId }))).fieldErrors?.userId).toMatch(/only role is Auditor/);

    await addEngagementAuditor(lead, e.reference, { displayName: "Nia New", email: `nia.${run}@audit.example` });
    const nia = await db().user.findUniqueOrThrow({ where: { email: `nia.${run}@audit.example` } });
    expect(nia.accessEndsAt).toEqual(endOf(40));

    await withTransaction((tx) => recordAuditEvent(tx, { actor: auditorC, action: "incident.viewed", target: { type: "incident", id: `inc_seen_${run}` } }));
    const before = (await accessOf(auditorC)).sessionVersion;
    await removeEngagementAuditor(lead, e.reference, { userId: auditorC.userId });
    // What a removed auditor did stays on the engagement's activity.
    const activity = await listAuditorActivity(lead, e.reference);
    expect(activity.rows.filter((r) => r.action === "incident.viewed").map((r) => r.target)).toEqual([`incident inc_seen_${run}`]);
    const removed = await accessOf(auditorC);
    expect(removed.accessEndsAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(removed.sessionVersion).toBe(before + 1);
    // auditorA is still on the first engagement (30 days) and on this one (40 days).
    expect((await accessOf(auditorA)).accessEndsAt).toEqual(endOf(40));
    expect((await getEngagement(lead, e.reference)).auditors.map((a) => a.userId)).not.toContain(auditorC.userId);
  });

  it("refuses changes by anyone without compliance.manage, and logs each refusal", async () => {
    const e = await createEngagement(lead, engagementInput([auditorA.userId], 30, { name: "Refusals" }));
    const attempts = [
      () => changeEngagementEnd(responder, e.reference, { endsAt: day(10) }),
      () => endEngagementNow(auditorA, e.reference),
      () => addEngagementAuditor(privacy, e.reference, { userId: auditorB.userId }),
      () => removeEngagementAuditor(responder, e.reference, { userId: auditorA.userId }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe("FORBIDDEN");
    expect((await lastDenial(responder))?.details).toMatchObject({ permission: "compliance.manage" });
    expect((await lastDenial(privacy))?.details).toMatchObject({ permission: "compliance.manage" });
    const detail = await getEngagement(lead, e.reference);
    expect(detail.endedAt).toBeNull();
    expect(detail.auditors).toHaveLength(1);
  });

  it("lists engagements sorted and filtered by state in the database, for compliance.read only", async () => {
    await createEngagement(lead, engagementInput([auditorA.userId], 30, { name: "Planned one", startsAt: day(3) }));
    const planned = await listEngagements(privacy, { state: "planned" });
    expect(planned.rows.map((r) => r.name)).toEqual(["Planned one"]);
    const ended = await listEngagements(lead, { state: "ended", sort: "reference", dir: "asc" });
    expect(ended.rows.map((r) => r.name)).toEqual(["First", "Second"]);
    const all = await listEngagements(auditorA, { sort: "reference", dir: "asc", pageSize: "10" });
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => r.reference)).toEqual([...all.rows.map((r) => r.reference)].sort());
    expect(all.rows.find((r) => r.name === "Adds")?.auditorCount).toBe(2);
    expect((await refusal(listEngagements(responder, {}))).code).toBe("FORBIDDEN");
    expect((await refusal(getEngagement(responder, all.rows[0]!.reference))).code).toBe("FORBIDDEN");
  });

  it("offers only auditor-only, not deactivated accounts to people who manage engagements", async () => {
    const gone = await user("gone", ["auditor"]);
    await db().user.update({ where: { id: gone.userId }, data: { status: "deactivated" } });
    const ids = (await listAuditorCandidates(lead)).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([auditorA.userId, auditorB.userId]));
    expect(ids).not.toContain(gone.userId);
    expect(ids).not.toContain(responder.userId);
    expect((await refusal(listAuditorCandidates(auditorA))).code).toBe("FORBIDDEN");
  });

  it("shows an auditor their own engagements that are not over, and nobody else's", async () => {
    const mine = await myEngagements(auditorA);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((e) => e.name)).not.toContain("First");
    expect(await myEngagements(lead)).toEqual([]);
    expect(await myEngagements(auditorB)).toEqual([]);
  });
});
