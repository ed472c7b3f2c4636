import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { raiseAlarm } from "@/lib/alarms";

/** Roles that open incidents or personal data: granting one is an alarm for the security leads to look at. */
const ALARMED_ROLES: readonly Role[] = ["security_lead", "privacy_officer"];

export const ROLE_GRANT_ALARM_RULE = "user.privileged-role-granted";

/**
 * Raises the alarm, in the granting transaction, when `to` adds the security lead or privacy
 * officer role to `from` (a role change, an invitation, the first-run setup). Another grant to
 * the same person while the alarm is active adds to its count.
 */
export async function alarmOnRoleGrant(tx: Tx, actor: Actor, grant: { userId: string; from: readonly Role[]; to: readonly Role[]; at: Date }): Promise<void> {
  const roles = ALARMED_ROLES.filter((role) => grant.to.includes(role) && !grant.from.includes(role));
  if (roles.length === 0) return;
  await raiseAlarm(tx, actor, {
    rule: ROLE_GRANT_ALARM_RULE,
    subjectKey: `user:${grant.userId}`,
    title: "Security lead or privacy officer role granted",
    details: { userId: grant.userId, roles, grantedBy: actorId(actor) },
    firstSeenAt: grant.at,
    lastSeenAt: grant.at,
    count: 1,
  });
}
