import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/auth/policy";
import { pdfText } from "@/test/support/pdf-text";
import { readZip } from "@/test/support/zip";
import { createDigitalEvidence, createPhysicalEvidence } from "./create-evidence";
import { exportCustodyReport } from "./custody-report";
import { exportEvidencePackage, type TPackageManifest } from "./export-evidence-package";
import { downloadEvidenceFile } from "./download-evidence";
import { getEvidence } from "./get-evidence";
import { listEvidence } from "./list-evidence";
import { recordCustodyEvent } from "./record-custody-event";
import { acceptCustodyTransfer } from "./accept-custody-transfer";
import { declineCustodyTransfer } from "./decline-custody-transfer";
import { requestCustodyTransfer } from "./request-custody-transfer";
import { runEvidenceIntegritySweep } from "./run-evidence-integrity-sweep";

const run = randomBytes(3).toString("hex");
const actors: Record<string, Actor & { kind: "user" }> = {};

async function user(key: string, roles: Role[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_ev_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Test ${key}`, status: "active", roles } });
  actors[key] = { kind: "user", userId: id, roles };
  return actors[key]!;
}

async function incident(reference: string, memberIds: string[]) {
  const type = await db().incidentType.findFirstOrThrow();
  const id = `inc_ev_${reference}_${run}`;
  await db().incident.create({
    data: {
      id,
      reference: `INC-EV-${reference}-${run}`,
      title: "Laptop stolen",
      summary: "A laptop was stolen from a car.",
      typeId: type.id,
      severity: "SEV2",
      detectedAt: new Date(),
      amazonInfoAnswer: "no",
      amazonInfoInvolved: false,
      reportedById: memberIds[0]!,
      createdById: memberIds[0]!,
      teamIds: memberIds,
      memberIds,
    },
  });
  return `INC-EV-${reference}-${run}`;
}

async function* bytes(data: Buffer, size = 256 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

const meta = (fileName: string) => ({
  description: "auth.log from the bastion host",
  collectedAt: new Date(Date.now() - 3600_000).toISOString(),
  collectionMethod: "Copied with scp by the responder",
  sourceSystem: "bastion-1",
  storageLocation: "Vigil evidence store",
  legalHold: false,
  fileName,
});

const logFile = (n: number) => Buffer.from("Nov 29 00:00:01 bastion sshd[42]: Failed password for root from 198.51.100.7\n".repeat(n));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

let lead: Actor & { kind: "user" };
let responder: Actor & { kind: "user" };
let outsider: Actor & { kind: "user" };
let auditor: Actor & { kind: "user" };
let incidentRef: string;

describe("evidence and chain of custody", () => {
  beforeAll(async () => {
    lead = await user("lead", ["security_lead"]);
    responder = await user("resp", ["responder"]);
    outsider = await user("out", ["responder"]);
    auditor = await user("aud", ["auditor"]);
    incidentRef = await incident("A", [lead.userId, responder.userId]);
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("stores an upload whose recorded hash equals the hash of the bytes sent and of the download", async () => {
    const data = logFile(20_000);
    const created = await createDigitalEvidence(responder, incidentRef, meta("../../etc/auth.log"), bytes(data));
    expect(created.label).toMatch(/^EV-\d{4}-\d{4}$/);
    expect(created.sha256).toBe(sha(data));
    const download = await downloadEvidenceFile(responder, created.label);
    expect(download.sha256).toBe(sha(data));
    expect(download.fileName).toBe("auth.log");
    expect(sha(await readAll(download.body))).toBe(sha(data));
    const detail = await getEvidence(lead, created.label);
    expect(detail.ledger.map((e) => e.action)).toEqual(["collected", "downloaded", "viewed"]);
    expect(detail.ledgerProblem).toBeNull();
    // The same person opening it again soon (a reload, the page after an action) adds no second
    // ledger entry, but every read is in the audit log; someone else's view is its own entry.
    await getEvidence(lead, created.label);
    const again = await getEvidence(responder, created.label);
    expect(again.ledger.map((e) => e.action)).toEqual(["collected", "downloaded", "viewed", "viewed"]);
    expect(again.ledgerProblem).toBeNull();
    const audit = await db().auditEvent.findMany({ where: { targetId: created.id }, orderBy: { sequence: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["evidence.collected", "evidence.downloaded", "evidence.viewed", "evidence.viewed", "evidence.viewed"]);
  });

  it("streams a 100 MiB file in and out with matching hashes while memory stays far below the file size", async () => {
    const total = 100 * 1024 * 1024;
    const sent = createHash("sha256");
    const gc = globalThis.gc;
    if (!gc) throw new Error("run with --expose-gc (vitest.config.ts sets it for integration tests)");
    const memory = () => {
      gc();
      return process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;
    };
    const baseline = memory();
    let peak = 0;
    async function* generated(): AsyncGenerator<Uint8Array> {
      // A ZIP signature, then pseudo-random bytes made on the fly: the file never exists whole.
      const piece = randomBytes(1024 * 1024);
      piece.set([0x50, 0x4b, 0x03, 0x04], 0);
      for (let sentBytes = 0; sentBytes < total; sentBytes += piece.length) {
        piece.writeUInt32BE(sentBytes, 8);
        sent.update(piece);
        if (sentBytes % (8 * piece.length) === 0) peak = Math.max(peak, memory() - baseline);
        yield piece;
      }
    }
    const created = await createDigitalEvidence(lead, incidentRef, meta("disk-image.zip"), generated());
    expect(created.size).toBe(total);
    expect(created.sha256).toBe(sent.digest("hex"));
    const download = await downloadEvidenceFile(lead, created.label);
    const received = createHash("sha256");
    let parts = 0;
    for await (const part of download.body as unknown as AsyncIterable<Uint8Array>) {
      received.update(part);
      if (++parts % 128 === 0) peak = Math.max(peak, memory() - baseline);
    }
    expect(received.digest("hex")).toBe(created.sha256);
    console.log(`100 MiB upload and download: peak live memory above baseline ${(peak / 1024 / 1024).toFixed(1)} MiB`);
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  }, 120_000);

  it("refuses a tampered file on download and raises an alarm", async () => {
    const created = await createDigitalEvidence(lead, incidentRef, meta("capture.log"), bytes(logFile(5_000)));
    const item = await db().evidenceItem.findUniqueOrThrow({ where: { id: created.id } });
    const file = path.join(env().evidenceDir, item.storageName!);
    const stored = fs.readFileSync(file);
    stored[50] = stored[50]! ^ 0xff;
    fs.writeFileSync(file, stored);
    await expect(downloadEvidenceFile(lead, created.label)).rejects.toThrow(/no longer matches/);
    const alarm = await db().alarm.findFirst({ where: { rule: "evidence.integrity", subjectKey: created.id } });
    expect(alarm?.status).toBe("open");
    const after = await db().evidenceItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.lastVerifiedOk).toBe(false);
  });

  it("finds a tampered file in the integrity sweep", async () => {
    const created = await createDigitalEvidence(lead, incidentRef, meta("sweep.log"), bytes(logFile(3_000)));
    const item = await db().evidenceItem.findUniqueOrThrow({ where: { id: created.id } });
    const file = path.join(env().evidenceDir, item.storageName!);
    const stored = fs.readFileSync(file);
    stored[stored.length - 3] = stored[stored.length - 3]! ^ 0x01;
    fs.writeFileSync(file, stored);
    const result = await runEvidenceIntegritySweep(new Date(Date.now() + 2 * 24 * 3600_000), { intervalMs: 24 * 3600_000, bytesPerSecond: 2_000_000_000 });
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const after = await db().evidenceItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.lastVerifiedOk).toBe(false);
    expect(await db().alarm.count({ where: { rule: "evidence.integrity", subjectKey: created.id } })).toBe(1);
  });

  it("leaves no row and no file behind when an upload is interrupted", async () => {
    const before = { rows: await db().evidenceItem.count(), files: fs.readdirSync(env().evidenceDir).length };
    async function* interrupted(): AsyncGenerator<Uint8Array> {
      yield logFile(10_000);
      throw new Error("connection reset");
    }
    await expect(createDigitalEvidence(responder, incidentRef, meta("cut.log"), interrupted())).rejects.toThrow(/reset/);
    expect(await db().evidenceItem.count()).toBe(before.rows);
    expect(fs.readdirSync(env().evidenceDir).length).toBe(before.files);
  });

  it("refuses a body shorter than its declared length and keeps nothing", async () => {
    const before = { rows: await db().evidenceItem.count(), files: fs.readdirSync(env().evidenceDir).length };
    await expect(createDigitalEvidence(lead, incidentRef, meta("short.log"), bytes(logFile(100)), { declaredLength: 1_000_000 })).rejects.toThrow(/incomplete/);
    expect(await db().evidenceItem.count()).toBe(before.rows);
    expect(fs.readdirSync(env().evidenceDir).length).toBe(before.files);
  });

  it("refuses a file over the limit from its declared size and while reading", async () => {
    await db().setting.upsert({ where: { key: "evidence.maxUploadBytes" }, create: { key: "evidence.maxUploadBytes", value: 100_000 }, update: { value: 100_000 } });
    try {
      await expect(createDigitalEvidence(lead, incidentRef, meta("big.log"), bytes(logFile(10)), { declaredLength: 200_000 })).rejects.toThrow(/larger than the limit of 97.7 KiB/);
      await expect(createDigitalEvidence(lead, incidentRef, meta("big.log"), bytes(logFile(5_000)))).rejects.toThrow(/larger than the limit/);
    } finally {
      await db().setting.delete({ where: { key: "evidence.maxUploadBytes" } });
    }
  });

  it("moves custody only when the receiver accepts", async () => {
    const item = await createPhysicalEvidence(lead, incidentRef, {
      description: "Dell Latitude 7440 laptop",
      collectedAt: new Date(Date.now() - 600_000).toISOString(),
      collectionMethod: "Handed over by the employee at reception",
      storageLocation: "Safe 2, Berlin office",
      make: "Dell",
      model: "Latitude 7440",
      serialNumber: "7XK2Q93",
    });
    const { transferId } = await requestCustodyTransfer(lead, item.label, { toUserId: responder.userId, purpose: "Disk imaging", location: "Forensics lab" });
    let detail = await getEvidence(lead, item.label, { recordView: false });
    expect(detail.custodianId).toBe(lead.userId);
    expect(detail.pendingTransfer?.toUserId).toBe(responder.userId);

    await expect(acceptCustodyTransfer(lead, { transferId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    detail = await getEvidence(lead, item.label, { recordView: false });
    expect(detail.custodianId).toBe(lead.userId);

    await acceptCustodyTransfer(responder, { transferId });
    detail = await getEvidence(lead, item.label, { recordView: false });
    expect(detail.custodianId).toBe(responder.userId);
    expect(detail.storageLocation).toBe("Forensics lab");
    expect(detail.ledger.map((e) => e.action)).toEqual(["collected", "transfer-requested", "transferred"]);
    await expect(acceptCustodyTransfer(responder, { transferId })).rejects.toThrow(/already accepted/);
  });

  it("keeps a declined transfer's custody where it was", async () => {
    const item = await createPhysicalEvidence(lead, incidentRef, {
      description: "USB stick found in the server room",
      collectedAt: new Date(Date.now() - 600_000).toISOString(),
      collectionMethod: "Bagged by the lead",
      storageLocation: "Safe 1",
    });
    const { transferId } = await requestCustodyTransfer(lead, item.label, { toUserId: responder.userId, purpose: "Analysis", location: "Lab" });
    await declineCustodyTransfer(responder, { transferId, note: "Not my case" });
    const detail = await getEvidence(lead, item.label, { recordView: false });
    expect(detail.custodianId).toBe(lead.userId);
    expect(detail.ledger.at(-1)?.action).toBe("transfer-declined");
  });

  it("seals, refuses release under legal hold, and records destruction with method and witness", async () => {
    const item = await createPhysicalEvidence(lead, incidentRef, {
      description: "Hard drive",
      collectedAt: new Date(Date.now() - 600_000).toISOString(),
      collectionMethod: "Removed from server rack 4",
      storageLocation: "Safe 3",
      legalHold: true,
    });
    await recordCustodyEvent(lead, item.label, { action: "sealed", sealNumber: "SEAL-0042", location: "Safe 3" });
    await expect(recordCustodyEvent(lead, item.label, { action: "sealed", sealNumber: "SEAL-0043", location: "Safe 3" })).rejects.toThrow(/sealed/);
    await expect(recordCustodyEvent(lead, item.label, { action: "unsealed", sealNumber: "SEAL-9999", purpose: "Analysis" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(
      recordCustodyEvent(lead, item.label, { action: "destroyed", method: "destroy", witness: "A. Witness", purpose: "Retention ended" }),
    ).rejects.toThrow(/legal hold/);
    await db().evidenceItem.update({ where: { label: item.label }, data: { legalHold: false } });
    await recordCustodyEvent(lead, item.label, { action: "destroyed", method: "destroy", witness: "A. Witness", purpose: "Retention ended" });
    const detail = await getEvidence(lead, item.label, { recordView: false });
    expect(detail.status).toBe("destroyed");
    expect(detail.ledger.at(-1)).toMatchObject({ action: "destroyed", details: { method: "destroy", witness: "A. Witness" } });
  });

  it("destroying a digital item erases its file and its wrapped key at once: the ledger says so, downloads refuse, the custody report keeps the history", async () => {
    const created = await createDigitalEvidence(lead, incidentRef, meta("destroy-me.log"), bytes(logFile(1_000)));
    const stored = await db().evidenceItem.findUniqueOrThrow({ where: { id: created.id } });
    const file = path.join(env().evidenceDir, stored.storageName!);
    expect(fs.existsSync(file)).toBe(true);
    expect(stored.wrappedKey).not.toBeNull();

    await recordCustodyEvent(lead, created.label, { action: "destroyed", method: "purge", witness: "A. Witness", purpose: "Retention ended" });
    // Cryptographic erase: the key that decrypts the file is gone from the database, and the file from the disk.
    const after = await db().evidenceItem.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.status).toBe("destroyed");
    expect(after.wrappedKey).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    // What was collected stays on record: name, size and hash.
    expect(after).toMatchObject({ fileName: "destroy-me.log", sha256: created.sha256 });

    const detail = await getEvidence(lead, created.label, { recordView: false });
    expect(detail.ledgerProblem).toBeNull();
    expect(detail.ledger.at(-1)).toMatchObject({ action: "destroyed", details: { method: "purge", witness: "A. Witness", erased: "file and key" } });

    await expect(downloadEvidenceFile(lead, created.label)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/destroyed.*file and its key were erased/i),
    });
    const report = await pdfText((await exportCustodyReport(lead, created.label)).pdf);
    expect(report).toContain("Destroyed (file and key erased)");
    expect(report).toContain("Collected");
    expect(report).toContain(created.sha256);
  });

  it("finds an edited ledger entry (edit made with triggers bypassed)", async () => {
    const item = await createPhysicalEvidence(lead, incidentRef, {
      description: "Badge",
      collectedAt: new Date(Date.now() - 600_000).toISOString(),
      collectionMethod: "Collected at the door",
      storageLocation: "Safe 1",
    });
    await recordCustodyEvent(lead, item.label, { action: "analysed", purpose: "Checked the badge log" });
    await expect(db().$executeRawUnsafe(`UPDATE "CustodyEntry" SET "purpose" = 'edited' WHERE "evidenceId" = '${item.id}'`)).rejects.toThrow(/append-only/);
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRawUnsafe(`UPDATE "CustodyEntry" SET "purpose" = 'edited' WHERE "evidenceId" = '${item.id}' AND "sequence" = 2`);
    });
    const detail = await getEvidence(lead, item.label, { recordView: false });
    expect(detail.ledgerProblem).toEqual({ sequence: 2, problem: "edited" });
  });

  it("denies what the policy denies: outsiders see nothing, auditors download nothing and change nothing", async () => {
    const created = await createDigitalEvidence(lead, incidentRef, meta("denied.log"), bytes(logFile(100)));
    const denials = async () => db().auditEvent.count({ where: { outcome: "denied" } });
    const before = await denials();
    await expect(getEvidence(outsider, created.label)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(downloadEvidenceFile(outsider, created.label)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(downloadEvidenceFile(auditor, created.label)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordCustodyEvent(auditor, created.label, { action: "analysed", purpose: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPhysicalEvidence(outsider, incidentRef, { description: "x", collectedAt: new Date().toISOString(), collectionMethod: "x", storageLocation: "x" })).rejects.toBeInstanceOf(AppError);
    expect(await denials()).toBe(before + 5);
    // Allowed: the auditor reads metadata and the ledger; a member responder downloads.
    expect((await getEvidence(auditor, created.label, { recordView: false })).label).toBe(created.label);
    expect((await downloadEvidenceFile(responder, created.label)).sha256).toBe(created.sha256);
    const outsiderList = await listEvidence(outsider, {});
    expect(outsiderList.rows.find((r) => r.id === created.id)).toBeUndefined();
    const responderList = await listEvidence(responder, { q: "denied.log" });
    expect(responderList.rows.map((r) => r.id)).toEqual([created.id]);
  });

  it("lists pages in the order asked, the same for a member as for a lead, however deep the page", async () => {
    const ref = await incident("PAGES", [lead.userId, responder.userId]);
    const base = Date.now() - 3_600_000;
    const labels: string[] = [];
    for (let i = 0; i < 7; i++) {
      const item = await createPhysicalEvidence(lead, ref, { description: `Item ${i}`, collectedAt: new Date(base + i * 60_000).toISOString(), collectionMethod: "Handed over", storageLocation: "Safe" });
      labels.push(item.label);
    }
    const newestFirst = [...labels].reverse();
    for (const actor of [lead, responder]) {
      const first = await listEvidence(actor, { incident: ref, pageSize: 5 });
      const second = await listEvidence(actor, { incident: ref, pageSize: 5, page: 2 });
      expect(first.total).toBe(7);
      expect(first.rows.map((r) => r.label)).toEqual(newestFirst.slice(0, 5));
      expect(second.rows.map((r) => r.label)).toEqual(newestFirst.slice(5));
      expect(second.rows.every((r) => r.incidentReference === ref && r.custodianName === "Test lead")).toBe(true);
      const oldestFirst = await listEvidence(actor, { incident: ref, pageSize: 5, sort: "collectedAt", dir: "asc" });
      expect(oldestFirst.rows.map((r) => r.label)).toEqual(labels.slice(0, 5));
    }
    // Search: a substring in any case; % and _ are literal characters, not wildcards.
    expect((await listEvidence(responder, { incident: ref, q: "item 3" })).rows.map((r) => r.label)).toEqual([labels[3]]);
    expect((await listEvidence(lead, { incident: ref, q: "Item%" })).total).toBe(0);
    expect((await listEvidence(lead, { incident: ref, q: "_tem" })).total).toBe(0);
  });

  it("counts a member's whole list without a filter as its pages hold it: their incidents' items, items in their custody or waiting for them elsewhere, each once", async () => {
    const own = await incident("SCOPE", [lead.userId, responder.userId]);
    const other = await incident("SCOPE-OTHER", [lead.userId]);
    const physical = (ref: string, description: string) =>
      createPhysicalEvidence(lead, ref, { description, collectedAt: new Date(Date.now() - 120_000).toISOString(), collectionMethod: "Handed over", storageLocation: "Safe" });
    const inOwn = await physical(own, "In the member's incident");
    const ownAndHeld = await physical(own, "In the member's incident and in their custody");
    const held = await physical(other, "In their custody elsewhere");
    const waiting = await physical(other, "Waiting for them elsewhere");
    const hidden = await physical(other, "Neither");
    for (const item of [ownAndHeld, held]) {
      const { transferId } = await requestCustodyTransfer(lead, item.label, { toUserId: responder.userId, purpose: "Analysis", location: "Lab" });
      await acceptCustodyTransfer(responder, { transferId });
    }
    await requestCustodyTransfer(lead, waiting.label, { toUserId: responder.userId, purpose: "Analysis", location: "Lab" });

    const labels: string[] = [];
    let total = -1;
    for (let page = 1; page < 50; page++) {
      const result = await listEvidence(responder, { pageSize: 100, page });
      total = result.total;
      labels.push(...result.rows.map((r) => r.label));
      if (result.rows.length < 100) break;
    }
    expect(new Set(labels).size).toBe(labels.length);
    expect(total).toBe(labels.length);
    expect(labels).toEqual(expect.arrayContaining([inOwn.label, ownAndHeld.label, held.label, waiting.label]));
    expect(labels).not.toContain(hidden.label);
    // A filter counts in the database: the same items under it.
    expect((await listEvidence(responder, { q: "elsewhere" })).total).toBe(2);
  });

  it("exports a custody report PDF and an evidence package whose manifest hashes match its files", async () => {
    const ref = await incident("PKG", [lead.userId, responder.userId]);
    const data = logFile(2_000);
    const digital = await createDigitalEvidence(lead, ref, meta("auth.log"), bytes(data));
    await createPhysicalEvidence(lead, ref, { description: "Phone", collectedAt: new Date(Date.now() - 60_000).toISOString(), collectionMethod: "Handed over", storageLocation: "Safe" });
    const report = await exportCustodyReport(lead, digital.label);
    expect(report.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(report.fileName).toBe(`${digital.label}-chain-of-custody.pdf`);

    const pkg = await exportEvidencePackage(lead, ref);
    const entries = await readZip(await readAll(pkg.body));
    const manifest = JSON.parse(entries.get("manifest.json")!.toString()) as TPackageManifest;
    expect(manifest.incident).toBe(ref);
    expect(manifest.files).toHaveLength(2);
    for (const file of manifest.files) {
      expect(sha(entries.get(file.path)!)).toBe(file.sha256);
    }
    expect(entries.get(manifest.files[0]!.path)!.equals(data)).toBe(true);
    expect(manifest.itemsWithoutFile).toEqual([expect.objectContaining({ reason: "physical item" })]);
    const ledger = await getEvidence(lead, digital.label, { recordView: false });
    expect(ledger.ledger.filter((e) => e.action === "exported")).toHaveLength(2);

    // An auditor may export metadata and reports, but the package carries no files for them.
    const auditorPackage = await readZip(await readAll((await exportEvidencePackage(auditor, ref)).body));
    const auditorManifest = JSON.parse(auditorPackage.get("manifest.json")!.toString()) as TPackageManifest;
    expect(auditorManifest.files.map((f) => f.path)).toEqual([`chain-of-custody-${ref}.pdf`]);
    await expect(exportEvidencePackage(outsider, ref)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses bad metadata with a message per field and writes nothing", async () => {
    const before = await db().evidenceItem.count();
    const error = (await createPhysicalEvidence(lead, incidentRef, { description: "", collectedAt: "not a date", collectionMethod: "", storageLocation: "" }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(expect.arrayContaining(["description", "collectedAt", "collectionMethod", "storageLocation"]));
    const future = (await createPhysicalEvidence(lead, incidentRef, { description: "x", collectedAt: new Date(Date.now() + 86_400_000).toISOString(), collectionMethod: "x", storageLocation: "x" }).catch((e: unknown) => e)) as AppError;
    expect(future.fieldErrors?.collectedAt).toMatch(/future/);
    expect(await db().evidenceItem.count()).toBe(before);
  });
});
