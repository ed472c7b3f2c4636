import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { clockSource } from "@/lib/core/clocks/registry";
import { registerCsv } from "@/lib/core/register-report/render-register";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { expectAppError, makeUser } from "@/test/incidents/fixtures";
import { fixedClockForEachTest } from "@/test/support/signed-up-user";
import {
  addAsset,
  addProcessingRecord,
  attestPurge,
  commitAssetImport,
  exportAssetRegister,
  gatherAssetFacts,
  getAsset,
  listAssets,
  listOwnerOptions,
  listProcessingRecords,
  listRetention,
  previewAssetImport,
  processingRegister,
  purgeDueRule,
  recordInventoryReview,
  retireAsset,
  saveAssetImportMapping,
  setRetentionRule,
  updateAsset,
  updateProcessingRecord,
  evaluateAssetControl,
} from "./index";

fixedClockForEachTest(new Date("2026-12-01T10:00:00Z"));

let lead: Actor & { kind: "user" }, auditor: Actor & { kind: "user" }, responder: Actor & { kind: "user" }, privacy: Actor & { kind: "user" };
let ownerId: string, leaverId: string;

async function person(displayName: string, endsOn: Date | null = null): Promise<{ id: string; reference: string }> {
  const id = newId("per");
  const reference = `PER-${id.slice(-6).toUpperCase()}`;
  await db().person.create({ data: { id, reference, displayName, kind: "employee", endsOn, createdById: "usr_test", createdAt: new Date("2026-01-01T00:00:00Z") } });
  return { id, reference };
}

const store = { kind: "data_store", name: "Orders database", location: "eu-west-1", holdsAmazonInfo: "on", holdsPersonalData: "on", personalDataFields: "Email, address", atRestAlgorithm: "aes_256", atRestKeyManagement: "kms", inTransitMinTls: "tls1_2" };
const laptop = { kind: "device", name: "Support laptop L-113", holdsAmazonInfo: "on", deviceOwnership: "company", antiMalwareInstalled: "yes", antiMalwareTamperProof: "yes", diskEncrypted: "no" };
const imported = () => db().asset.findMany({ where: { inventoryImportKey: { not: null } }, orderBy: { inventoryImportKey: "asc" } });

let ownerRef: string;
beforeAll(async () => {
  lead = await makeUser(["security_lead"], "Lead");
  auditor = await makeUser(["auditor"], "Auditor");
  responder = await makeUser(["responder"], "Responder");
  privacy = await makeUser(["privacy_officer"], "Privacy");
  const owner = await person("Olivia Owner");
  ownerId = owner.id;
  ownerRef = owner.reference;
  leaverId = (await person("Lee Leaver", new Date("2026-06-30T00:00:00Z"))).id;
});
beforeEach(async () => {
  await db().purgeAttestation.deleteMany();
  await db().processingRecordAsset.deleteMany();
  await db().processingRecord.deleteMany();
  await db().retentionRule.deleteMany();
  await db().inventoryReview.deleteMany();
  await db().asset.deleteMany();
  await db().csvImportMapping.deleteMany({ where: { kind: "assets" } });
});
afterAll(async () => {
  await db().$disconnect();
});

