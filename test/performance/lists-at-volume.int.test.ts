// At volume (seeded with SQL, the short form of `npm run bench`), every list, dashboard and
// detail the product runs uses its indexes, never a sequential scan over incidents, evidence,
// custody entries or audit events, and sends a fixed number of statements however many rows
// it shows (no query per row). Statements are captured at the pg driver every Prisma query
// goes through; the plans are PostgreSQL's own (EXPLAIN).
import { CLOCK_SOURCES } from "@/lib/core/clocks/registry";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listAuditEvents } from "@/lib/audit-log/list-audit-events";
import { db } from "@/lib/db/client";
import { getEvidence } from "@/lib/evidence/get-evidence";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { listAccounts, listCredentials, listPeople, listSystems } from "@/lib/access/list-registers";
import { listAssets } from "@/lib/assets/list-assets";
import { listProcessingRecords, listRetention } from "@/lib/assets/list-registers";
import { getDashboard } from "@/lib/incidents/get-dashboard";
import { getIncident } from "@/lib/incidents/get-incident";
import { listIncidents } from "@/lib/incidents/list-incidents";
import { captureStatements, explain, isQuery, scansIndex } from "@/scripts/bench/measure";
import { SEEDED, seedVolume } from "@/scripts/bench/seed-volume";

const VOLUME = { users: 60, incidents: 3_000, evidence: 6_000, auditEvents: 20_000 };
const lead: Actor = { kind: "user", userId: SEEDED.securityLead, roles: ["security_lead"] };
const responder: Actor = { kind: "user", userId: SEEDED.responder, roles: ["responder"] };
const auditor: Actor = { kind: "user", userId: SEEDED.auditor, roles: ["auditor"] };

let pool: pg.Pool;

beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await seedVolume(client, VOLUME);
  } finally {
    await client.end();
  }
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await db().$disconnect();
});

const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)\b/i;

async function cost(call: () => Promise<unknown>) {
  const statements = await captureStatements(call);
  // Whether an index serves each statement: the same answer however many rows other test files
  // add to the shared database meanwhile (the real plans at full size are the bench's).
  const plans = await explain(pool, statements.filter(isQuery), { indexUsable: true });
  return { statements: statements.filter((s) => !CONTROL.test(s.text)).length, seqScans: plans.seqScans, scans: plans.scans };
}

// The dashboard's own queries (counts, open incidents, the 12-month chart, alarms), beside one per
// clock source, and one more for the person's policies to acknowledge (their roles are read
// first so that PostgreSQL plans with them: lib/plans/acknowledgement-access.ts).
const DASHBOARD_OWN_STATEMENTS = 8;

// The most statements each screen's service may send, whatever the number of rows.
const CASES: [string, () => Promise<unknown>, number][] = [
  ["incident list, security lead, page 1", () => listIncidents(lead, {}), 2],
  ["incident list, security lead, page 100", () => listIncidents(lead, { page: 100 }), 2],
  ["incident list, security lead, open by due date", () => listIncidents(lead, { status: "open", sort: "dueAt", dir: "asc" }), 2],
  ["incident list, security lead, search", () => listIncidents(lead, { q: "payroll" }), 2],
  ["incident list, responder", () => listIncidents(responder, {}), 2],
  ["incident list, auditor", () => listIncidents(auditor, { sort: "reference", dir: "asc", page: 50 }), 2],
  // The dashboard reads each registered clock source once, plus a fixed number of its own queries.
  ["dashboard, security lead", () => getDashboard(lead), DASHBOARD_OWN_STATEMENTS + CLOCK_SOURCES.length],
  ["dashboard, responder", () => getDashboard(responder), DASHBOARD_OWN_STATEMENTS + CLOCK_SOURCES.length],
  ["evidence list, security lead, page 1", () => listEvidence(lead, {}), 2],
  ["evidence list, security lead, page 100", () => listEvidence(lead, { page: 100 }), 2],
  ["evidence list, responder", () => listEvidence(responder, {}), 2],
  ["evidence list, security lead, search", () => listEvidence(lead, { q: "Item 12" }), 2],
  ["audit log, newest", () => listAuditEvents(auditor, {}), 1],
  ["audit log, middle", () => listAuditEvents(auditor, { before: String(VOLUME.auditEvents / 2) }), 1],
  ["audit log, one actor", () => listAuditEvents(auditor, { actor: SEEDED.responder }), 1],
  ["audit log, one target", () => listAuditEvents(auditor, { targetType: "incident", targetId: SEEDED.incidentId(7) }), 1],
];

