import "server-only";
import { gatherAssetFacts } from "@/lib/assets";
import { LOCK_THRESHOLD } from "@/lib/auth/lockout";
import { ROLE_GRANTS, ROLES } from "@/lib/auth/policy";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db, Tx } from "@/lib/db/client";
import { evidenceIntegrityFacts } from "@/lib/evidence";
import { listClockChanges } from "@/lib/incidents";
import { gatherAccessFacts } from "@/lib/access";
import { gatherPlanFacts } from "@/lib/plans";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { findControl, type TPolicyVersion } from "./catalog";
import { periodStart, type TComplianceFacts, type TCounted, type TNoticeFact, type TNoticesUnlisted } from "./evaluate";
import { POLICY_VERSION_SETTING } from "./policy-versions";

/** Every open item, whatever its due time. */
const END_OF_TIME = new Date(8.64e15);
export const VERSION_SETTING = POLICY_VERSION_SETTING;

export async function policyVersion(database: Db | Tx): Promise<TPolicyVersion> {
  const row = await database.setting.findUnique({ where: { key: VERSION_SETTING } });
  return z.enum(["2021", "2025"]).catch("2025").parse(row?.value);
}

const since = (controlId: string, now: Date) => periodStart(findControl(controlId)!, now);

/**
 * A notice to Amazon as the map counts it: given at `amazonNotifiedAt`, on time or late as the
 * record says. This is the one place the map reads notice state: when a notice counts only once
 * delivered, this mapping (and the query's select) is what changes.
 */
function noticeFact(row: { reference: string; startedAt: Date; notificationDueAt: Date | null; amazonNotifiedAt: Date | null; amazonNoticeOnTime: boolean | null; exempt?: boolean }): TNoticeFact {
  return { reference: row.reference, startedAt: row.startedAt, dueAt: row.notificationDueAt, notifiedAt: row.amazonNotifiedAt, onTime: row.amazonNoticeOnTime, exempt: row.exempt };
}

// A notice the period counts (not a false positive, with a 24-hour clock) given on time, as
// lateness() in evaluate.ts reads it: these are counted in the database, the others listed.
const COUNTED_NOTICE = Prisma.sql`"amazonInfoInvolved" AND "status" <> 'false_positive' AND "notificationDueAt" IS NOT NULL`;
const ON_TIME = Prisma.sql`("amazonNotifiedAt" IS NOT NULL AND "amazonNoticeOnTime" IS DISTINCT FROM false AND "amazonNotifiedAt" <= "notificationDueAt")`;

type TNoticeRow = { reference: string; detectedAt: Date; notificationDueAt: Date | null; amazonNotifiedAt: Date | null; amazonNoticeOnTime: boolean | null };
const NOTICE_COLUMNS = Prisma.sql`"reference", "detectedAt", "notificationDueAt", "amazonNotifiedAt", "amazonNoticeOnTime"`;

/**
 * GS-4e: the period's notices late, overdue or pending, listed; those given on time, counted.
 * With `listUpTo` (the screen), only the first late or overdue ones are listed and the rest are
 * counted: what lateness() in evaluate.ts calls late or overdue as of `now`, in SQL.
 */
async function amazonNoticeFacts(
  database: Db,
  from: Date,
  now: Date,
  listUpTo: number | undefined,
): Promise<{ listed: TNoticeRow[]; onTime: TCounted; unlisted?: TNoticesUnlisted }> {
  const problem = Prisma.sql`NOT ${ON_TIME} AND ("amazonNotifiedAt" IS NOT NULL OR "notificationDueAt" < ${now})`;
  const pending = Prisma.sql`"amazonNotifiedAt" IS NULL AND "notificationDueAt" >= ${now}`;
  const [listed, [counts]] = await Promise.all([
    database.$queryRaw<TNoticeRow[]>`
      SELECT ${NOTICE_COLUMNS} FROM "Incident"
      WHERE "detectedAt" >= ${from} AND ${COUNTED_NOTICE} AND ${listUpTo === undefined ? Prisma.sql`NOT ${ON_TIME}` : Prisma.sql`${problem}`}
      ORDER BY "detectedAt", "id" ${listUpTo === undefined ? Prisma.empty : Prisma.sql`LIMIT ${listUpTo}`}`,
    database.$queryRaw<{ onTime: number; onTimeNewest: Date | null; problems: number; pending: number; nextPendingDueAt: Date | null }[]>`
      SELECT count(*) FILTER (WHERE ${ON_TIME})::int AS "onTime", max("detectedAt") FILTER (WHERE ${ON_TIME}) AS "onTimeNewest",
             count(*) FILTER (WHERE ${problem})::int AS "problems",
             count(*) FILTER (WHERE ${pending})::int AS "pending", min("notificationDueAt") FILTER (WHERE ${pending}) AS "nextPendingDueAt"
      FROM "Incident" WHERE "detectedAt" >= ${from} AND ${COUNTED_NOTICE}`,
  ]);
  const c = counts ?? { onTime: 0, onTimeNewest: null, problems: 0, pending: 0, nextPendingDueAt: null };
  return {
    listed,
    onTime: { count: c.onTime, newest: c.onTimeNewest },
    unlisted: listUpTo === undefined ? undefined : { problems: c.problems - listed.length, pending: c.pending, nextPendingDueAt: c.nextPendingDueAt },
  };
}

