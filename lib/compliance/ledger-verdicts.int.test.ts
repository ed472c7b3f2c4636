// GS-4d on the compliance map reads each item's kept ledger verdict (issue 16): set when an entry
// is appended, re-checked by the integrity sweep. A ledger never verified, verified too long ago
// or found broken never counts as intact.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createPhysicalEvidence, recheckCustodyLedgers, recordCustodyEvent } from "@/lib/evidence";
import { getComplianceMap } from "./get-compliance-map";

const run = randomBytes(3).toString("hex");
const DAY = 24 * 3600_000;
let lead: Actor & { kind: "user" };
let incidentRef: string;

async function gs4d() {
  const map = await getComplianceMap(lead);
  return map.results.find((r) => r.control.id === "GS-4d")!;
}

async function item(description: string) {
  return createPhysicalEvidence(lead, incidentRef, { description, collectedAt: new Date(Date.now() - 600_000).toISOString(), collectionMethod: "Bagged", storageLocation: "Safe 1" });
}

/** An edit or deletion made the way an attacker with database access would: triggers bypassed. */
async function tamper(sql: string) {
  await db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql);
  });
}

describe("GS-4d from the kept ledger verdicts", () => {
  beforeAll(async () => {
    const id = `usr_lv_${run}`;
    await db().user.create({ data: { id, email: `lv.${run}@example.test`, displayName: "Lead", status: "active", roles: ["security_lead"], mfaEnrolledAt: new Date() } });
    lead = { kind: "user", userId: id, roles: ["security_lead"] };
    const type = await db().incidentType.findFirstOrThrow();
    incidentRef = `INC-LV-${run}`;
    await db().incident.create({
      data: { id: `inc_lv_${run}`, reference: incidentRef, title: "Laptop", summary: "Laptop", typeId: type.id, severity: "SEV3", detectedAt: new Date(), amazonInfoAnswer: "no", amazonInfoInvolved: false, reportedById: id, createdById: id, memberIds: [id] },
    });
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("keeps the verdict of each append: a new ledger is intact and the map is met", async () => {
    const a = await item("Laptop");
    await recordCustodyEvent(lead, a.label, { action: "analysed", purpose: "Imaged" });
    const row = await db().evidenceItem.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.ledgerIntact).toBe(true);
    expect(row.ledgerVerifiedAt).not.toBeNull();
    const control = await gs4d();
    expect(control.status).toBe("met");
    expect(control.summary).toMatch(/every ledger intact/);
  });

  it("never counts a ledger that was never verified as intact, until the sweep verifies it", async () => {
    const b = await item("Phone");
    await db().evidenceItem.update({ where: { id: b.id }, data: { ledgerIntact: null, ledgerVerifiedAt: null } });
    let control = await gs4d();
    expect(control.status).toBe("attention");
    expect(control.problems).toEqual([`${b.label}: custody ledger not verified within 24 hours`]);
    expect(await recheckCustodyLedgers(new Date())).toMatchObject({ checked: 1, newlyBroken: 0 });
    control = await gs4d();
    expect(control.status).toBe("met");
  });

  it("counts a verification older than the cycle as not verified", async () => {
    const c = await item("Badge");
    await db().evidenceItem.update({ where: { id: c.id }, data: { ledgerVerifiedAt: new Date(Date.now() - DAY - 60_000) } });
    expect((await gs4d()).status).toBe("attention");
    await recheckCustodyLedgers(new Date());
    expect((await gs4d()).status).toBe("met");
  });

  it("finds an edited entry at the sweep's re-check: not met, audit-logged once, and an append keeps it broken", async () => {
    const d = await item("USB stick");
    await recordCustodyEvent(lead, d.label, { action: "analysed", purpose: "Checked" });
    await tamper(`UPDATE "CustodyEntry" SET "purpose" = 'edited' WHERE "evidenceId" = '${d.id}' AND "sequence" = 2`);
    // Re-check everything now, as a sweep whose cycle has come round would.
    expect(await recheckCustodyLedgers(new Date(), { cycleMs: 0 })).toMatchObject({ newlyBroken: 1 });
    let control = await gs4d();
    expect(control.status).toBe("not_met");
    expect(control.problems).toEqual([`${d.label}: custody ledger broken`]);
    expect(await recheckCustodyLedgers(new Date(), { cycleMs: 0 })).toMatchObject({ newlyBroken: 0 });
    expect(await db().auditEvent.count({ where: { action: "evidence.ledger-broken", targetId: d.id } })).toBe(1);
    await recordCustodyEvent(lead, d.label, { action: "analysed", purpose: "Checked again" });
    expect((await db().evidenceItem.findUniqueOrThrow({ where: { id: d.id } })).ledgerIntact).toBe(false);
    control = await gs4d();
    expect(control.status).toBe("not_met");
  });

  it("finds a deleted last entry, which the chain of the remaining entries alone would not", async () => {
    await db().evidenceItem.updateMany({ where: { ledgerIntact: false }, data: { status: "destroyed" } });
    expect((await gs4d()).status).toBe("met");
    const e = await item("Hard disk");
    await recordCustodyEvent(lead, e.label, { action: "analysed", purpose: "Imaged" });
    await tamper(`DELETE FROM "CustodyEntry" WHERE "evidenceId" = '${e.id}' AND "sequence" = 2`);
    await recheckCustodyLedgers(new Date(), { cycleMs: 0 });
    const control = await gs4d();
    expect(control.status).toBe("not_met");
    expect(control.problems).toEqual([`${e.label}: custody ledger broken`]);
  });
});