const REGISTER_CASES: [string, () => Promise<unknown>, number][] = [
  ["access systems, security lead", () => listSystems(lead, {}), 4],
  ["access accounts of a system, security lead", () => listAccounts(lead, "SYS-2026-00007", {}), 3],
  ["access people, auditor", () => listPeople(auditor, {}), 2],
  ["access credentials, security lead", () => listCredentials(lead, {}), 2],
  ["assets, security lead", () => listAssets(lead, {}), 4],
  ["assets, devices, auditor", () => listAssets(auditor, { kind: "device" }), 4],
  ["records of processing, auditor", () => listProcessingRecords(auditor, {}), 3],
  ["retention rules, auditor", () => listRetention(auditor, {}), 4],
];

describe(`lists at volume (${VOLUME.incidents} incidents, ${VOLUME.evidence} evidence items, ${VOLUME.auditEvents} audit events)`, () => {
  for (const [name, call, most] of CASES) {
    it(`${name}: index scans only, at most ${most} statements`, async () => {
      const measured = await cost(call);
      expect(measured.seqScans).toEqual([]);
      expect(measured.scans.length).toBeGreaterThan(0);
      expect(measured.statements).toBeLessThanOrEqual(most);
    });
  }

  // The registers' lists: each row's relations (owner, system, person, manager, last purge, active
  // accounts) come in the page's own statement (Prisma's relationJoins: one statement with lateral
  // joins, not one more statement per relation sent after the page), beside the count and the
  // list's fixed extras (the retention rules' data stores and Developer Profile answer, the
  // attesters' names; the assets' and records' stores).
  // Their tables hold hundreds to a few thousand rows: the plans are the bench's to report.
  for (const [name, call, most] of REGISTER_CASES) {
    it(`${name}: at most ${most} statements`, async () => {
      expect((await cost(call)).statements).toBeLessThanOrEqual(most);
    });
  }

  it("the dashboard's open incidents come from the indexes of open incidents alone, not by skipping closed ones", async () => {
    const measured = await cost(() => getDashboard(lead));
    for (const index of ["Incident_open_notice_running_idx", "Incident_open_notice_settled_idx"]) {
      expect(measured.scans.some((scan) => scansIndex(scan, index)), `${index} in ${measured.scans.join("; ")}`).toBe(true);
    }
  });

  it("the evidence search (a substring in any case over four fields) is served by the trigram index, with the same rows as a scan", async () => {
    const statements = (await captureStatements(() => listEvidence(lead, { q: "item 1234" }))).filter(isQuery);
    const client = await pool.connect();
    try {
      await client.query("SET enable_seqscan = off");
      const plans = await Promise.all(statements.map(async (s) => JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values)).rows)));
      // The page's ids and the count both find the matching items through it.
      expect(plans.filter((plan) => plan.includes('"Index Name":"EvidenceItem_search_idx"'))).toHaveLength(2);
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
    // The index changes how the rows are found, not which: the same as reading every item.
    const found = await listEvidence(lead, { q: "item 1234", sort: "label", dir: "asc" });
    const scanned = await pool.query(
      `SELECT "label" FROM "EvidenceItem" WHERE concat_ws(' ', "label", "description", "fileName", "serialNumber") ~* 'item 1234' ORDER BY "label" LIMIT 25`,
    );
    expect(found.rows.map((r) => r.label)).toEqual(scanned.rows.map((r) => r.label));
    expect(found.total).toBeGreaterThan(0);
  });

  it("an incident and an evidence item: the same number of statements with 1 or 40 timeline entries and custody entries", async () => {
    const reference = (await pool.query(`SELECT "reference" FROM "Incident" WHERE "id" = $1`, [SEEDED.incidentId(11)])).rows[0].reference as string;
    const label = SEEDED.evidenceLabel(11);
    const before = { incident: await cost(() => getIncident(lead, reference)), evidence: await cost(() => getEvidence(lead, label, { recordView: false })) };
    await pool.query(
      `INSERT INTO "IncidentTimelineEntry" ("id", "incidentId", "occurredAt", "kind", "text", "authorId", "createdAt")
       SELECT 'tle_vol' || g, $1, now() - g * interval '1 minute', 'note', 'Entry ' || g, $2, now() FROM generate_series(1, 40) g`,
      [SEEDED.incidentId(11), SEEDED.userId(9 + (g(11)))],
    );
    const after = { incident: await cost(() => getIncident(lead, reference)), evidence: await cost(() => getEvidence(lead, label, { recordView: false })) };
    expect(after.incident.statements).toBe(before.incident.statements);
    expect(after.evidence.statements).toBe(before.evidence.statements);
    expect([...after.incident.seqScans, ...after.evidence.seqScans]).toEqual([]);
  });
});

function g(n: number): number {
  return n % (VOLUME.users - 8);
}