// What a closing report needs, as the closing screen asks for it (empty text counts as missing).
const REPORT_PARTS = [
  ["closureDescription", "description"],
  ["rootCause", "root cause"],
  ["remediationActions", "remediation actions"],
  ["correctiveControls", "corrective controls"],
] as const;
const MISSING = REPORT_PARTS.map(([column]) => Prisma.sql`coalesce(${Prisma.raw(`"${column}"`)}, '') = ''`);

/**
 * GS-4c: the period's closed incidents lacking part of their report, listed; the complete ones,
 * counted. With `listUpTo` (the screen), only the first incomplete ones are listed and the rest
 * are counted.
 */
async function closedIncidentFacts(
  database: Db,
  from: Date,
  listUpTo: number | undefined,
): Promise<{ incomplete: TComplianceFacts["closedIncidents"]; complete: TCounted; unlisted?: TCounted }> {
  const incomplete = Prisma.sql`(${Prisma.join(MISSING, " OR ")})`;
  const [rows, [counts]] = await Promise.all([
    database.$queryRaw<{ reference: string; closedAt: Date; missing: boolean[] }[]>`
      SELECT "reference", "closedAt", ARRAY[${Prisma.join(MISSING)}] AS "missing" FROM "Incident"
      WHERE "status" = 'closed' AND "closedAt" >= ${from} AND ${incomplete} ORDER BY "closedAt", "id" ${listUpTo === undefined ? Prisma.empty : Prisma.sql`LIMIT ${listUpTo}`}`,
    database.$queryRaw<{ count: number; newest: Date | null; incomplete: number; incompleteNewest: Date | null }[]>`
      SELECT count(*) FILTER (WHERE NOT ${incomplete})::int AS "count", max("closedAt") FILTER (WHERE NOT ${incomplete}) AS "newest",
             count(*) FILTER (WHERE ${incomplete})::int AS "incomplete", max("closedAt") FILTER (WHERE ${incomplete}) AS "incompleteNewest"
      FROM "Incident" WHERE "status" = 'closed' AND "closedAt" >= ${from}`,
  ]);
  const c = counts ?? { count: 0, newest: null, incomplete: 0, incompleteNewest: null };
  return {
    incomplete: rows.map((r) => ({ reference: r.reference, closedAt: r.closedAt, missing: REPORT_PARTS.flatMap(([, label], i) => (r.missing[i] ? [label] : [])) })),
    complete: { count: c.count, newest: c.newest },
    unlisted: listUpTo === undefined ? undefined : { count: c.incomplete - rows.length, newest: c.incompleteNewest },
  };
}

/**
 * Reads what the controls are computed from: each control's records in its own period, as of
 * `now`. `listUpTo` (the map read for the screen) lists only the first problems of the long
 * lists (a year of notices, of closing reports) and counts the rest; without it every record is
 * listed, as the exports, the certificate and the audit pack need.
 */
