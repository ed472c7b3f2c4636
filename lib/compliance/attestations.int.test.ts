import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "@/lib/auth/totp";
import { withRequestContext } from "@/lib/audit-log/request-scope";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { runReminders } from "@/lib/reminders/run-reminders";
import { fixedClock, setClock } from "@/lib/clock";
import { makeSignedUpUser, type TSignedUpUser } from "@/test/support/signed-up-user";
import { attestControl } from "./attest-control";
import { getComplianceMap } from "./get-compliance-map";
import { getControlAttestations } from "./get-control-attestations";

// Issue 15, item 4: the map never says "met" without records or a signed attestation behind it.

const START = new Date("2026-12-01T10:00:00.000Z");
// One clock for the whole file, only ever moved forward: each code is accepted once per 30-second step.
const clock = fixedClock(START);
const clockOf = () => clock;
let restore = () => {};
beforeAll(() => {
  restore = setClock(clock);
});
afterAll(() => restore());
const STATEMENT = "No legal-process request for Amazon data reached us: checked the legal inbox and the register.";
const RECORD_BASED = ["GS-4c", "GS-4d", "GS-4e", "GS-4f", "GS-4g", "PII-5c"];

let lead: TSignedUpUser;
let auditor: TSignedUpUser;

/** A fresh code for the next 30-second step (each code is accepted once). */
function code(u: TSignedUpUser): string {
  clockOf().advance(31_000);
  return totpCode(u.secret, clockOf().now());
}
const sign = (u: TSignedUpUser, input: Record<string, unknown>) => withRequestContext({ ip: u.ip, requestId: "req_att" }, () => attestControl(u.actor, { currentPassword: u.password, code: code(u), ...input }));
const status = async (controlId: string) => (await getComplianceMap(lead.actor)).results.find((r) => r.control.id === controlId)!;

describe("the compliance map on a fresh install", () => {
  beforeAll(async () => {
    lead = await makeSignedUpUser(["security_lead"]);
    await db().user.update({ where: { id: lead.id }, data: { displayName: "Dana Fischer" } });
    auditor = await makeSignedUpUser(["auditor"], { accessEndsAt: new Date("2027-01-30T00:00:00Z") });
  });

  it("shows no record-based control as met: each has no evidence yet (or not met when its rules do not run)", async () => {
    const map = await getComplianceMap(lead.actor);
    for (const id of RECORD_BASED) expect(map.results.find((r) => r.control.id === id)!.status, id).not.toBe("met");
    for (const id of ["GS-4c", "GS-4d", "GS-4e", "GS-4f", "GS-4g"]) expect(map.results.find((r) => r.control.id === id)!.status, id).toBe("no_evidence");
    // Clauses on every system, computed from the access records (Vigil is one system among them): nothing met yet.
    for (const id of ["GS-2a", "GS-2b", "GS-2d", "R25-3", "R25-4"]) expect(map.results.find((r) => r.control.id === id)!.status, id).not.toBe("met");
    expect(map.results.find((r) => r.control.id === "PII-4")!.status).toBe("not_tracked");
  });
});