describe("asset inventory", () => {
  it("a lead adds and changes assets with gaps computed; every change is audit-logged without free text", async () => {
    const { reference } = await addAsset(lead, { ...store, ownerId, verified: "on" });
    expect(reference).toMatch(/^AST-2026-\d{4}$/);
    const detail = await getAsset(auditor, reference);
    expect(detail).toMatchObject({ kind: "data_store", ownerName: "Olivia Owner", location: "eu-west-1", personalDataFields: ["email", "address"], verifiedByName: expect.stringContaining("Lead") });
    expect(detail.gaps.map((g) => g.code)).toEqual(["no-retention-rule", "field-without-record", "field-without-record"]);
    await updateAsset(lead, reference, { ...store, ownerId, atRestAlgorithm: "none", inTransitMinTls: "tls1_1" });
    const changed = await getAsset(lead, reference);
    expect(changed.gaps.map((g) => g.code)).toContain("no-encryption-at-rest");
    expect(changed.gaps.map((g) => g.code)).toContain("tls-below-1-2");
    expect(changed.history.map((h) => h.action)).toEqual(["Added", "Changed"]);
    expect(changed.history[1]!.fields.sort()).toEqual(["atRestAlgorithm", "inTransitMinTls"]);
    const events = await db().auditEvent.findMany({ where: { action: { startsWith: "asset." } } });
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Orders database|eu-west-1|Olivia/);
  });

  it("a company laptop without disk encryption shows the gap; devices keep device facts only", async () => {
    const { reference } = await addAsset(lead, laptop);
    expect((await getAsset(lead, reference)).gaps.map((g) => [g.code, g.controlId])).toEqual([["no-disk-encryption", "PII-3"]]);
    const cloud = await addAsset(lead, { kind: "cloud_service", name: "Mail service", deviceOwnership: "personal", diskEncrypted: "no" });
    expect(await db().asset.findUniqueOrThrow({ where: { reference: cloud.reference }, select: { deviceOwnership: true, diskEncrypted: true } })).toEqual({ deviceOwnership: null, diskEncrypted: null });
  });

  it("refuses bad input with a clear message and writes nothing: an unknown owner, a leaver, a system", async () => {
    expect(await expectAppError(addAsset(lead, { ...store, name: " " }), "VALIDATION")).toMatchObject({ name: "Name the asset." });
    expect(await expectAppError(addAsset(lead, { ...store, ownerId: "per_nobody" }), "VALIDATION")).toMatchObject({ ownerId: expect.stringContaining("people register") });
    expect(await expectAppError(addAsset(lead, { ...store, ownerId: leaverId }), "VALIDATION")).toMatchObject({ ownerId: expect.stringContaining("left") });
    expect(await expectAppError(addAsset(lead, { ...store, kind: "system" }), "VALIDATION")).toMatchObject({ kind: expect.any(String) });
    expect(await db().asset.count()).toBe(0);
    expect((await listOwnerOptions(lead)).map((o) => o.name)).toEqual(expect.arrayContaining(["Olivia Owner"]));
    expect((await listOwnerOptions(lead)).map((o) => o.name)).not.toContain("Lee Leaver");
  });

  it("lists a page sorted and filtered in the database, retired assets left out", async () => {
    for (const name of ["Zeta store", "Alpha store", "Mid store"]) await addAsset(lead, { ...store, name });
    const laptopRef = (await addAsset(lead, laptop)).reference;
    expect((await listAssets(responder, { kind: "data_store", sort: "name", dir: "asc" })).rows.map((r) => r.name)).toEqual(["Alpha store", "Mid store", "Zeta store"]);
    expect((await listAssets(auditor, { pageSize: 5, q: "laptop" })).rows.map((r) => r.reference)).toEqual([laptopRef]);
    await retireAsset(lead, laptopRef);
    expect((await listAssets(auditor, {})).total).toBe(3);
    await expectAppError(updateAsset(lead, laptopRef, laptop), "INVALID_STATE");
  });

  it("permissions: the lead manages; auditor, responder and privacy officer read only; a member reads nothing", async () => {
    const member = await makeUser(["member"], "Member");
    const { reference } = await addAsset(lead, store);
    for (const reader of [auditor, responder, privacy]) {
      await expect(listAssets(reader, {})).resolves.toMatchObject({ total: 1 });
      await expect(getAsset(reader, reference)).resolves.toMatchObject({ reference });
      await expectAppError(addAsset(reader, store), "FORBIDDEN");
      await expectAppError(updateAsset(reader, reference, store), "FORBIDDEN");
      await expectAppError(retireAsset(reader, reference), "FORBIDDEN");
      await expectAppError(recordInventoryReview(reader, { reviewedOn: "2026-12-01", notes: "Checked every asset." }), "FORBIDDEN");
      await expectAppError(previewAssetImport(reader, "kind,name\nsoftware,X\n"), "FORBIDDEN");
      await expectAppError(addProcessingRecord(reader, {}), "FORBIDDEN");
      await expectAppError(setRetentionRule(reader, {}), "FORBIDDEN");
      await expectAppError(listOwnerOptions(reader), "FORBIDDEN");
    }
    await expectAppError(listAssets(member, {}), "FORBIDDEN");
    await expectAppError(getAsset(member, reference), "FORBIDDEN");
    await expectAppError(listProcessingRecords(member, {}), "FORBIDDEN");
    await expectAppError(listRetention(member, {}), "FORBIDDEN");
    await expectAppError(exportAssetRegister(member, "processing", "csv"), "FORBIDDEN");
    await expect(exportAssetRegister(auditor, "processing", "csv")).resolves.toMatchObject({ contentType: expect.stringContaining("text/csv") });
  });

  it("records the inventory review; the clock falls due three months after the first asset, then from the review", async () => {
    const clock = clockSource("asset.inventory-review");
    const far = new Date("2030-01-01T00:00:00Z");
    expect(await clock.listOpen(db(), new Date(), { dueBefore: far, scope: { kind: "all" } })).toEqual([]);
    await addAsset(lead, store);
    expect((await clock.listOpen(db(), new Date(), { dueBefore: far, scope: { kind: "all" } }))[0]!.dueAt.toISOString()).toBe("2027-03-01T00:00:00.000Z");
    await expectAppError(recordInventoryReview(lead, { reviewedOn: "2026-12-02", notes: "Checked every asset." }), "VALIDATION");
    expect(await recordInventoryReview(lead, { reviewedOn: "2026-11-30", notes: "Checked every asset and owner.", frequencyMonths: "1" })).toMatchObject({ nextDueOn: "2026-12-30" });
    expect((await clock.listOpen(db(), new Date(), { dueBefore: far, scope: { kind: "all" } }))[0]!.dueAt.toISOString()).toBe("2026-12-30T00:00:00.000Z");
  });
});