export async function gatherComplianceFacts(
  database: Db,
  now: Date,
  auditLog: TComplianceFacts["auditLog"] | Promise<TComplianceFacts["auditLog"]>,
  alarmRulesActive: boolean | Promise<boolean>,
  options: { listUpTo?: number } = {},
): Promise<TComplianceFacts> {
  const piiRoles = ROLES.filter((role) => ROLE_GRANTS[role]["pii.read"] !== undefined);
  const alarmsSince = since("PII-5c", now);
  // The modules' facts are read alongside the rest, not after it: the map's time is the slowest read, not their sum.
  const modules = Promise.all([gatherPlanFacts(database), gatherAccessFacts(database, now), gatherAssetFacts(database, now)]);
  modules.catch(() => undefined);
  // The audit log's facts and the alarms' state may be given still being read: awaited with the rest.
  const given = Promise.all([auditLog, alarmRulesActive]);
  given.catch(() => undefined);
  const [version, incidents, legal, closed, thirdParty, evidenceItems, [counts], attestations, owners, openFindings, clockChanges] = await Promise.all([
    policyVersion(database),
    amazonNoticeFacts(database, since("GS-4e", now), now, options.listUpTo),
    database.legalRequest.findMany({
      where: { receivedAt: { gte: since("GS-4g", now) } },
      select: { reference: true, receivedAt: true, notificationDueAt: true, amazonNotifiedAt: true, amazonNoticeOnTime: true },
      orderBy: { receivedAt: "asc" },
    }),
    closedIncidentFacts(database, since("GS-4c", now), options.listUpTo),
    // With the incident's reference in the same statement (through the relation, a second one).
    database.$queryRaw<TComplianceFacts["thirdPartyNotifications"]>`
      SELECT i."reference" AS "incidentReference", t."notifiedAt", t."basis"::text AS "basis"
      FROM "ThirdPartyNotification" t JOIN "Incident" i ON i."id" = t."incidentId"
      WHERE t."notifiedAt" >= ${since("GS-4f", now)}
      ORDER BY t."notifiedAt", t."id"`,
    // Evidence held: counts from each item's kept verdicts (ledger and file), through their indexes.
    evidenceIntegrityFacts(database, now),
    // Vigil's accounts and alarms: six counts in one statement (each was a round trip of its own).
    database.$queryRaw<{ activeUsers: number; withoutMfa: number; piiPeople: number; staleAlarms: number; alarmsRaised: number; lastAlarm: Date | null }[]>`
      SELECT (SELECT count(*) FROM "User" WHERE "status" = 'active')::int AS "activeUsers",
             (SELECT count(*) FROM "User" WHERE "status" = 'active' AND "mfaEnrolledAt" IS NULL)::int AS "withoutMfa",
             (SELECT count(*) FROM "User" WHERE "status" = 'active' AND "roles" && ${piiRoles}::"Role"[])::int AS "piiPeople",
             (SELECT count(*) FROM "Alarm" WHERE "status" = 'open' AND "acknowledgedAt" IS NULL AND "firstSeenAt" < ${new Date(now.getTime() - 24 * 3600_000)})::int AS "staleAlarms",
             (SELECT count(*) FROM "Alarm" WHERE "firstSeenAt" >= ${alarmsSince})::int AS "alarmsRaised",
             (SELECT max("firstSeenAt") FROM "Alarm" WHERE "firstSeenAt" >= ${alarmsSince}) AS "lastAlarm"`,
    // The latest attestation per control and kind under each version: the ("controlId", "attestedAt") index.
    database.$queryRaw<{ id: string; controlId: string; policyVersion: string; kind: string; status: string; statement: string; evidenceId: string | null; attestedById: string; attestedAt: Date; nextDueAt: Date; signedAt: Date | null }[]>`
      SELECT DISTINCT ON ("controlId", "kind", "policyVersion") "id", "controlId", "policyVersion", "kind", "status", "statement", "evidenceId", "attestedById", "attestedAt", "nextDueAt", "signedAt"
      FROM "ControlAttestation"
      ORDER BY "controlId", "kind", "policyVersion", "attestedAt" DESC`,
    database.controlOwner.findMany(),
    // Open findings with their remediation deadlines, as the clock registry lists them.
    clockSource("finding.due").listOpen(database, now, { dueBefore: END_OF_TIME, scope: { kind: "all" } }),
    // GS-4e: every 24-hour clock a security lead stopped or moved later, with who, when and why.
    listClockChanges(database, since("GS-4e", now)),
  ]);

  const [plans, access, assets] = await modules;
  const [auditLogFacts, rulesActive] = await given;
  const inForce = attestations.filter((a) => a.policyVersion === version);
  const peopleIds = [...new Set([...inForce.map((a) => a.attestedById), ...owners.map((o) => o.ownerId)])];
  const evidenceIds = inForce.flatMap((a) => (a.evidenceId ? [a.evidenceId] : []));
  // No statement for an empty list (Prisma would still send one that matches nothing).
  const [people, evidenceRefs] = await Promise.all([
    peopleIds.length ? database.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, displayName: true } }) : [],
    evidenceIds.length ? database.evidenceItem.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, label: true } }) : [],
  ]);
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  const label = new Map(evidenceRefs.map((e) => [e.id, e.label]));

  return {
    version,
    amazonNotices: incidents.listed.map((i) => noticeFact({ ...i, startedAt: i.detectedAt })),
    amazonNoticesOnTime: incidents.onTime,
    amazonNoticesUnlisted: incidents.unlisted,
    legalNotices: legal.map((l) => noticeFact({ ...l, startedAt: l.receivedAt })),
    closedIncidents: closed.incomplete,
    closedComplete: closed.complete,
    closedIncompleteUnlisted: closed.unlisted,
    thirdPartyNotifications: thirdParty,
    evidence: evidenceItems,
    auditLog: auditLogFacts,
    accounts: { active: counts!.activeUsers, withoutMfa: counts!.withoutMfa },
    lockoutThreshold: LOCK_THRESHOLD,
    piiReaders: { roles: piiRoles, people: counts!.piiPeople },
    alarms: { rulesActive, openUnacknowledgedOver24h: counts!.staleAlarms, raisedInPeriod: counts!.alarmsRaised, lastRaisedAt: counts!.lastAlarm },
    attestations: inForce.map((a) => ({
      id: a.id,
      controlId: a.controlId,
      kind: a.kind === "none_occurred" ? "none_occurred" : "status",
      status: a.status === "met" ? "met" : "not_met",
      attestedByName: name.get(a.attestedById) ?? "Unknown",
      attestedAt: a.attestedAt,
      statement: a.statement,
      evidenceReference: a.evidenceId ? (label.get(a.evidenceId) ?? null) : null,
      nextDueAt: a.nextDueAt,
      signed: a.signedAt !== null,
    })),
    owners: Object.fromEntries(owners.map((o) => [o.controlId, name.get(o.ownerId) ?? "Unknown"])),
    openFindings: openFindings.map((item) => ({ controlId: item.facts!.controlId!, reference: item.reference, dueDate: item.dueAt })),
    clockChanges,
    plans,
    access,
    assets,
  };
}
