import { createHash, randomBytes } from "node:crypto";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { signAuditCheckpoint } from "@/lib/audit-log/sign-audit-checkpoint";
import type { TVerificationReport } from "@/lib/audit-log/verification-report";
import { db } from "@/lib/db/client";
import { createDigitalEvidence, createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { getEvidence } from "@/lib/evidence/get-evidence";
import { createIncident } from "@/lib/incidents/create-incident";
import { readZip } from "@/test/support/zip";
import type { TAuditPackManifest } from "./audit-pack";
import { INCIDENT_COLUMNS } from "./audit-pack-incidents";

// The route handler is exercised as the browser reaches it; only the session lookup is replaced.
let signedIn: Actor | null = null;
vi.mock("@/lib/auth/current-actor", () => ({ getActor: async () => signedIn }));
const { GET } = await import("@/app/api/compliance/audit-pack/route");

const run = randomBytes(3).toString("hex");
const PII = [`Jane Roe-${run}`, `jane.roe.${run}@example.com`, `+44 7700 900${run.slice(0, 3)}`];
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
        summary: `Summary of ${title}, naming ${PII[0]} in free text that the pack must not carry.`,
        typeId: type.id,
        severity: "SEV2",
        detectedAt: "",
        amazonInfoInvolved: "on",
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
    const custody = labels.map((l) => `custody/${l}.pdf`).sort();
    expect(manifest.files.map((f) => f.path)).toEqual([
      "README.txt",
      "compliance-map.pdf",
      "compliance-map.csv",
      "incidents.csv",
      ...custody,
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
      counts: { incidents: incidentCount, evidenceItems: 2, checkpoints: 1, controls: expect.any(Number) },
      auditLog: { intact: true },
    });

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

    // The custody report is readable; the pack adds no custody entry to the item (its one audit
    // event records the export, with the number of items).
    expect(pdfText(entries.get(`custody/${labels[0]}.pdf`)!).includes(piiReference)).toBe(true);
    const ledger = await getEvidence(lead, labels[0]!, { recordView: false });
    expect(ledger.ledger.some((e) => e.action === "exported")).toBe(false);
  });

  it("carries no personal data anywhere, not even for a security lead", async () => {
    const entries = await pack(lead);
    for (const [path, content] of entries) {
      const text = path.endsWith(".pdf") ? pdfText(content) : content.toString("utf8");
      for (const needle of PII) expect(text.includes(needle), `${needle} in ${path}`).toBe(false);
    }
    // The search can fail: the same decoding finds what is there.
    expect(pdfText(entries.get("compliance-map.pdf")!).includes("Data Protection Policy: compliance map")).toBe(true);
  });

  it("records the export in the audit log with its counts, by user id only", async () => {
    const events = await db().auditEvent.findMany({ where: { action: "compliance.audit-pack.exported" }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.actorId)).toEqual([auditor.userId, lead.userId]);
    expect(events[0]).toMatchObject({ outcome: "success", targetType: "audit-pack" });
    expect(events[0]!.details).toMatchObject({ incidents: await db().incident.count(), evidenceItems: 2, checkpoints: 1 });
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