describe("signing an attestation", () => {
  it("refuses a statement of 49 characters and accepts one of 50", async () => {
    await expect(sign(lead, { controlId: "A-2", status: "met", statement: "x".repeat(49), nextDueAt: "2027-06-01" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { statement: expect.stringMatching(/at least 50 characters/) },
    });
    await expect(sign(lead, { controlId: "A-2", status: "met", statement: "x".repeat(50), nextDueAt: "2027-06-01" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("refuses a renewal date beyond 12 months, or not after today", async () => {
    await expect(sign(lead, { controlId: "A-2", status: "met", statement: STATEMENT, nextDueAt: "2027-12-02" })).rejects.toMatchObject({
      fieldErrors: { nextDueAt: expect.stringMatching(/at most 12 months away \(2027-12-01 at the latest\)/) },
    });
    await expect(sign(lead, { controlId: "A-2", status: "met", statement: STATEMENT, nextDueAt: "2026-12-01" })).rejects.toMatchObject({ fieldErrors: { nextDueAt: expect.stringMatching(/after today/) } });
  });

  it("refuses a wrong password, writes nothing and audit-logs the failed re-check", async () => {
    const before = await db().controlAttestation.count();
    await expect(sign(lead, { controlId: "A-1", status: "met", statement: STATEMENT, nextDueAt: "2027-06-01", currentPassword: "not my password at all" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.stringMatching(/password or code/),
    });
    expect(await db().controlAttestation.count()).toBe(before);
    const failed = await db().auditEvent.findFirstOrThrow({ where: { action: "auth.reauthentication.failed", actorId: lead.id }, orderBy: { sequence: "desc" } });
    expect(failed.details).toMatchObject({ reason: "password", operation: "attest-control" });
    await db().user.update({ where: { id: lead.id }, data: { failedSignIns: 0, firstFailedAt: null } });
  });

  it("signs with the right password and code: met with the signer's name, audit-logged with ids and never the statement", async () => {
    const type = await db().incidentType.findFirstOrThrow();
    const incidentId = newId("inc");
    await db().incident.create({
      data: { id: incidentId, reference: "INC-2026-0777", title: "TLS review", summary: "TLS review", typeId: type.id, severity: "SEV4", detectedAt: START, amazonInfoInvolved: false, amazonInfoAnswer: "no", reportedById: lead.id, createdById: lead.id, memberIds: [lead.id] },
    });
    const evidenceId = newId("evd");
    await db().evidenceItem.create({
      data: { id: evidenceId, label: "EVD-2026-0777", incidentId, kind: "physical", description: "Signed TLS report", collectedById: lead.id, collectedAt: START, collectionMethod: "Handed over", custodianId: lead.id, storageLocation: "Safe" },
    });
    const { id } = await sign(lead, { controlId: "A-2", status: "met", statement: STATEMENT, evidenceReference: "evd-2026-0777", nextDueAt: "2027-06-01" });
    const stored = await db().controlAttestation.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ kind: "status", status: "met", evidenceId, attestedById: lead.id, signedAt: expect.any(Date) });
    const r25 = await status("A-2");
    expect(r25).toMatchObject({ status: "met", summary: expect.stringContaining("attested by Dana Fischer"), attestation: { evidenceReference: "EVD-2026-0777" } });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "compliance.attestation-signed", targetId: "A-2" }, orderBy: { sequence: "desc" } });
    expect(event.details).toMatchObject({ attestationId: id, controlId: "A-2", kind: "status", evidenceId });
    expect(JSON.stringify(event.details)).not.toContain("legal inbox");
    await expect(sign(lead, { controlId: "A-2", status: "met", statement: STATEMENT, evidenceReference: "EVD-2026-9999", nextDueAt: "2027-06-01" })).rejects.toMatchObject({
      fieldErrors: { evidenceReference: expect.stringMatching(/No evidence item EVD-2026-9999/) },
    });
  });

  it("lets a security lead attest that none occurred for an empty period, and refuses it once records exist", async () => {
    expect((await status("GS-4g")).status).toBe("no_evidence");
    await sign(lead, { controlId: "GS-4g", statement: STATEMENT, nextDueAt: "2027-06-01" });
    const gs4g = await status("GS-4g");
    expect(gs4g).toMatchObject({ status: "met", attestable: "none_occurred", attestation: { signedBy: "Dana Fischer" } });
    expect(gs4g.summary).toMatch(/None occurred .* attested by Dana Fischer/);

    await db().legalRequest.create({
      data: { id: newId("lpr"), reference: "LPR-2026-0777", receivedAt: new Date(START.getTime() - 3600_000), requestingParty: "Court", dataSought: "Orders", notificationDueAt: new Date(START.getTime() + 23 * 3600_000), createdById: lead.id },
    });
    await expect(sign(lead, { controlId: "GS-4g", statement: STATEMENT, nextDueAt: "2027-06-01" })).rejects.toMatchObject({ fieldErrors: { statement: expect.stringMatching(/holds records for GS-4g/) } });
  });

  it("shows an attestation made under the old rules as not attested, needing re-signing, and keeps it", async () => {
    const id = newId("att");
    await db().controlAttestation.create({
      data: { id, controlId: "R25-11", policyVersion: "2025", status: "met", statement: "Looks fine", attestedById: lead.id, attestedAt: new Date("2026-06-01T00:00:00Z"), nextDueAt: new Date("2029-01-01T00:00:00Z") },
    });
    const r = await status("R25-11");
    expect(r).toMatchObject({ status: "not_attested", attestation: { needsResigning: expect.stringMatching(/not signed/) } });
    expect(r.summary).toMatch(/needs re-signing/);
    const page = await getControlAttestations(lead.actor, "R25-11");
    expect(page.history.map((h) => h.id)).toEqual([id]);
    expect(page.canAttest).toBe(true);
  });

  it("lets auditors read the attestations but not sign: denied and logged", async () => {
    expect((await getControlAttestations(auditor.actor, "A-2")).canAttest).toBe(false);
    await expect(sign(auditor, { controlId: "A-2", status: "met", statement: STATEMENT, nextDueAt: "2027-06-01" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditEvent.count({ where: { action: "authorization.denied", actorId: auditor.id, targetId: "A-2" } })).toBe(1);
  });

  it("reminds 30 and 7 days before the renewal day and once lapsed; the lapsed attestation is not met", async () => {
    const { id } = await sign(lead, { controlId: "A-1", status: "met", statement: STATEMENT, nextDueAt: "2027-01-20" });
    const keys = async (at: string) => {
      clockOf().set(at);
      await runReminders(new Date(at));
      return (await db().sentReminder.findMany({ where: { key: { startsWith: `compliance.attestation-due:${id}:` } }, orderBy: { key: "asc" } })).map((r) => r.key.split(":").slice(-1)[0]);
    };
    expect(await keys("2026-12-19T09:00:00Z")).toEqual([]);
    expect(await keys("2026-12-21T09:00:00Z")).toEqual(["30d"]);
    expect((await status("A-1")).status).toBe("attention");
    expect(await keys("2027-01-14T09:00:00Z")).toEqual(["30d", "7d"]);
    expect(await keys("2027-01-21T09:00:00Z")).toEqual(["30d", "7d", "lapsed"]);
    expect((await status("A-1")).status).toBe("not_met");
  });
});
