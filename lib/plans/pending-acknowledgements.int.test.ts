// Policies each person still has to acknowledge: the one-person read (the dashboard's) gives
// exactly the rows of the everyone read (the reminders') for that person, in the same order, and
// is served by walking the versions by publication.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { captureStatements, explain, isQuery } from "@/scripts/bench/measure";
import { seedPlansVolume } from "@/scripts/bench/plans";
import { pendingAcknowledgements } from "./acknowledgement-access";

let pool: pg.Pool;
const at = (day: number) => new Date(Date.UTC(2026, 5, day, 9));
const BEFORE = at(28);

// People: roles and status decide who must read what.
const PEOPLE: [string, string, string[]][] = [
  ["usr_ack_lead", "active", ["security_lead"]],
  ["usr_ack_resp", "active", ["responder", "member"]],
  ["usr_ack_aud", "active", ["auditor"]],
  ["usr_ack_gone", "deactivated", ["responder"]],
  ["usr_ack_lock", "locked", ["security_lead"]],
];
// Documents: audience, the day the version in force was approved (null: none in force).
const DOCS: [string, string[], number | null][] = [
  ["pol_ack_a", ["admin", "security_lead", "responder", "privacy_officer", "member"], 3],
  ["pol_ack_b", ["responder"], 5],
  ["pol_ack_c", ["auditor", "security_lead"], 5], // same day as b: the document id breaks the tie
  ["pol_ack_d", ["privacy_officer"], 1],
  ["pol_ack_e", ["security_lead", "responder"], 30], // approved after BEFORE: not yet due
  ["pol_ack_f", ["security_lead", "responder"], null], // nothing in force yet
  ["pol_ack_g", ["member"], 10],
];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  for (const [id, status, roles] of PEOPLE) {
    await pool.query(`INSERT INTO "User" ("id", "email", "displayName", "status", "roles", "updatedAt") VALUES ($1, $1 || '@example.test', $1, $2::"UserStatus", $3::"Role"[], now())`, [id, status, roles]);
  }
  for (const [id, audience, day] of DOCS) {
    await pool.query(
      `INSERT INTO "PolicyDocument" ("id", "reference", "kind", "title", "createdById", "createdAt", "updatedAt", "audienceRoles")
       VALUES ($1, upper($1), 'other', 'Policy ' || $1, 'usr_ack_lead', now(), now(), $2::"Role"[])`,
      [id, audience],
    );
    // An older approved version, then (when one is in force) the version in force.
    await pool.query(
      `INSERT INTO "PolicyDocumentVersion" ("id", "documentId", "number", "status", "body", "changeSummary", "authorId", "contributorIds", "createdAt", "updatedAt", "approvedById", "approvedAt")
       VALUES ($1 || '_v1', $1, 1, 'approved', 'text', 'first', 'usr_ack_lead', ARRAY['usr_ack_lead'], $2, $2, 'usr_ack_lock', $2)`,
      [id, at(1)],
    );
    if (day !== null) {
      await pool.query(
        `INSERT INTO "PolicyDocumentVersion" ("id", "documentId", "number", "status", "body", "changeSummary", "authorId", "contributorIds", "createdAt", "updatedAt", "approvedById", "approvedAt")
         VALUES ($1 || '_v2', $1, 2, 'approved', 'text', 'second', 'usr_ack_lead', ARRAY['usr_ack_lead'], $2, $2, 'usr_ack_lock', $2)`,
        [id, at(day)],
      );
      await pool.query(`UPDATE "PolicyDocument" SET "inForceVersionId" = $1 || '_v2' WHERE "id" = $1`, [id]);
    }
  }
  // The lead read a's version in force; the responder read only b's superseded version.
  await pool.query(`INSERT INTO "PolicyAcknowledgement" ("id", "versionId", "userId", "acknowledgedAt") VALUES ('pak_1', 'pol_ack_a_v2', 'usr_ack_lead', now()), ('pak_2', 'pol_ack_b_v1', 'usr_ack_resp', now())`);
  // And the bench's policies, published in the last weeks (after the dates above), for the plan.
  await seedPlansVolume(pool, { policies: 600, activities: 0, completionsEach: 0 });
  await pool.query(`ANALYZE "PolicyDocument", "PolicyDocumentVersion", "PolicyAcknowledgement", "User"`);
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await db().$disconnect();
});

const docsOf = (rows: { documentId: string }[]) => rows.map((r) => r.documentId);

describe("pending acknowledgements", () => {
  it("lists for one person the documents in force for their roles that they have not acknowledged, oldest publication first", async () => {
    expect(docsOf(await pendingAcknowledgements(db(), { approvedBefore: BEFORE, userId: "usr_ack_lead" }))).toEqual(["pol_ack_c"]);
    expect(docsOf(await pendingAcknowledgements(db(), { approvedBefore: BEFORE, userId: "usr_ack_resp" }))).toEqual(["pol_ack_a", "pol_ack_b", "pol_ack_g"]);
    expect(docsOf(await pendingAcknowledgements(db(), { approvedBefore: BEFORE, userId: "usr_ack_aud" }))).toEqual(["pol_ack_c"]);
    const [first] = await pendingAcknowledgements(db(), { approvedBefore: BEFORE, userId: "usr_ack_resp" });
    expect(first).toEqual({ documentId: "pol_ack_a", reference: "POL_ACK_A", title: "Policy pol_ack_a", versionId: "pol_ack_a_v2", number: 2, approvedAt: at(3), userId: "usr_ack_resp" });
  });

  it("gives one person exactly their rows of everyone's list, in the same order, and within a limit", async () => {
    const everyone = await pendingAcknowledgements(db(), { approvedBefore: BEFORE });
    for (const [userId] of PEOPLE) {
      const theirs = everyone.filter((r) => r.userId === userId);
      expect(await pendingAcknowledgements(db(), { approvedBefore: BEFORE, userId })).toEqual(theirs);
      expect(await pendingAcknowledgements(db(), { approvedBefore: BEFORE, userId, limit: 2 })).toEqual(theirs.slice(0, 2));
    }
    // Later, the document approved on day 30 falls due too.
    expect(docsOf(await pendingAcknowledgements(db(), { approvedBefore: at(31), userId: "usr_ack_lead" }))).toEqual(["pol_ack_c", "pol_ack_e"]);
  });

  it("lists nothing for someone deactivated, locked or unknown", async () => {
    for (const userId of ["usr_ack_gone", "usr_ack_lock", "usr_nobody"]) {
      expect(await pendingAcknowledgements(db(), { approvedBefore: at(31), userId })).toEqual([]);
    }
  });

  it("for one person with 600 documents to read, walks the versions by publication through indexes and stops at the limit, in two statements", async () => {
    const statements = await captureStatements(async () => {
      const rows = await pendingAcknowledgements(db(), { approvedBefore: new Date(), userId: "usr_ack_resp", limit: 51 });
      expect(rows).toHaveLength(51);
    });
    const queries = statements.filter(isQuery);
    expect(queries).toHaveLength(2);
    // PostgreSQL's own choice (sequential scans allowed): reading every document in force and
    // sorting them is what the one-query form did.
    const plans = await explain(pool, queries, { tables: ["PolicyDocument", "PolicyDocumentVersion"] });
    expect(plans.seqScans).toEqual([]);
    expect(plans.scans.join(" ")).toMatch(/PolicyDocumentVersion_approvedAt_idx/);
    expect(plans.scans.join(" ")).toMatch(/PolicyDocument_inForceVersionId_idx/);
  });
});
