import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { signAuditCheckpoint } from "@/lib/audit-log/sign-audit-checkpoint";
import type { TVerificationReport } from "@/lib/audit-log/verification-report";
import { db } from "@/lib/db/client";
import { createDigitalEvidence, createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { getEvidence } from "@/lib/evidence/get-evidence";
import { custodyEntryHash } from "@/lib/evidence/custody-chain";
import type { TCustodyAction } from "@/lib/evidence/types";
import { parse } from "csv-parse/sync";
import { createEngagement } from "@/lib/engagements";
import { changeFindingDueDate, closeFinding, recordFinding } from "@/lib/findings";
import { createIncident } from "@/lib/incidents/create-incident";
import { recordThirdPartyNotification } from "@/lib/incidents/record-third-party-notification";
import { createLegalRequest, recordLegalRequestNotice } from "@/lib/legal-requests";
import { checkSha256Sums } from "@/test/support/sha256sums";
import { readZip } from "@/test/support/zip";
import type { TAuditPackManifest } from "./audit-pack";
import { NOTICE_COLUMNS } from "@/lib/notices/notices-csv";
import { INCIDENT_COLUMNS } from "./audit-pack-incidents";
import { issueCertificate } from "./issue-certificate";

// The route handler is exercised as the browser reaches it; only the session lookup is replaced.
let signedIn: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => signedIn }));
const { GET } = await import("@/app/api/compliance/audit-pack/route");

const run = randomBytes(3).toString("hex");
const PII = [`Jane Roe-${run}`, `jane.roe.${run}@example.com`, `+44 7700 900${run.slice(0, 3)}`];
// A third party notified, by name: a personal-data field, never in the pack.
const RECIPIENT = `Rita Recipient-${run}`;
// People's emails in free text: hidden in the pack, the rest of the text kept.
const FREE_TEXT_EMAIL = `reporter.${run}@example.org`;
const COUNSEL_EMAIL = `counsel.${run}@example.org`;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

