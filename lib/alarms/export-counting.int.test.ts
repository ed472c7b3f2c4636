import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { downloadCertificate, exportAuditPack, exportComplianceMap, getComplianceMap, issueCertificate } from "@/lib/compliance";
import { createDigitalEvidence } from "@/lib/evidence/create-evidence";
import { exportEvidencePackage } from "@/lib/evidence";
import { createIncident } from "@/lib/incidents/create-incident";
import { exportIncidentsCsv } from "@/lib/incidents";
import { ALARM_RULES, type TWindowRule } from "./rules";

// The bulk-download alarm adds up what each of a user's export and download events says it
// took. These run the real exports and read back, with the rule's own SQL, what they count.

const run = randomBytes(3).toString("hex");
const rule = ALARM_RULES.find((r): r is TWindowRule => r.name === "data.bulk-download")!;
let lead: Actor & { kind: "user" };
let incidentReference: string;

type TCounted = { action: string; weight: number; details: Record<string, unknown> };

/** The events `work` wrote for the lead that the bulk-download rule counts, with their weights. */
async function counted(work: () => Promise<unknown>): Promise<TCounted[]> {
  const before = (await db().auditChainHead.findUnique({ where: { id: 1 } }))?.sequence ?? 0n;
  await work();
  const rows = await db().$queryRawUnsafe<{ action: string; weight: string; details: Record<string, unknown> }[]>(
    `SELECT e."action", (${rule.weight})::text AS "weight", e."details" FROM "AuditEvent" e
     WHERE ${rule.filter} AND e."actorId" = $1 AND e."sequence" > $2 ORDER BY e."sequence"`,
    lead.userId,
    before,
  );
  return rows.map((r) => ({ action: r.action, weight: Number(r.weight), details: r.details }));
}

const total = (events: TCounted[]) => events.reduce((sum, e) => sum + e.weight, 0);
const drain = (body: ReadableStream<Uint8Array>) => new Response(body).arrayBuffer();

describe("every export counts the records it took toward the bulk-download alarm", () => {
  beforeAll(async () => {
    const roles = ["security_lead"] as const;
    const id = `usr_count_${run}`;
    await db().user.create({ data: { id, email: `count.${run}@example.test`, displayName: "Counting Lead", status: "active", roles: [...roles], mfaEnrolledAt: new Date() } });
    lead = { kind: "user", userId: id, roles: [...roles] };
    const type = await db().incidentType.findFirstOrThrow();
    for (let i = 0; i < 3; i++) {
      const created = await createIncident(lead, {
        title: `Counted incident ${i}`,
        summary: "An incident for the export counts.",
        typeId: type.id,
        severity: "SEV2",
        detectedAt: "",
        amazonInfoAnswer: "yes",
        piiInvolved: "",
        affectedSystems: "",
        affectedDataCategories: "",
        piiDetails: "",
        teamIds: [],
      } as never);
      incidentReference ??= created.reference;
    }
    // Two files: the package and the pack each carry them.
    for (const fileName of ["gw.log", "fw.log"]) {
      const meta = { description: `Log ${fileName}`, collectedAt: new Date(Date.now() - 1800_000).toISOString(), collectionMethod: "Exported", storageLocation: "Vigil evidence store", legalHold: false, fileName };
      await createDigitalEvidence(lead, incidentReference, meta, (async function* () {
        yield Buffer.from(`a line of ${fileName}\n`.repeat(20));
      })());
    }
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("each export's own event is named <record>.exported or <record>.downloaded and says how many records it held in details.recordCount", async () => {
    const certificate = await issueCertificate(lead, {
      asOf: new Date().toISOString().slice(0, 10),
      organisation: "Example Fulfilment Ltd",
      officerName: "Dana Fischer",
      officerTitle: "Chief Information Security Officer",
      requestedBy: "Amazon letter DPP-AUD-2026-117",
    });
    const exports: [string, () => Promise<unknown>][] = [
      ["incident list", () => exportIncidentsCsv(lead, {})],
      ["compliance map", () => exportComplianceMap(lead, "csv")],
      ["audit pack", async () => drain((await exportAuditPack(lead)).body)],
      ["evidence package", async () => drain((await exportEvidencePackage(lead, incidentReference)).body)],
      ["certificate", () => downloadCertificate(lead, certificate.reference)],
    ];
    for (const [name, work] of exports) {
      const before = (await db().auditChainHead.findUnique({ where: { id: 1 } }))?.sequence ?? 0n;
      await work();
      const own = await db().auditEvent.findMany({
        where: { actorId: lead.userId, sequence: { gt: before }, NOT: { targetType: "evidence" } },
        orderBy: { sequence: "asc" },
      });
      expect(own.map((e) => e.action), name).toHaveLength(1);
      expect(own[0]!.action, name).toMatch(/^[a-z-]+(\.[a-z-]+)*\.(exported|downloaded)$/);
      expect((own[0]!.details as Record<string, unknown>).recordCount, name).toEqual(expect.any(Number));
    }
  });

  it("an incident list of N rows counts N, not 1", async () => {
    let rows = 0;
    const events = await counted(async () => (rows = (await exportIncidentsCsv(lead, {})).count));
    expect(rows).toBeGreaterThanOrEqual(3);
    expect(total(events)).toBe(rows);
  });

  it("the compliance map counts its controls", async () => {
    const controls = (await getComplianceMap(lead)).results.length;
    expect(total(await counted(() => exportComplianceMap(lead, "csv")))).toBe(controls);
  });

  it("the audit pack counts every record it holds (incidents, notices, controls, legal requests, findings, certificates), and each custody report once", async () => {
    const incidents = await db().incident.count();
    const evidenceItems = await db().evidenceItem.count();
    const others = (await db().amazonNotice.count()) + (await db().legalRequest.count()) + (await db().auditFinding.count()) + (await db().complianceCertificate.count());
    const controls = (await getComplianceMap(lead)).results.length;
    const events = await counted(async () => drain((await exportAuditPack(lead)).body));
    expect(total(events)).toBe(incidents + controls + evidenceItems + others);
  });

  it("an evidence package counts each item once and its chain-of-custody PDF", async () => {
    const items = await db().evidenceItem.count({ where: { incident: { reference: incidentReference } } });
    const events = await counted(async () => drain((await exportEvidencePackage(lead, incidentReference)).body));
    expect(items).toBe(2);
    expect(total(events)).toBe(items + 1);
  });
});
