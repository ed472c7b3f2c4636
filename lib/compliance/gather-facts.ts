import "server-only";
import { ROLE_GRANTS, ROLES } from "@/lib/auth/policy";
import { clockSource } from "@/lib/core/clocks/registry";
import type { Db, Tx } from "@/lib/db/client";
import { verifyCustodyChain, type TCustodyAction } from "@/lib/evidence";
import { gatherPlanFacts } from "@/lib/plans";
import { z } from "zod";
import type { TPolicyVersion } from "./catalog";
import type { TComplianceFacts } from "./evaluate";

const YEAR_MS = 365 * 24 * 3600_000;
/** Every open item, whatever its due time. */
const END_OF_TIME = new Date(8.64e15);
export const VERSION_SETTING = "compliance.policyVersion";
/** Vigil's own lockout threshold (lib/auth): failed sign-ins before an account locks. */
const VIGIL_LOCKOUT_THRESHOLD = 5;

export async function policyVersion(database: Db | Tx): Promise<TPolicyVersion> {
  const row = await database.setting.findUnique({ where: { key: VERSION_SETTING } });
  return z.enum(["2021", "2025"]).catch("2025").parse(row?.value);
}

/** Reads what the controls are computed from: the last 12 months of records, as of `now`. */
export async function gatherComplianceFacts(
  database: Db,
  now: Date,
  auditLog: TComplianceFacts["auditLog"],
  alarmRulesActive: boolean,
): Promise<TComplianceFacts> {
  const since = new Date(now.getTime() - YEAR_MS);
  const [version, incidents, legal, closed, thirdParty, evidenceItems, brokenCandidates, activeUsers, withoutMfa, staleAlarms, attestations, owners, openFindings] = await Promise.all([
    policyVersion(database),
    database.incident.findMany({
      where: { amazonInfoInvolved: true, detectedAt: { gte: since } },
      select: { reference: true, detectedAt: true, notificationDueAt: true, amazonNotifiedAt: true, amazonNoticeOnTime: true, status: true },
      orderBy: { detectedAt: "asc" },
    }),
    database.legalRequest.findMany({
      where: { receivedAt: { gte: since } },
      select: { reference: true, receivedAt: true, notificationDueAt: true, amazonNotifiedAt: true, amazonNoticeOnTime: true },
      orderBy: { receivedAt: "asc" },
    }),
    database.incident.findMany({
      where: { status: "closed", closedAt: { gte: since } },
      select: { reference: true, closureDescription: true, rootCause: true, remediationActions: true, correctiveControls: true },
    }),
    database.thirdPartyNotification.findMany({ where: { notifiedAt: { gte: since } }, select: { basis: true, incident: { select: { reference: true } } } }),
    database.evidenceItem.count(),
    database.evidenceItem.findMany({ select: { id: true, label: true, lastVerifiedOk: true } }),
    database.user.count({ where: { status: "active" } }),
    database.user.count({ where: { status: "active", mfaEnrolledAt: null } }),
    database.alarm.count({ where: { status: "open", firstSeenAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } }),
    database.controlAttestation.findMany({ orderBy: { attestedAt: "desc" }, take: 500 }),
    database.controlOwner.findMany(),
    // Open findings with their remediation deadlines, as the clock registry lists them.
    clockSource("finding.due").listOpen(database, now, { dueBefore: END_OF_TIME, scope: { kind: "all" } }),
  ]);

  // One pass over every ledger, grouped by item, rather than a query per item.
  const brokenLedgers: string[] = [];
  const entries = await database.custodyEntry.findMany({ orderBy: [{ evidenceId: "asc" }, { sequence: "asc" }] });
  const byItem = new Map<string, typeof entries>();
  for (const entry of entries) {
    const list = byItem.get(entry.evidenceId) ?? [];
    list.push(entry);
    byItem.set(entry.evidenceId, list);
  }
  for (const item of brokenCandidates) {
    const ledger = byItem.get(item.id) ?? [];
    const problem = verifyCustodyChain(ledger.map((e) => ({ ...e, action: e.action as TCustodyAction, details: e.details as Record<string, unknown> })));
    if (problem || ledger.length === 0) brokenLedgers.push(item.label);
  }

  const people = await database.user.findMany({
    where: { id: { in: [...new Set([...attestations.map((a) => a.attestedById), ...owners.map((o) => o.ownerId)])] } },
    select: { id: true, displayName: true },
  });
  const name = new Map(people.map((p) => [p.id, p.displayName]));

  return {
    version,
    amazonNotices: incidents.map((i) => ({
      reference: i.reference,
      startedAt: i.detectedAt,
      dueAt: i.notificationDueAt,
      notifiedAt: i.amazonNotifiedAt,
      onTime: i.amazonNoticeOnTime,
      exempt: i.status === "false_positive",
    })),
    legalNotices: legal.map((l) => ({ reference: l.reference, startedAt: l.receivedAt, dueAt: l.notificationDueAt, notifiedAt: l.amazonNotifiedAt, onTime: l.amazonNoticeOnTime })),
    closedIncidents: closed.map((c) => ({
      reference: c.reference,
      missing: [
        ...(c.closureDescription ? [] : ["description"]),
        ...(c.rootCause ? [] : ["root cause"]),
        ...(c.remediationActions ? [] : ["remediation actions"]),
        ...(c.correctiveControls ? [] : ["corrective controls"]),
      ],
    })),
    thirdPartyNotifications: thirdParty.map((t) => ({ incidentReference: t.incident.reference, basis: t.basis })),
    evidence: { items: evidenceItems, brokenLedgers, failedIntegrity: brokenCandidates.filter((i) => i.lastVerifiedOk === false).map((i) => i.label) },
    auditLog,
    accounts: { active: activeUsers, withoutMfa, lockoutThreshold: VIGIL_LOCKOUT_THRESHOLD },
    piiReaderRoles: ROLES.filter((role) => ROLE_GRANTS[role]["pii.read"] !== undefined),
    alarms: { rulesActive: alarmRulesActive, openUnacknowledgedOver24h: staleAlarms },
    attestations: attestations
      .filter((a) => a.policyVersion === version)
      .map((a) => ({
        controlId: a.controlId,
        status: a.status === "met" ? "met" : "not_met",
        attestedByName: name.get(a.attestedById) ?? "Unknown",
        attestedAt: a.attestedAt,
        evidence: a.evidence,
        nextDueAt: a.nextDueAt,
      })),
    owners: Object.fromEntries(owners.map((o) => [o.controlId, name.get(o.ownerId) ?? "Unknown"])),
    openFindings: openFindings.map((item) => ({ controlId: item.facts!.controlId!, reference: item.reference, dueDate: item.dueAt })),
    plans: await gatherPlanFacts(database),
  };
}
