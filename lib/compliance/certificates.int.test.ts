import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { pdfText } from "@/test/support/pdf-text";
import { downloadCertificate } from "./download-certificate";
import { issueCertificate } from "./issue-certificate";
import { certificateFormDefaults, listCertificates } from "./list-certificates";
import type { TCertificateStatement } from "./certificate-statement";
import { controlsFor } from "./catalog";
import { getComplianceMap } from "./get-compliance-map";

const run = randomBytes(3).toString("hex");
type TUserActor = Actor & { kind: "user" };

async function user(key: string, roles: Role[]): Promise<TUserActor> {
  const id = `usr_ce_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

const today = () => new Date().toISOString().slice(0, 10);
const request = (overrides: Record<string, unknown> = {}) => ({
  asOf: today(),
  organisation: "Example Fulfilment Ltd",
  officerName: "Dana Fischer",
  officerTitle: "Chief Information Security Officer",
  requestedBy: "Amazon letter DPP-AUD-2026-117 of 20 November 2026",
  ...overrides,
});

let lead: TUserActor;
let auditor: TUserActor;
let responder: TUserActor;
let privacy: TUserActor;

describe("compliance certificates", () => {
  beforeAll(async () => {
    lead = await user("lead", ["security_lead"]);
    auditor = await user("aud", ["auditor"]);
    responder = await user("resp", ["responder"]);
    privacy = await user("priv", ["privacy_officer"]);
    // An incident notified to Amazon 6 hours late: GS-4e is not met.
    const type = await db().incidentType.findFirstOrThrow();
    const detectedAt = new Date(Date.now() - 60 * 3600_000);
    await db().incident.create({
      data: {
        id: `inc_ce_${run}`,
        reference: `INC-CE-${run}`,
        title: "Late notice",
        summary: "Late notice",
        typeId: type.id,
        severity: "SEV2",
        detectedAt,
        notificationDueAt: new Date(detectedAt.getTime() + 24 * 3600_000),
        amazonInfoAnswer: "yes",
        amazonInfoInvolved: true,
        amazonNotifiedAt: new Date(detectedAt.getTime() + 30 * 3600_000),
        amazonNoticeOnTime: false,
        reportedById: lead.userId,
        createdById: lead.userId,
        memberIds: [lead.userId],
      },
    });
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("issues a certificate: every control with its computed status, the PDF and its SHA-256 stored, audit-logged", async () => {
    const issued = await issueCertificate(lead, request());
    expect(issued.reference).toMatch(/^CERT-\d{4}-\d{4}$/);
    const stored = await db().complianceCertificate.findUniqueOrThrow({ where: { id: issued.id } });
    const bytes = Buffer.from(stored.pdf);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(stored.pdfSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stored.pdfSha256).toBe(issued.pdfSha256);
    expect(stored).toMatchObject({ officerId: lead.userId, officerName: "Dana Fischer", officerTitle: "Chief Information Security Officer", policyVersion: "2025" });
    expect(stored.asOf.toISOString().slice(0, 10)).toBe(today());

    const statement = stored.statement as unknown as TCertificateStatement;
    expect(statement.controls.map((c) => c.id)).toEqual(controlsFor("2025").map((c) => c.id));
    expect(statement.organisation).toBe("Example Fulfilment Ltd");
    expect(statement.requestedBy).toBe("Amazon letter DPP-AUD-2026-117 of 20 November 2026");

    // The PDF says it in words a reader sees (text extracted by pdf.js, through unpdf).
    if (process.env.CERT_PDF_OUT) fs.writeFileSync(process.env.CERT_PDF_OUT, bytes);
    const words = await pdfText(bytes);
    expect(words).toContain("Certificate of compliance");
    expect(words).toContain(issued.reference);
    expect(words).toContain("Example Fulfilment Ltd");
    expect(words).toContain("Dana Fischer, Chief Information Security Officer");
    expect(words).toMatch(/GS-4e Amazon notified within .*Not met/);
    // A control with no records in its period is listed, and not certified.
    expect(words).toMatch(/GS-4g Legal process disclosed[\s\S]*?Not certified: no evidence yet/);
    expect(words).toMatch(/NOT certified as met: [^.]*GS-4g/);
    expect(words).toContain("Signature");

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "compliance.certificate-issued", targetId: issued.id } });
    expect(event.actorId).toBe(lead.userId);
    expect(event.details).toMatchObject({ reference: issued.reference, pdfSha256: stored.pdfSha256 });
  });

  it("states a not-met control as not met, and certifies as met only what the map computes as met", async () => {
    const { id } = await issueCertificate(lead, request());
    const statement = (await db().complianceCertificate.findUniqueOrThrow({ where: { id } })).statement as unknown as TCertificateStatement;
    const gs4e = statement.controls.find((c) => c.id === "GS-4e")!;
    expect(gs4e).toMatchObject({ status: "not_met", statusText: "Not met" });
    expect(statement.notMet).toContain("GS-4e");
    expect(statement.met).not.toContain("GS-4e");
    // Untracked, unattested and evidence-less controls are never certified as met.
    expect(statement.notMet).toContain("GS-2b");
    expect(statement.controls.find((c) => c.id === "GS-2b")!.statusText).toBe("Not certified: no evidence yet");
    expect(statement.notMet).toContain("PII-4");
    expect(statement.controls.find((c) => c.id === "PII-4")!.statusText).toBe("Not certified: not tracked yet");
    expect(statement.notMet).toContain("A-1");
    expect(statement.controls.find((c) => c.id === "A-1")!.statusText).toBe("Not certified: not attested");
    // The asset inventory's rows with nothing recorded: no evidence yet, not certified.
    expect(statement.controls.find((c) => c.id === "PII-3")).toMatchObject({ status: "no_evidence", statusText: "Not certified: no evidence yet" });
    // No legal-process request in the last 12 months: no evidence yet, not certified.
    expect(statement.controls.find((c) => c.id === "GS-4g")).toMatchObject({ status: "no_evidence", statusText: "Not certified: no evidence yet" });
    expect(statement.notMet).toContain("GS-4g");
    expect(statement.met).not.toContain("GS-4g");
    const map = await getComplianceMap(lead);
    expect(statement.met).toEqual(map.results.filter((r) => r.status === "met").map((r) => r.control.id));
    for (const c of statement.controls) expect(statement.met.includes(c.id)).toBe(c.status === "met");
    expect(statement.declaration).toMatch(/NOT certified as met: .*GS-4e/);
  });

  it("refuses a future as-of date and missing fields", async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await expect(issueCertificate(lead, request({ asOf: tomorrow }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { asOf: expect.stringMatching(/to come/) } });
    await expect(issueCertificate(lead, request({ officerTitle: "", requestedBy: " " }))).rejects.toMatchObject({
      fieldErrors: { officerTitle: expect.any(String), requestedBy: expect.any(String) },
    });
    // An earlier day is fine: Amazon may ask for a certificate as of its audit date.
    await expect(issueCertificate(lead, request({ asOf: "2026-10-31" }))).resolves.toMatchObject({ reference: expect.any(String) });
  });

  it("downloads the stored bytes exactly, audit-logged; unknown references are not found", async () => {
    const issued = await issueCertificate(lead, request());
    const stored = await db().complianceCertificate.findUniqueOrThrow({ where: { id: issued.id } });
    const file = await downloadCertificate(auditor, issued.reference, { requestId: "req-1" });
    expect(file.fileName).toBe(`${issued.reference}.pdf`);
    expect(Buffer.compare(file.body, Buffer.from(stored.pdf))).toBe(0);
    expect(file.sha256).toBe(stored.pdfSha256);
    expect(await db().auditEvent.count({ where: { action: "compliance.certificate.downloaded", targetId: issued.id, actorId: auditor.userId } })).toBe(1);
    await expect(downloadCertificate(lead, "CERT-2026-9999")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists certificates newest first for those who may export; keeps what was issued (append-only)", async () => {
    const list = await listCertificates(auditor);
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect([...list].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))).toEqual(list);
    expect(list[0]).toMatchObject({ officerName: "Dana Fischer", requestedBy: expect.stringContaining("DPP-AUD-2026-117") });
    expect(list[0]!.notMet).toBeGreaterThan(0);
    await expect(db().complianceCertificate.update({ where: { id: list[0]!.id }, data: { officerName: "Someone else" } })).rejects.toThrow();
    await expect(certificateFormDefaults(lead)).resolves.toEqual({ officerName: "Person lead", organisation: "Example Fulfilment Ltd" });
  });

  it("denies: only compliance.manage issues; only compliance.export lists and downloads; denials are logged", async () => {
    const { reference } = await issueCertificate(lead, request());
    for (const actor of [auditor, responder, privacy]) {
      await expect(issueCertificate(actor, request())).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const actor of [responder, privacy]) {
      await expect(downloadCertificate(actor, reference)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listCertificates(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().auditEvent.count({ where: { action: "authorization.denied", actorId: privacy.userId, targetId: reference } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "compliance.certificate.downloaded", actorId: { in: [responder.userId, privacy.userId] } } })).toBe(0);
  });
});