async function user(key: string, roles: Role[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_pack_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

async function download(actor: Actor | null): Promise<Response> {
  signedIn = actor;
  return GET(new Request("http://localhost/api/compliance/audit-pack", { headers: { "user-agent": "vitest" } }));
}

async function pack(actor: Actor): Promise<Map<string, Buffer>> {
  const response = await download(actor);
  expect(response.status).toBe(200);
  return readZip(Buffer.from(await response.arrayBuffer()));
}

/** The text a pdfkit PDF shows: its streams inflated, the hex strings of its text operators decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      parts.push(raw.slice(start, end));
    }
  }
  return parts
    .join("\n")
    .split(/\n/)
    .map((line) => [...line.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => Buffer.from(m[1]!, "hex").toString("latin1")).join(""))
    .join("\n");
}

let lead: Actor & { kind: "user" };
let auditor: Actor & { kind: "user" };
let responder: Actor & { kind: "user" };
let piiReference: string;
let legalReference: string;
let findingReference: string;
let certificateReference: string;
let certificateSha256: string;
const labels: string[] = [];

describe("audit pack", () => {
  beforeAll(async () => {
    lead = await user("lead", ["security_lead"]);
    auditor = await user("aud", ["auditor"]);
    responder = await user("resp", ["responder"]);
    const type = await db().incidentType.findFirstOrThrow();
    const incident = (title: string, pii: string) =>
      createIncident(lead, {
        title,
        summary: `Summary of ${title}, first reported by ${FREE_TEXT_EMAIL} to the service desk.`,
        typeId: type.id,
        severity: "SEV2",
        detectedAt: "",
        amazonInfoAnswer: "yes",
        piiInvolved: pii ? "on" : "",
        affectedSystems: "",
        affectedDataCategories: "",
        piiDetails: pii,
        teamIds: [],
      } as never);
    piiReference = (await incident("Customer export mailed to the wrong address", `${PII[0]}, ${PII[1]}, ${PII[2]}`)).reference;
    await incident("Phishing mail to a support agent", "");
    const physical = await createPhysicalEvidence(lead, piiReference, {
      description: "Returned envelope with the printed export",
      collectedAt: new Date(Date.now() - 3600_000).toISOString(),
      collectionMethod: "Handed over by the post room",
      storageLocation: "Safe 2, London office",
    });
    async function* bytes(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("Nov 29 00:00:01 mail-gw postfix: delivered to the wrong address\n".repeat(50));
    }
    const digital = await createDigitalEvidence(
      lead,
      piiReference,
      { description: "Mail gateway log", collectedAt: new Date(Date.now() - 1800_000).toISOString(), collectionMethod: "Exported from the gateway", storageLocation: "Vigil evidence store", legalHold: false, fileName: "mail.log" },
      bytes(),
    );
    labels.push(physical.label, digital.label);
    await recordThirdPartyNotification(lead, piiReference, {
      recipientKind: "customer",
      recipientName: RECIPIENT,
      notifiedAt: new Date(Date.now() - 600_000).toISOString().slice(0, 16),
      timeZone: "UTC",
      basis: "legal_obligation",
      legalObligation: "GDPR Art. 34 notification to the data subject",
      summary: "Told the customer which order details were in the export.",
    } as never);

    // The auditor is one of an engagement's auditors, as when Amazon's auditors come in.
    await createEngagement(lead, { name: "DPP audit", auditFirm: "Example Assurance LLP", scope: "Incident response and audit logging.", startsAt: day(0), endsAt: day(30), auditorIds: [auditor.userId] });
    legalReference = (await createLegalRequest(lead, { receivedAt: new Date(Date.now() - 7200_000).toISOString().slice(0, 16), timeZone: "UTC", requestingParty: "District Court of Example", dataSought: "Orders of one buyer account" })).reference;
    await recordLegalRequestNotice(lead, legalReference, {
      sentAt: new Date(Date.now() - 3600_000).toISOString().slice(0, 16),
      timeZone: "UTC",
      channel: "email",
      toAddress: "security@amazon.com",
      sender: `General counsel (${COUNSEL_EMAIL})`,
      subject: "Legal process request",
      body: `We inform you of a legal process request. Contact ${COUNSEL_EMAIL}.`,
    });
    const finding = await recordFinding(lead, { controlId: "PII-5b", title: "Log retention below twelve months", description: "VPN logs kept for 30 days only.", severity: "high", ownerId: lead.userId, dueDate: day(20) });
    findingReference = finding.reference;
    await changeFindingDueDate(lead, finding.reference, { dueDate: day(40), reason: "Vendor patch ships next month (ticket SEC-412)." });
    await closeFinding(lead, finding.reference, { closureNote: "Retention raised to 400 days on the VPN concentrator.", closureEvidence: "Change CHG-2291" });
    const certificate = await issueCertificate(lead, { asOf: day(0), organisation: "Example Fulfilment Ltd", officerName: "Dana Fischer", officerTitle: "CISO", requestedBy: "Amazon letter DPP-AUD-2026-117" });
    certificateReference = certificate.reference;
    certificateSha256 = certificate.pdfSha256;

    // A notice to Amazon the mail server accepted, with its proof.
    const noticed = await db().incident.findUniqueOrThrow({ where: { reference: piiReference } });
    await db().amazonNotice.create({
      data: {
        id: `ntc_pack_${run}`,
        incidentId: noticed.id,
        status: "notified",
        channel: "vigil_mail",
        toAddress: "security@amazon.com",
        subject: "Security incident notice",
        body: "We are notifying you of a security incident involving Amazon Information.",
        sentAt: new Date(Date.now() - 60_000),
        sender: "Person lead",
        dueAt: noticed.notificationDueAt!,
        onTime: true,
        recordedById: lead.userId,
        acceptedAt: new Date(Date.now() - 59_000),
        serverResponse: "250 2.0.0 Ok: queued as 4F2A",
        messageId: "<pack-proof@vigil.test>",
      },
    });
    await signAuditCheckpoint(lead);
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("gives an auditor every record in one ZIP whose manifest and SHA256SUMS match the files", async () => {
    const response = await download(auditor);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/filename="vigil-audit-pack-\d{4}-\d{2}-\d{2}\.zip"/);
    const entries = await readZip(Buffer.from(await response.arrayBuffer()));

    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as TAuditPackManifest;
    const [firstLabel, lastLabel] = [...labels].sort();
    const custody = ["custody/items.csv", "custody/ledger.csv", `custody/${firstLabel}_to_${lastLabel}.pdf`];
    expect(manifest.files.map((f) => f.path)).toEqual([
      "README.txt",
      "compliance-map.pdf",
      "compliance-map.csv",
      "incidents.csv",
      "amazon-notices.csv",
      ...custody,
      "policies/change-register.csv",
      "policies/reviews.csv",
      "policies/control-activities.csv",
      "policies/acknowledgements.csv",
      "access/people.csv",
      "access/systems.csv",
      "access/accounts.csv",
      "access/credentials.csv",
      "legal-requests.csv",
      "findings.csv",
      "findings-history.csv",
      "certificates.csv",
      `certificates/${certificateReference}.pdf`,
      "asset-inventory.csv",
      "records-of-processing.csv",
      "retention-rules.csv",
      "purge-attestations.csv",
      "audit-log-verification.json",
      "audit-log-verification.pdf",
    ]);
    expect([...entries.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), "manifest.json", "SHA256SUMS"].sort());
    for (const file of manifest.files) {
      expect(sha(entries.get(file.path)!), file.path).toBe(file.sha256);
      expect(entries.get(file.path)!.length, file.path).toBe(file.size);
    }
    const sums = entries.get("SHA256SUMS")!.toString("utf8").trimEnd().split("\n");
    expect(sums).toHaveLength(manifest.files.length + 1);
    for (const line of sums) {
      const [, hash, path] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!;
      expect(sha(entries.get(path!)!), path).toBe(hash);
    }
    expect(sums.at(-1)).toMatch(/ {2}manifest\.json$/);

    const incidentCount = await db().incident.count();
    expect(manifest).toMatchObject({
      kind: "vigil-audit-pack",
      generatedBy: auditor.userId,
      policyVersion: expect.stringMatching(/^20(21|25)$/),
      counts: { incidents: incidentCount, evidenceItems: 2, checkpoints: 1, controls: expect.any(Number), legalRequests: 1, findings: 1, certificates: 1 },
      auditLog: { intact: true },
    });

    // The notices to Amazon with their proof of delivery.
    const notices = entries.get("amazon-notices.csv")!.toString("utf8").trimEnd().split("\r\n");
    expect(notices[0]).toBe(NOTICE_COLUMNS.join(","));
    expect(notices.find((l) => l.includes(`ntc_pack_${run}`))).toMatch(
      new RegExp(`^Incident,${piiReference},ntc_pack_${run},Vigil mail,Notified,[^,]+,[^,]+,[^,]+,250 2.0.0 Ok: queued as 4F2A,<pack-proof@vigil.test>,,yes,`),
    );
    expect(manifest.counts.amazonNotices).toBe(await db().amazonNotice.count());

    const csv = entries.get("incidents.csv")!.toString("utf8").trimEnd().split("\r\n");
    expect(csv[0]).toBe(INCIDENT_COLUMNS.join(","));
    expect(csv).toHaveLength(incidentCount + 1);
    expect(csv.find((l) => l.startsWith(`${piiReference},`))).toMatch(/^[^,]+,Customer export mailed to the wrong address,[^,]+,SEV2,Detected,.*,yes,yes,/);

    const verification = JSON.parse(entries.get("audit-log-verification.json")!.toString("utf8")) as TVerificationReport;
    expect(verification).toMatchObject({ intact: true, break: null, checkpointProblems: [] });
    expect(verification.summary).toMatch(/^intact: \d+ events/);
    expect(verification.checkpoints).toEqual([
      expect.objectContaining({ sequence: expect.stringMatching(/^\d+$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: expect.any(String), signature: expect.any(String), signedAt: expect.any(String) }),
    ]);
    const verificationPdf = pdfText(entries.get("audit-log-verification.pdf")!);
    expect(verificationPdf.includes("INTACT")).toBe(true);
    expect(verificationPdf.includes(verification.checkpoints[0]!.hash.slice(0, 20))).toBe(true);

    // The custody section: every item with its ledger verified when the pack was made, every
    // entry with every field its hash covers (each hash recomputes from the CSV alone), and the
    // ledgers as a readable PDF. The pack adds no custody entry to the item (its one audit event
    // records the export, with the number of items).
    const items = parse(entries.get("custody/items.csv")!.toString("utf8"), { columns: true }) as Record<string, string>[];
    expect(items.map((i) => i.Label)).toEqual([firstLabel, lastLabel]);
    for (const item of items) expect(item["Custody ledger, verified when the pack was made"]).toMatch(/^intact \(\d+ entries\)$/);
    const ledgerRows = parse(entries.get("custody/ledger.csv")!.toString("utf8"), { columns: true }) as Record<string, string>[];
    const stored = await db().custodyEntry.count({ where: { evidence: { label: { in: labels } } } });
    expect(ledgerRows).toHaveLength(stored);
    for (const row of ledgerRows) {
      const fields = {
        evidenceId: row["Evidence id"]!,
        sequence: Number(row.Sequence),
        action: row.Action as TCustodyAction,
        occurredAt: new Date(row["Occurred at (UTC)"]!),
        actorId: row["Actor id"]!,
        actorTimeZone: row["Actor time zone"]!,
        location: row.Location || null,
        purpose: row.Purpose || null,
        fromCustodianId: row["From custodian id"] || null,
        toCustodianId: row["To custodian id"] || null,
        sha256: row["File SHA-256"] || null,
        details: JSON.parse(row["Details (canonical JSON)"]!) as Record<string, unknown>,
      };
      expect(custodyEntryHash(row["Previous hash"]!, fields), `${row["Evidence label"]} #${row.Sequence}`).toBe(row["Entry hash"]);
    }
    const custodyPdf = pdfText(entries.get(`custody/${firstLabel}_to_${lastLabel}.pdf`)!);
    expect(custodyPdf.includes(piiReference)).toBe(true);
    expect(custodyPdf.includes(labels[0]!)).toBe(true);
    const ledger = await getEvidence(lead, labels[0]!, { recordView: false });
    expect(ledger.ledger.some((e) => e.action === "exported")).toBe(false);
  });

  it("holds the legal-process requests with their notices, the findings with their history and the certificates as issued", async () => {
    const entries = await pack(auditor);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as TAuditPackManifest;
    const hashOf = (path: string) => manifest.files.find((f) => f.path === path)?.sha256;
    const lines = (path: string) => entries.get(path)!.toString("utf8").trimEnd().split("\r\n");

    const requests = lines("legal-requests.csv");
    expect(requests[0]).toBe("Reference,Received (UTC),Requesting party,Data sought,Description,Amazon notice due (UTC),Amazon notified at (UTC),Notified on time,Amazon clock,Notices recorded,Closed at (UTC)");
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatch(new RegExp(`^${legalReference},.*,District Court of Example,Orders of one buyer account,.*,Yes,Notified on time,1,$`));
    const notices = entries.get("amazon-notices.csv")!.toString("utf8");
    expect(notices).toContain(`${legalReference},`);
    expect(notices).toContain("We inform you of a legal process request.");
    // The notice's copy, with the sender's email hidden as on the request's page for an auditor.
    expect(notices).not.toContain(COUNSEL_EMAIL);
    expect(notices).toContain("[email address hidden]");

    const findings = lines("findings.csv");
    expect(findings).toHaveLength(2);
    expect(findings[1]).toMatch(new RegExp(`^${findingReference},PII-5b,,Log retention below twelve months,VPN logs kept for 30 days only\\.,High,Person lead,\\d{4}-\\d{2}-\\d{2},Closed,`));
    expect(findings[1]).toContain("Retention raised to 400 days on the VPN concentrator.");
    const history = lines("findings-history.csv");
    expect(history[0]).toBe("Finding,Audit event,When (UTC),Who,What,Notes");
    expect(history.slice(1).map((l) => l.split(",")[0])).toEqual([findingReference, findingReference, findingReference]);
    expect(history[2]).toContain("Due date moved later");
    expect(history[2]).toContain("Reason: Vendor patch ships next month (ticket SEC-412).");
    expect(history[3]).toMatch(/,Person lead,Closed\.,/);

    const certificates = lines("certificates.csv");
    expect(certificates).toHaveLength(2);
    expect(certificates[1]).toContain(`${certificateReference},`);
    expect(certificates[1]).toContain(`certificates/${certificateReference}.pdf,${certificateSha256}`);
    // The PDF exactly as issued: its hash in the manifest is the one recorded at issue.
    const pdf = entries.get(`certificates/${certificateReference}.pdf`)!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(sha(pdf)).toBe(certificateSha256);
    expect(hashOf(`certificates/${certificateReference}.pdf`)).toBe(certificateSha256);
    for (const path of ["legal-requests.csv", "amazon-notices.csv", "findings.csv", "findings-history.csv", "certificates.csv"]) expect(hashOf(path), path).toBe(sha(entries.get(path)!));
    // The asset inventory's registers, each with its SHA-256 in the manifest.
    expect(lines("asset-inventory.csv")[0]).toMatch(/^Reference,Kind,Name,Owner,Location or region,Amazon Information,Personal data,/);
    expect(lines("records-of-processing.csv")[0]).toBe("Reference,Field,Source,Collected,Processed,Stored in,Used for,Shared with,Disposed of,Retention rule");
    expect(lines("retention-rules.csv")[0]).toMatch(/^Reference,Data store,Data,Kept \(days\),/);
    expect(lines("purge-attestations.csv")[0]).toBe("Rule,Data store,Purged on,Records purged,How,Attested by,Attested at");
    for (const path of ["asset-inventory.csv", "records-of-processing.csv", "retention-rules.csv", "purge-attestations.csv"]) expect(hashOf(path), path).toBe(sha(entries.get(path)!));
    const sums = entries.get("SHA256SUMS")!.toString("utf8");
    expect(sums).toContain(`${certificateSha256}  certificates/${certificateReference}.pdf\n`);
    // Unpacked, `sha256sum -c SHA256SUMS` passes for every file, the new ones included.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pack-"));
    for (const [name, content] of entries) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    const checked = checkSha256Sums(dir);
    expect(checked).toContain(`certificates/${certificateReference}.pdf: OK`);
    expect(checked).toContain("findings-history.csv: OK");
    expect(checked.every((line) => line.endsWith(": OK"))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("carries none of the personal-data fields, not even for a security lead, and hides people's emails in free text", async () => {
    const entries = await pack(lead);
    for (const [path, content] of entries) {
      const text = path.endsWith(".pdf") ? pdfText(content) : content.toString("utf8");
      for (const needle of [...PII, RECIPIENT, FREE_TEXT_EMAIL, COUNSEL_EMAIL]) expect(text.includes(needle), `${needle} in ${path}`).toBe(false);
    }
    // The incident's free text is there, as the auditor reads it on the incident's page.
    const incidents = entries.get("incidents.csv")!.toString("utf8");
    expect(incidents).toContain("Summary of Customer export mailed to the wrong address, first reported by [email address hidden] to the service desk.");
    // The search can fail: the same decoding finds what is there.
    expect(pdfText(entries.get("compliance-map.pdf")!).includes("Data Protection Policy: compliance map")).toBe(true);
  });

  it("records the export in the audit log with its counts, by user id only", async () => {
    const events = await db().auditEvent.findMany({ where: { action: "compliance.audit-pack.exported" }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.actorId)).toEqual([auditor.userId, auditor.userId, lead.userId]);
    expect(events[0]).toMatchObject({ outcome: "success", targetType: "audit-pack" });
    expect(events[0]!.details).toMatchObject({ incidents: await db().incident.count(), evidenceItems: 2, checkpoints: 1, legalRequests: 1, findings: 1, certificates: 1 });
    expect(JSON.stringify(events[0]!.details)).not.toMatch(/Person|@/);
  });

  it("refuses a responder with 403 and logs the refusal; refuses anyone signed out with 401", async () => {
    const response = await download(responder);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "You do not have permission to do this." });
    const denied = await db().auditEvent.findMany({ where: { actorId: responder.userId, action: "authorization.denied" } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: "denied", targetType: "audit-pack", details: { permission: "compliance.export" } });
    expect(await db().auditEvent.count({ where: { actorId: responder.userId, action: "compliance.audit-pack.exported" } })).toBe(0);
    expect((await download(null)).status).toBe(401);
  });

  it("stops quietly when the download is given up half-way, and holds nothing that blocks the next one", async () => {
    const errors = vi.spyOn(console, "error");
    const response = await download(auditor);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    const entries = await pack(auditor);
    expect(entries.has("SHA256SUMS")).toBe(true);
  });

  it("reports a broken audit chain as broken, in the JSON, the PDF and the manifest", async () => {
    const edited = await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      return tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'edited.afterwards' WHERE "sequence" = 3`);
    });
    expect(edited).toBe(1);
    const entries = await pack(auditor);
    const verification = JSON.parse(entries.get("audit-log-verification.json")!.toString("utf8")) as TVerificationReport;
    expect(verification).toMatchObject({ intact: false, break: { sequence: "3", kind: "edited" } });
    expect(verification.summary).toMatch(/^broken at sequence 3 \(edited\)/);
    expect(pdfText(entries.get("audit-log-verification.pdf")!).includes("BROKEN")).toBe(true);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as TAuditPackManifest;
    expect(manifest.auditLog).toMatchObject({ intact: false, summary: verification.summary });
    for (const file of manifest.files) expect(sha(entries.get(file.path)!), file.path).toBe(file.sha256);
  });
});