describe("CSV import of assets", () => {
  const header = "kind,name,owner,location,holds_amazon_info,holds_personal_data,personal_data_fields,encryption_at_rest,key_management,min_tls,device_ownership,anti_malware,anti_malware_tamper_protected,disk_encryption";
  const good = () => [`Data store,Orders DB,${ownerRef},eu-west-1,yes,yes,email;phone,AES-256,kms,TLS 1.2,,,,`, "device,Laptop 7,,Berlin office,yes,no,,,,,company,yes,yes,yes", "network_control,Edge firewall,,eu-west-1,no,no,,,,TLS 1.3,,,,"];

  it("reports each bad row with its line and reason, and writes nothing", async () => {
    const file = [header, ...good(), "printer,Office printer,,,,,,,,,,,,", `software,CRM,PER-NOPE,,,,,,,,,,,`, "device,Laptop 8,,,maybe,,,,,,,,,", "cloud_service,,,,,,,,,,,,,", `data store,orders db,,,,,,,,,,,,`].join("\n");
    const preview = await previewAssetImport(lead, file);
    expect(preview.problems).toEqual([
      { line: 5, reason: expect.stringMatching(/^kind: kind must be one of/) },
      { line: 6, reason: "owner: No person with the reference PER-NOPE in the people register." },
      { line: 7, reason: "holds_amazon_info: Answer yes or no, or leave it blank." },
      { line: 8, reason: "name: Name the asset." },
      { line: 9, reason: "The same record (data_store:orders db) is also on line 2." },
    ]);
    expect(preview.counts).toMatchObject({ added: 3, problems: 5 });
    await expectAppError(commitAssetImport(lead, preview.id), "VALIDATION");
    expect(await db().asset.count()).toBe(0);
  });

  it("imports, and the same file again changes nothing; a changed file changes and retires only imported assets", async () => {
    const manual = await addAsset(lead, { ...store, name: "Hand-made store" });
    const file = [header, ...good()].join("\n");
    const first = await previewAssetImport(lead, file);
    expect(first.problems).toEqual([]);
    expect(await commitAssetImport(lead, first.id)).toEqual({ added: 3, changed: 0, unchanged: 0, removed: 0, problems: 0 });
    const after = await imported();
    expect(after.map((a) => [a.kind, a.name, a.ownerId])).toEqual([
      ["data_store", "Orders DB", ownerId],
      ["device", "Laptop 7", null],
      ["network_control", "Edge firewall", null],
    ]);
    expect(after[0]).toMatchObject({ atRestAlgorithm: "aes_256", inTransitMinTls: "tls1_2", personalDataFields: ["email", "phone"], holdsPersonalData: true });

    const again = await previewAssetImport(lead, file);
    expect(again.counts).toEqual({ added: 0, changed: 0, unchanged: 3, removed: 0, problems: 0 });
    await commitAssetImport(lead, again.id);
    expect(await imported()).toEqual(after);

    const changedFile = [header, good()[0]!.replace("TLS 1.2", "TLS 1.1"), good()[1]].join("\n");
    const third = await previewAssetImport(lead, changedFile);
    expect(third.entries).toEqual([
      { key: "data_store:orders db", class: "changed", line: 2, changedFields: ["inTransitMinTls"] },
      { key: "device:laptop 7", class: "unchanged", line: 3 },
      { key: "network_control:edge firewall", class: "removed" },
    ]);
    await commitAssetImport(lead, third.id);
    expect((await imported()).map((a) => a.name)).toEqual(["Orders DB", "Laptop 7"]);
    expect(await db().asset.findFirstOrThrow({ where: { name: "Edge firewall" }, select: { retiredAt: true } })).toMatchObject({ retiredAt: expect.any(Date) });
    expect(await db().asset.findUniqueOrThrow({ where: { reference: manual.reference }, select: { retiredAt: true } })).toEqual({ retiredAt: null });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "import.committed", targetId: third.id } });
    expect(event.details).toMatchObject({ kind: "assets", changed: 1, unchanged: 1, removed: 1 });
  });

  it("uses the saved column mapping", async () => {
    await saveAssetImportMapping(lead, { Type: "kind", Asset: "name" });
    const preview = await previewAssetImport(lead, "Type,Asset,Notes\nsoftware,CRM,x\n");
    expect(preview.entries).toEqual([{ key: "software:crm", class: "added", line: 2 }]);
  });
});

