import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { engagementBasics } from "./engagement-rules";
import type { TEvidenceAuditorAccess, TMyEngagement } from "./types";

/** Accounts a security lead may put on an engagement: auditor as the only role, not deactivated. */
export async function listAuditorCandidates(actor: Actor): Promise<{ id: string; name: string }[]> {
  await authorize(actor, "compliance.manage", { type: "engagement", id: "auditor-candidates" });
  const users = await db().user.findMany({
    where: { roles: { equals: ["auditor"] }, status: { not: "deactivated" } },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true },
    take: 500,
  });
  return users.map((u) => ({ id: u.id, name: u.displayName }));
}

/** The "Auditor access" panel of an evidence item, for people who manage engagements; null for others. */
export async function evidenceAuditorAccess(actor: Actor, evidenceId: string): Promise<TEvidenceAuditorAccess | null> {
  if (!can(actor, "compliance.manage")) return null;
  const at = now();
  const grants = await db().evidenceGrant.findMany({
    where: { evidenceId, revokedAt: null },
    orderBy: { grantedAt: "desc" },
    include: { engagement: { select: { id: true, reference: true, name: true, startsAt: true, endsAt: true, endedAt: true } } },
  });
  const granted = new Set(grants.map((g) => g.engagementId));
  const open = await db().auditEngagement.findMany({
    where: { endedAt: null, endsAt: { gt: at } },
    orderBy: { startsAt: "desc" },
    select: { id: true, reference: true, name: true },
    take: 200,
  });
  return {
    grants: grants.map((g) => ({
      id: g.id,
      engagementReference: g.engagement.reference,
      engagementName: g.engagement.name,
      grantedAt: g.grantedAt.toISOString(),
      live: !g.engagement.endedAt && g.engagement.endsAt > at && g.engagement.startsAt <= at,
    })),
    engagements: open.filter((e) => !granted.has(e.id)).map((e) => ({ id: e.id, label: `${e.reference} · ${e.name}` })),
  };
}

/** The signed-in auditor's engagements that are not over, with the files granted to them. */
export async function myEngagements(actor: Actor): Promise<TMyEngagement[]> {
  if (actor.kind !== "user" || !actor.roles.includes("auditor")) return [];
  const at = now();
  const engagements = await db().auditEngagement.findMany({
    where: { endedAt: null, endsAt: { gt: at }, auditors: { some: { userId: actor.userId } } },
    orderBy: { startsAt: "asc" },
    include: { grants: { where: { revokedAt: null }, orderBy: { grantedAt: "asc" }, select: { evidenceId: true } } },
  });
  const items = await db().evidenceItem.findMany({
    where: { id: { in: engagements.flatMap((e) => e.grants.map((g) => g.evidenceId)) }, status: { not: "destroyed" } },
    select: { id: true, label: true, description: true, fileName: true, incident: { select: { reference: true } } },
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  return engagements.map((e) => ({
    ...engagementBasics(e),
    // Files are downloadable only once the engagement has started.
    files:
      e.startsAt > at
        ? []
        : e.grants.flatMap((g) => {
            const i = byId.get(g.evidenceId);
            return i ? [{ label: i.label, incidentReference: i.incident.reference, description: i.description, fileName: i.fileName }] : [];
          }),
  }));
}
