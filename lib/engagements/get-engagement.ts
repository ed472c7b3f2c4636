import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { engagementBasics, engagementState } from "./engagement-rules";
import type { TEngagementDetail } from "./types";

/** One engagement with its auditors (account state, access end) and evidence grants. */
export async function getEngagement(actor: Actor, reference: string): Promise<TEngagementDetail> {
  await authorize(actor, "compliance.read", { type: "engagement", id: reference });
  const at = now();
  const e = await db().auditEngagement.findUnique({
    where: { reference },
    include: { auditors: { orderBy: { addedAt: "asc" } }, grants: { orderBy: { grantedAt: "desc" } } },
  });
  if (!e) throw new AppError("NOT_FOUND", "No such engagement.");
  const evidence = await db().evidenceItem.findMany({
    where: { id: { in: e.grants.map((g) => g.evidenceId) } },
    select: { id: true, label: true, incident: { select: { reference: true } } },
  });
  const peopleIds = [...e.auditors.map((a) => a.userId), ...e.grants.map((g) => g.grantedById), e.createdById];
  const people = await db().user.findMany({
    where: { id: { in: [...new Set(peopleIds)] } },
    select: { id: true, displayName: true, status: true, accessEndsAt: true, lockedUntil: true },
  });
  const person = new Map(people.map((p) => [p.id, p]));
  const item = new Map(evidence.map((x) => [x.id, x]));
  return {
    id: e.id,
    ...engagementBasics(e),
    endedAt: e.endedAt?.toISOString() ?? null,
    state: engagementState(e, at),
    createdByName: person.get(e.createdById)?.displayName ?? "Unknown",
    auditors: e.auditors.map((a) => {
      const p = person.get(a.userId);
      return { userId: a.userId, name: p?.displayName ?? "Unknown", accountState: p ? accountState(p, at) : "unknown", accessEndsAt: p?.accessEndsAt?.toISOString() ?? null, addedAt: a.addedAt.toISOString() };
    }),
    grants: e.grants.map((g) => ({
      id: g.id,
      evidenceLabel: item.get(g.evidenceId)?.label ?? g.evidenceId,
      incidentReference: item.get(g.evidenceId)?.incident.reference ?? "",
      grantedByName: person.get(g.grantedById)?.displayName ?? "Unknown",
      grantedAt: g.grantedAt.toISOString(),
      revokedAt: g.revokedAt?.toISOString() ?? null,
    })),
    canManage: can(actor, "compliance.manage"),
    canReadActivity: can(actor, "audit.read"),
  };
}

/** What a security lead needs to know about an auditor's account, in words. */
function accountState(p: { status: string; accessEndsAt: Date | null; lockedUntil: Date | null }, at: Date): string {
  if (p.status === "deactivated") return "Deactivated";
  if (p.accessEndsAt && p.accessEndsAt <= at) return "Access ended";
  if (p.status === "invited") return "Invited, not yet set up";
  if (p.status === "locked" || (p.lockedUntil && p.lockedUntil > at)) return "Locked";
  return "Active";
}
