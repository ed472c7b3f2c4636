import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { controlsFor, policyVersion } from "@/lib/compliance";
import { db } from "@/lib/db/client";

export interface TFindingFormOptions {
  controls: { value: string; label: string }[];
  owners: { value: string; label: string }[];
  engagements: { value: string; label: string }[];
}

/** What the finding forms offer: the policy version's controls, possible owners, engagements. */
export async function findingFormOptions(actor: Actor): Promise<TFindingFormOptions> {
  if (!can(actor, "compliance.manage")) return { controls: [], owners: [], engagements: [] };
  const [version, users, engagements] = await Promise.all([
    policyVersion(db()),
    db().user.findMany({ where: { status: "active" }, select: { id: true, displayName: true, roles: true }, orderBy: { displayName: "asc" }, take: 1000 }),
    db().auditEngagement.findMany({ select: { id: true, reference: true, name: true }, orderBy: { startsAt: "desc" }, take: 200 }),
  ]);
  return {
    controls: controlsFor(version)
      .filter((c) => c.basis !== "informational")
      .map((c) => ({ value: c.id, label: `${c.id} ${c.title}` })),
    owners: users.filter((u) => u.roles.some((r) => r !== "auditor")).map((u) => ({ value: u.id, label: u.displayName })),
    engagements: engagements.map((e) => ({ value: e.id, label: `${e.reference} ${e.name}` })),
  };
}