describe("records of processing and retention", () => {
  it("records two fields, a 30-day rule and a purge; the gaps close and the rows are met", async () => {
    const { reference: storeRef } = await addAsset(lead, { ...store, ownerId, verified: "on" });
    expect((await getAsset(lead, storeRef)).gaps.map((g) => g.code)).toEqual(["no-retention-rule", "field-without-record", "field-without-record"]);
    expect(await expectAppError(addProcessingRecord(lead, { dataField: "email", source: "x", collection: "x", processing: "x", purpose: "x", sharedWith: "x", disposal: "x", assetReferences: ["AST-1999-0001"] }), "VALIDATION")).toMatchObject({ assetReferences: expect.any(String) });
    const email = await addProcessingRecord(lead, { dataField: " Email ", source: "Amazon order report", collection: "SP-API download", processing: "Shipping labels", purpose: "Ship the order", sharedWith: "The carrier", disposal: "Deleted 30 days after shipment", assetReferences: [storeRef] });
    expect(email.reference).toMatch(/^ROP-2026-/);
    await expectAppError(addProcessingRecord(lead, { dataField: "email", source: "x", collection: "x", processing: "x", purpose: "x", sharedWith: "x", disposal: "x", assetReferences: [storeRef] }), "VALIDATION");
    await addProcessingRecord(lead, { dataField: "address", source: "Amazon order report", collection: "SP-API download", processing: "Shipping labels", purpose: "Ship the order", sharedWith: "The carrier", disposal: "Deleted 30 days after shipment", assetReferences: storeRef });

    expect(await expectAppError(setRetentionRule(lead, { assetReference: storeRef, category: "pii", keepDays: "400", basis: "legal_requirement", purgeEveryDays: "7" }), "VALIDATION")).toMatchObject({ legalReference: expect.any(String) });
    const rule = await setRetentionRule(lead, { assetReference: storeRef, category: "pii", keepDays: "30", basis: "policy", purgeEveryDays: "7" });
    await updateProcessingRecord(lead, email.reference, { dataField: "email", source: "Amazon order report", collection: "SP-API download", processing: "Shipping labels", purpose: "Ship the order", sharedWith: "The carrier", disposal: "Deleted 30 days after shipment", assetReferences: [storeRef], retentionRuleReference: rule.reference });
    expect((await getAsset(lead, storeRef)).gaps).toEqual([]);
    expect((await listRetention(auditor, {})).answer).toEqual({ answer: "under_31", longestDays: 30 });
    expect((await listRetention(auditor, {})).rules[0]).toMatchObject({ reference: rule.reference, nextPurgeDueOn: new Date("2026-12-08T00:00:00Z"), lastPurge: null });

    await expectAppError(attestPurge(lead, rule.reference, { purgedOn: "2026-12-02", recordsPurged: "10", method: "Nightly job" }), "VALIDATION");
    await expectAppError(attestPurge(auditor, rule.reference, { purgedOn: "2026-12-01", recordsPurged: "10", method: "Nightly job" }), "FORBIDDEN");
    expect(await attestPurge(lead, rule.reference, { purgedOn: "2026-12-01", recordsPurged: "1240", method: "Nightly purge job deleted orders shipped before 2026-11-01" })).toMatchObject({ nextPurgeDueOn: "2026-12-08" });
    expect((await listRetention(lead, {})).rules[0]!.lastPurge).toMatchObject({ recordsPurged: 1240, attestedByName: expect.stringContaining("Lead") });

    const facts = await gatherAssetFacts(db(), new Date());
    expect(evaluateAssetControl("PII-2c", facts, new Date()).status).toBe("met");
    expect(evaluateAssetControl("PII-1a", facts, new Date()).status).toBe("met");
    expect(evaluateAssetControl("PII-3", facts, new Date()).status).toBe("met");
    expect(evaluateAssetControl("R25-7", facts, new Date()).status).toBe("no_evidence");
    expect(evaluateAssetControl("PII-2b", facts, new Date()).status).toBe("no_evidence");

    // A week and a day later the purge is overdue: a gap, the clock shows it, PII-1a is not met.
    const later = new Date("2026-12-09T08:00:00Z");
    const due = await clockSource("asset.purge-attestation").listOpen(db(), later, { dueBefore: later, scope: { kind: "all" } });
    expect(due.map((d) => [d.reference, d.state, d.ownerIds])).toEqual([[rule.reference, "overdue", []]]);
    // Its reminder reads the same clock: nothing while the purge is a week out; once overdue, one
    // reminder to the security leads (the rule's owner is a person without an account).
    expect(await purgeDueRule.collect(db(), new Date("2026-12-01T10:00:00Z"))).toEqual([]);
    const reminders = await purgeDueRule.collect(db(), later);
    expect(reminders.map((r) => r.key)).toEqual([`asset.purge-due:${due[0]!.id}:2026-12-08:overdue`]);
    expect(reminders[0]!.recipientUserIds).toContain(lead.userId);
    expect(reminders[0]!.recipientUserIds).not.toContain(auditor.userId);
    expect(evaluateAssetControl("PII-1a", await gatherAssetFacts(db(), later), later)).toMatchObject({ status: "not_met", problems: [expect.stringContaining("is not attested")] });

    let csv = "";
    for await (const chunk of registerCsv(processingRegister(db()))) csv += chunk;
    expect(csv.split(/\r?\n/)[0]).toBe("Reference,Field,Source,Collected,Processed,Stored in,Used for,Shared with,Disposed of,Retention rule");
    expect(csv).toContain(`${storeRef} Orders database`);
    expect((await listProcessingRecords(auditor, {})).rows.map((r) => r.dataField)).toEqual(["address", "email"]);
    // Each record with the stores that hold its field, by reference; a record without one has none.
    const { reference: backupRef } = await addAsset(lead, { ...store, name: "Orders backup", ownerId });
    await addProcessingRecord(lead, { dataField: "phone", source: "x", collection: "x", processing: "x", purpose: "x", sharedWith: "x", disposal: "x", assetReferences: [backupRef, storeRef] });
    const listed = (await listProcessingRecords(auditor, {})).rows.map((r) => [r.dataField, r.assets]);
    const [first, second] = [storeRef, backupRef].sort();
    const named = (ref: string) => ({ reference: ref, name: ref === storeRef ? "Orders database" : "Orders backup" });
    expect(listed).toEqual([
      ["address", [named(storeRef)]],
      ["email", [named(storeRef)]],
      ["phone", [named(first!), named(second!)]],
    ]);
  });

  it("retention rules are per data store; longer PII needs a law and changes the Developer Profile's answer", async () => {
    const { reference: cloudRef } = await addAsset(lead, { kind: "cloud_service", name: "Mail" });
    expect(await expectAppError(setRetentionRule(lead, { assetReference: cloudRef, category: "pii", keepDays: "30", basis: "policy", purgeEveryDays: "7" }), "VALIDATION")).toMatchObject({ assetReference: expect.stringContaining("data store") });
    const { reference: storeRef } = await addAsset(lead, store);
    await setRetentionRule(lead, { assetReference: storeRef, category: "pii", keepDays: "3650", basis: "legal_requirement", legalReference: "Tax code: invoices kept 10 years", purgeEveryDays: "30" });
    expect((await listRetention(lead, {})).answer).toEqual({ answer: "over_180", longestDays: 3650 });
    expect((await getAsset(lead, storeRef)).gaps.map((g) => g.code)).not.toContain("retention-beyond-limit");
    await setRetentionRule(lead, { assetReference: storeRef, category: "pii", keepDays: "60", basis: "policy", purgeEveryDays: "30" });
    expect((await listRetention(lead, {})).rules).toHaveLength(1);
    expect((await getAsset(lead, storeRef)).gaps.map((g) => g.code)).toContain("retention-beyond-limit");
    expect(await db().auditEvent.count({ where: { action: "asset.retention-changed" } })).toBe(1);
  });
});
