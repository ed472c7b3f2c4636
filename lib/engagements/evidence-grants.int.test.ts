import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createDigitalEvidence } from "@/lib/evidence/create-evidence";
import { downloadEvidenceFile } from "@/lib/evidence/download-evidence";
import { createEngagement } from "./create-engagement";
import { evidenceAuditorAccess, myEngagements } from "./engagement-choices";
import { grantEvidenceDownload } from "./grant-evidence-download";
import { revokeEvidenceGrant } from "./revoke-evidence-grant";
import { listAuditorActivity } from "./list-auditor-activity";
import { endEngagementNow } from "./end-engagement-now";

const run = randomBytes(3).toString("hex");
type TUserActor = Actor & { kind: "user" };

async function user(key: string, roles: Role[]): Promise<TUserActor> {
  const id = `usr_eg_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

async function* once(data: Buffer): AsyncGenerator<Uint8Array> {
  yield data;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let lead: TUserActor;
let responder: TUserActor;
let auditor: TUserActor;
let otherAuditor: TUserActor;
let incidentRef: string;

async function evidence(name: string, content: Buffer) {
  return createDigitalEvidence(lead, incidentRef, {
    description: `${name} from the bastion host`,
    collectedAt: new Date(Date.now() - 3600_000).toISOString(),
    collectionMethod: "Copied with scp",
    storageLocation: "Vigil evidence store",
    legalHold: false,
    fileName: name,
  }, once(content));
}

const engagement = (auditorIds: string[], extra: Record<string, unknown> = {}) =>
  createEngagement(lead, { name: "DPP audit", auditFirm: "Example Assurance LLP", scope: "GS-4", startsAt: day(0), endsAt: day(30), auditorIds, ...extra });

describe("evidence download grants for audit engagements", () => {
  beforeAll(async () => {
    lead = await user("lead", ["security_lead"]);
    responder = await user("resp", ["responder"]);
    auditor = await user("aud", ["auditor"]);
    otherAuditor = await user("aud2", ["auditor"]);
    const type = await db().incidentType.findFirstOrThrow();
    incidentRef = `INC-EG-${run}`;
    await db().incident.create({
      data: { id: `inc_eg_${run}`, reference: incidentRef, title: "Brute force", summary: "Brute force on the bastion.", typeId: type.id, severity: "SEV2", detectedAt: new Date(), amazonInfoAnswer: "no", amazonInfoInvolved: false, reportedById: lead.userId, createdById: lead.userId, teamIds: [lead.userId], memberIds: [lead.userId] },
    });
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("lets the engagement's auditor download exactly the granted file while live, names the grant in custody and audit, and refuses the rest", async () => {
    const granted = Buffer.from("auth.log line\n".repeat(500));
    const item = await evidence("auth.log", granted);
    const other = await evidence("syslog", Buffer.from("syslog line\n".repeat(50)));
    const e = await engagement([auditor.userId]);
    await engagement([otherAuditor.userId]);

    // Before the grant: refused like any auditor, and logged.
    expect((await refusal(downloadEvidenceFile(auditor, item.label))).code).toBe("FORBIDDEN");

    const { id: grantId } = await grantEvidenceDownload(lead, { engagementId: e.id, evidenceId: item.id });
    const download = await downloadEvidenceFile(auditor, item.label);
    expect(sha(await readAll(download.body))).toBe(sha(granted));

    const entry = await db().custodyEntry.findFirstOrThrow({ where: { evidenceId: item.id, action: "downloaded" } });
    expect(entry.actorId).toBe(auditor.userId);
    expect(entry.details).toMatchObject({ grantId, engagementId: e.id });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "evidence.downloaded", actorId: auditor.userId, targetId: item.id } });
    expect(event.details).toMatchObject({ grantId });

    // Another item, and the same item for an auditor of another engagement: refused and logged.
    expect((await refusal(downloadEvidenceFile(auditor, other.label))).code).toBe("FORBIDDEN");
    const denied = await db().auditEvent.findFirstOrThrow({ where: { actorId: auditor.userId, outcome: "denied", targetId: other.id } });
    expect(denied).toMatchObject({ action: "authorization.denied", details: { permission: "evidence.download" } });
    expect((await refusal(downloadEvidenceFile(otherAuditor, item.label))).code).toBe("FORBIDDEN");
    expect(await db().custodyEntry.count({ where: { evidenceId: other.id, action: "downloaded" } })).toBe(0);

    // The portal lists the granted file for this auditor only.
    expect((await myEngagements(auditor))[0]!.files.map((f) => f.label)).toEqual([item.label]);
    expect((await myEngagements(otherAuditor))[0]!.files).toEqual([]);

    // The team sees every auditor action in the engagement's window, newest first.
    const activity = await listAuditorActivity(lead, e.reference);
    expect(activity.rows.map((r) => [r.action, r.outcome])).toEqual([
      ["authorization.denied", "denied"],
      ["evidence.downloaded", "success"],
      ["authorization.denied", "denied"],
    ]);
    expect(activity.rows[1]!.target).toBe(`evidence ${item.label}`);
    expect((await refusal(listAuditorActivity(responder, e.reference))).code).toBe("FORBIDDEN");
  });

  it("refuses a revoked grant, a grant of an ended engagement, and one that has not started", async () => {
    const item = await evidence("revoked.log", Buffer.from("x\n".repeat(10)));
    const e = await engagement([auditor.userId]);
    const { id: grantId } = await grantEvidenceDownload(lead, { engagementId: e.id, evidenceId: item.id });
    expect((await evidenceAuditorAccess(lead, item.id))?.grants.map((g) => g.id)).toEqual([grantId]);
    await revokeEvidenceGrant(lead, { grantId: grantId });
    expect((await refusal(downloadEvidenceFile(auditor, item.label))).code).toBe("FORBIDDEN");
    expect((await refusal(revokeEvidenceGrant(lead, { grantId: grantId }))).code).toBe("INVALID_STATE");
    expect((await evidenceAuditorAccess(lead, item.id))?.grants).toEqual([]);

    // Granted again: works again on the same grant.
    expect((await grantEvidenceDownload(lead, { engagementId: e.id, evidenceId: item.id })).id).toBe(grantId);
    await readAll((await downloadEvidenceFile(auditor, item.label)).body);
    expect((await refusal(grantEvidenceDownload(lead, { engagementId: e.id, evidenceId: item.id }))).code).toBe("CONFLICT");

    const planned = await engagement([otherAuditor.userId], { startsAt: day(2) });
    await grantEvidenceDownload(lead, { engagementId: planned.id, evidenceId: item.id });
    expect((await refusal(downloadEvidenceFile(otherAuditor, item.label))).code).toBe("FORBIDDEN");

    const ending = await engagement([otherAuditor.userId]);
    await grantEvidenceDownload(lead, { engagementId: ending.id, evidenceId: item.id });
    await readAll((await downloadEvidenceFile(otherAuditor, item.label)).body);
    await endEngagementNow(lead, ending.reference);
    expect((await refusal(downloadEvidenceFile(otherAuditor, item.label))).code).toBe("FORBIDDEN");
    expect((await refusal(grantEvidenceDownload(lead, { engagementId: ending.id, evidenceId: item.id }))).fieldErrors?.engagementId).toMatch(/ended/);
  });

  it("lets only people with compliance.manage grant and revoke, and logs the refusals", async () => {
    const item = await evidence("perm.log", Buffer.from("y\n"));
    const e = await engagement([auditor.userId]);
    for (const actor of [responder, auditor]) {
      expect((await refusal(grantEvidenceDownload(actor, { engagementId: e.id, evidenceId: item.id }))).code).toBe("FORBIDDEN");
      const denial = await db().auditEvent.findFirstOrThrow({ where: { actorId: actor.userId, outcome: "denied", targetId: item.id }, orderBy: { sequence: "desc" } });
      expect(denial.details).toMatchObject({ permission: "compliance.manage" });
    }
    const { id } = await grantEvidenceDownload(lead, { engagementId: e.id, evidenceId: item.id });
    expect((await refusal(revokeEvidenceGrant(responder, { grantId: id }))).code).toBe("FORBIDDEN");
    expect(await evidenceAuditorAccess(responder, item.id)).toBeNull();
    expect((await db().evidenceGrant.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    await revokeEvidenceGrant(lead, { grantId: id });
    expect((await db().evidenceGrant.findUniqueOrThrow({ where: { id } })).revokedById).toBe(lead.userId);
  });

  it("keeps the existing rule for everyone else: a lead downloads without a grant, a responder off the incident does not", async () => {
    const item = await evidence("rule.log", Buffer.from("z\n"));
    await readAll((await downloadEvidenceFile(lead, item.label)).body);
    expect((await refusal(downloadEvidenceFile(responder, item.label))).code).toBe("FORBIDDEN");
  });
});
