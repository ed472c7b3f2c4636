import "server-only";
import { gatherAssetFacts } from "@/lib/assets";
import { LOCK_THRESHOLD } from "@/lib/auth/lockout";
import { ROLE_GRANTS, ROLES, type Role } from "@/lib/auth/policy";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db, Tx } from "@/lib/db/client";
import { integrityCycleMs, isNotVerifiedWithinCycle, verifyCustodyChain, type TCustodyAction } from "@/lib/evidence";
import { listClockChanges } from "@/lib/incidents";
import { gatherPlanFacts } from "@/lib/plans";
import { z } from "zod";
import { findControl, type TPolicyVersion } from "./catalog";
import { periodStart, type TComplianceFacts, type TNoticeFact } from "./evaluate";
import { POLICY_VERSION_SETTING } from "./policy-versions";

/** Every open item, whatever its due time. */
const END_OF_TIME = new Date(8.64e15);
/** How many labels of files not verified in their cycle the map names (the count covers the rest). */
const NAMED_UNVERIFIED = 5;
export const VERSION_SETTING = POLICY_VERSION_SETTING;
/** Evidence items whose ledgers are read and verified together. */
const LEDGER_BATCH = 1_000;

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

/** Reads what the controls are computed from: each control's records in its own period, as of `now`. */
export async function gatherComplianceFacts(
  database: Db,
  now: Date,
  auditLog: TComplianceFacts["auditLog"],
  alarmRulesActive: boolean,
): Promise<TComplianceFacts> {
  const cycleMs = integrityCycleMs();
  const piiRoles = ROLES.filter((role) => ROLE_GRANTS[role]["pii.read"] !== undefined);
  const [version, incidents, legal, closed, thirdParty, evidenceItems, activeUsers, withoutMfa, piiPeople, staleAlarms, alarmsRaised, lastAlarm, attestations, owners, openFindings, clockChanges] = await Promise.all([
    policyVersion(database),
    database.incident.findMany({
      where: { amazonInfoInvolved: true, detectedAt: { gte: since("GS-4e", now) } },
      select: { reference: true, detectedAt: true, notificationDueAt: true, amazonNotifiedAt: true, amazonNoticeOnTime: true, status: true },
      orderBy: { detectedAt: "asc" },
    }),
    database.legalRequest.findMany({
      where: { receivedAt: { gte: since("GS-4g", now) } },
      select: { reference: true, receivedAt: true, notificationDueAt: true, amazonNotifiedAt: true, amazonNoticeOnTime: true },
      orderBy: { receivedAt: "asc" },
    }),
    database.incident.findMany({
      where: { status: "closed", closedAt: { gte: since("GS-4c", now) } },
      select: { reference: true, closedAt: true, closureDescription: true, rootCause: true, remediationActions: true, correctiveControls: true },
    }),
    database.thirdPartyNotification.findMany({ where: { notifiedAt: { gte: since("GS-4f", now) } }, select: { basis: true, notifiedAt: true, incident: { select: { reference: true } } } }),
    // Evidence held: destroyed items keep their ledger but hold no file to verify.
    database.evidenceItem.findMany({ where: { status: { not: "destroyed" } }, select: { id: true, label: true, kind: true, storageName: true, createdAt: true, lastVerifiedAt: true, lastVerifiedOk: true }, orderBy: { label: "asc" } }),
    database.user.count({ where: { status: "active" } }),
    database.user.count({ where: { status: "active", mfaEnrolledAt: null } }),
    database.user.count({ where: { status: "active", roles: { hasSome: piiRoles as Role[] } } }),
    database.alarm.count({ where: { status: "open", acknowledgedAt: null, firstSeenAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } }),
    database.alarm.count({ where: { firstSeenAt: { gte: since("PII-5c", now) } } }),
    database.alarm.findFirst({ where: { firstSeenAt: { gte: since("PII-5c", now) } }, orderBy: { firstSeenAt: "desc" }, select: { firstSeenAt: true } }),
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

  // Every ledger, a batch of items at a time (one query per batch, not per item), so memory
  // stays bounded by the batch however many entries years of evidence hold.
  const brokenLedgers: string[] = [];
  for (let start = 0; start < evidenceItems.length; start += LEDGER_BATCH) {
    const batch = evidenceItems.slice(start, start + LEDGER_BATCH);
    const entries = await database.custodyEntry.findMany({ where: { evidenceId: { in: batch.map((i) => i.id) } }, orderBy: [{ evidenceId: "asc" }, { sequence: "asc" }] });
    const byItem = new Map<string, typeof entries>();
    for (const entry of entries) {
      const list = byItem.get(entry.evidenceId) ?? [];
      list.push(entry);
      byItem.set(entry.evidenceId, list);
    }
    for (const item of batch) {
      const ledger = byItem.get(item.id) ?? [];
      const problem = verifyCustodyChain(ledger.map((e) => ({ ...e, action: e.action as TCustodyAction, details: e.details as Record<string, unknown> })));
      if (problem || ledger.length === 0) brokenLedgers.push(item.label);
    }
  }
  // A stored file counts only when verified (or uploaded) within the integrity cycle, the evidence module's own rule.
  const files = evidenceItems.filter((i) => i.kind === "digital" && i.storageName !== null);
  const unverified = files.filter((i) => isNotVerifiedWithinCycle(i, now, cycleMs));
  const verifiedTimes = files.filter((i) => !isNotVerifiedWithinCycle(i, now, cycleMs)).map((i) => (i.lastVerifiedAt ?? i.createdAt).getTime());

  const inForce = attestations.filter((a) => a.policyVersion === version);
  const [people, evidenceRefs] = await Promise.all([
    database.user.findMany({
      where: { id: { in: [...new Set([...inForce.map((a) => a.attestedById), ...owners.map((o) => o.ownerId)])] } },
      select: { id: true, displayName: true },
    }),
    database.evidenceItem.findMany({ where: { id: { in: inForce.flatMap((a) => (a.evidenceId ? [a.evidenceId] : [])) } }, select: { id: true, label: true } }),
  ]);
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  const label = new Map(evidenceRefs.map((e) => [e.id, e.label]));

  return {
    version,
    amazonNotices: incidents.map((i) => noticeFact({ ...i, startedAt: i.detectedAt, exempt: i.status === "false_positive" })),
    legalNotices: legal.map((l) => noticeFact({ ...l, startedAt: l.receivedAt })),
    closedIncidents: closed.map((c) => ({
      reference: c.reference,
      closedAt: c.closedAt!,
      missing: [
        ...(c.closureDescription ? [] : ["description"]),
        ...(c.rootCause ? [] : ["root cause"]),
        ...(c.remediationActions ? [] : ["remediation actions"]),
        ...(c.correctiveControls ? [] : ["corrective controls"]),
      ],
    })),
    thirdPartyNotifications: thirdParty.map((t) => ({ incidentReference: t.incident.reference, notifiedAt: t.notifiedAt, basis: t.basis })),
    evidence: {
      items: evidenceItems.length,
      brokenLedgers,
      failedIntegrity: files.filter((i) => i.lastVerifiedOk === false).map((i) => i.label),
      notVerifiedInCycle: unverified.slice(0, NAMED_UNVERIFIED).map((i) => i.label),
      notVerifiedInCycleCount: unverified.length,
      oldestVerifiedAt: verifiedTimes.length ? new Date(Math.min(...verifiedTimes)) : null,
      cycleHours: Math.round(cycleMs / 3600_000),
    },
    auditLog,
    accounts: { active: activeUsers, withoutMfa },
    lockoutThreshold: LOCK_THRESHOLD,
    piiReaders: { roles: piiRoles, people: piiPeople },
    alarms: { rulesActive: alarmRulesActive, openUnacknowledgedOver24h: staleAlarms, raisedInPeriod: alarmsRaised, lastRaisedAt: lastAlarm?.firstSeenAt ?? null },
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
    plans: await gatherPlanFacts(database),
    assets: await gatherAssetFacts(database, now),
  };
}
