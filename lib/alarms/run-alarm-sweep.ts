// The alarm sweep: looks at the audit events written since the last sweep (a cursor by
// sequence, so each event is looked at once) and raises or updates alarms. The reminder worker
// calls runAlarmSweep(database, now) every minute. Not "server-only": the worker is a script.
//
// Why a sweep and not a check inside recordAuditEvent: every writer holds the chain-head lock
// while it appends, so work done there slows every change in Vigil; the sweep keeps the write
// path to one round trip, sees bursts across many requests, and is late by at most a minute.
import { systemActor } from "@/lib/auth/actor";
import type { Db, Tx } from "@/lib/db/client";
import { getAuditSettings } from "@/lib/audit-log/get-audit-settings";
import { ALARM_RULES, type TWindowRule } from "./rules";
import { raiseAlarm } from "./raise-alarm";

/** At most this many events per sweep; the next sweep continues from there. */
const MAX_EVENTS_PER_SWEEP = 50_000n;

export interface TSweepResult {
  fromSequence: bigint;
  throughSequence: bigint;
  raised: { rule: string; subjectKey: string; alarmId: string; created: boolean }[];
}

type WindowHit = { subject: string; total: string | number; first: Date; last: Date; matched: bigint | number; events: bigint | number };

async function windowHits(tx: Tx, rule: TWindowRule, threshold: number, from: bigint, through: bigint): Promise<WindowHit[]> {
  const compare = rule.strict ? ">" : ">=";
  const sql = `
    WITH "new" AS (
      SELECT DISTINCT ${rule.subject} AS "subject", min(e."occurredAt") OVER () AS "since"
      FROM "AuditEvent" e WHERE e."sequence" > $1 AND e."sequence" <= $2 AND ${rule.filter} AND ${rule.subject} IS NOT NULL
    ), "scoped" AS (
      SELECT ${rule.subject} AS "subject", e."sequence", e."occurredAt", ${rule.weight} AS "weight"
      FROM "AuditEvent" e
      WHERE ${rule.filter} AND e."sequence" <= $2
        AND e."occurredAt" >= (SELECT min("since") FROM "new") - make_interval(mins => $3::int)
        AND ${rule.subject} IN (SELECT "subject" FROM "new")
    ), "windowed" AS (
      SELECT "subject", "sequence", "occurredAt",
        sum("weight") OVER w AS "total", count(*) OVER w AS "events", min("occurredAt") OVER w AS "windowStart"
      FROM "scoped"
      WINDOW w AS (PARTITION BY "subject" ORDER BY "occurredAt" RANGE BETWEEN make_interval(mins => $3::int) PRECEDING AND CURRENT ROW)
    )
    SELECT "subject", max("total")::text AS "total", min("windowStart") AS "first", max("occurredAt") AS "last", count(*) AS "matched",
      max("events") AS "events"
    FROM "windowed" WHERE "sequence" > $1 AND "total" ${compare} $4
    GROUP BY "subject" ORDER BY "subject"`;
  return tx.$queryRawUnsafe<WindowHit[]>(sql, from, through, rule.windowMinutes, threshold);
}

type CanaryHit = { subject: string; first: Date; last: Date; matched: bigint | number; actors: string[] };

async function canaryHits(tx: Tx, from: bigint, through: bigint): Promise<CanaryHit[]> {
  return tx.$queryRaw<CanaryHit[]>`
    SELECT c."targetType" || ':' || c."targetId" AS "subject", min(e."occurredAt") AS "first", max(e."occurredAt") AS "last",
      count(*) AS "matched", array_agg(DISTINCT e."actorId") AS "actors"
    FROM "AuditEvent" e JOIN "CanaryMarker" c ON c."targetType" = e."targetType" AND c."targetId" = e."targetId"
    WHERE e."sequence" > ${from} AND e."sequence" <= ${through} AND e."actorId" <> 'system' AND e."action" NOT LIKE 'canary.%'
    GROUP BY 1 ORDER BY 1`;
}

export async function runAlarmSweep(database: Db, now: Date): Promise<TSweepResult> {
  return database.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO "AlarmSweepState" ("id", "lastSequence", "sweptAt") VALUES (1, 0, ${now}::timestamptz) ON CONFLICT ("id") DO NOTHING`;
      const state = (await tx.$queryRaw<{ lastSequence: bigint }[]>`SELECT "lastSequence" FROM "AlarmSweepState" WHERE "id" = 1 FOR UPDATE`)[0]!;
      const from = BigInt(state.lastSequence);
      // Everything up to the committed head is committed: sequences are assigned in commit order.
      const head = await tx.auditChainHead.findUnique({ where: { id: 1 }, select: { sequence: true } });
      const headSequence = head?.sequence ?? 0n;
      const through = headSequence - from > MAX_EVENTS_PER_SWEEP ? from + MAX_EVENTS_PER_SWEEP : headSequence;
      const raised: TSweepResult["raised"] = [];
      if (through > from) {
        const settings = await getAuditSettings(tx);
        const actor = systemActor("integrity-sweep");
        for (const rule of ALARM_RULES) {
          if (rule.kind === "window") {
            const threshold = rule.threshold === "exportAlarmThreshold" ? settings.exportAlarmThreshold : rule.threshold;
            for (const hit of await windowHits(tx, rule, threshold, from, through)) {
              const result = await raiseAlarm(tx, actor, {
                rule: rule.name,
                subjectKey: hit.subject,
                title: rule.title(threshold),
                details: { threshold, windowMinutes: rule.windowMinutes, inWindow: Number(hit.total) },
                firstSeenAt: hit.first,
                lastSeenAt: hit.last,
                count: Number(hit.events),
                added: Number(hit.matched),
              });
              raised.push({ rule: rule.name, subjectKey: hit.subject, alarmId: result.id, created: result.created });
            }
          } else {
            for (const hit of await canaryHits(tx, from, through)) {
              const result = await raiseAlarm(tx, actor, {
                rule: rule.name,
                subjectKey: hit.subject,
                title: rule.title(),
                details: { accessedBy: hit.actors },
                firstSeenAt: hit.first,
                lastSeenAt: hit.last,
                count: Number(hit.matched),
              });
              raised.push({ rule: rule.name, subjectKey: hit.subject, alarmId: result.id, created: result.created });
            }
          }
        }
      }
      await tx.alarmSweepState.update({ where: { id: 1 }, data: { lastSequence: through > from ? through : from, sweptAt: now } });
      return { fromSequence: from, throughSequence: through > from ? through : from, raised };
    },
    { maxWait: 10_000, timeout: 120_000 },
  );
}
