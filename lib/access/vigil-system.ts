import "server-only";
// Vigil itself is a system in scope from the start: its accounts are Vigil's users, with their
// roles, MFA and last sign-in, brought in automatically (on every access page load, every hour
// and when a campaign opens), so Vigil's access is reviewed like any other system's.
import { systemActor } from "@/lib/auth/actor";
import { LOCK_THRESHOLD } from "@/lib/auth/lockout";
import { PASSWORD_HISTORY } from "@/lib/auth/password";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { nextReference } from "@/lib/core/references";
import type { Tx } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { VIGIL_BUILT_IN } from "./access-access";
import { refreshFlags } from "./refresh-flags";

/** Vigil's own system row, created the first time it is needed, its sign-in settings kept to what Vigil enforces. */
export async function ensureVigilSystem(tx: Tx, now: Date): Promise<{ id: string; created: boolean }> {
  const settings = { lockoutThreshold: LOCK_THRESHOLD, passwordHistory: PASSWORD_HISTORY, mfaEnforced: true };
  const existing = await tx.asset.findUnique({ where: { builtIn: VIGIL_BUILT_IN }, select: { id: true, lockoutThreshold: true, passwordHistory: true, mfaEnforced: true } });
  if (existing) {
    if (existing.lockoutThreshold !== settings.lockoutThreshold || existing.passwordHistory !== settings.passwordHistory || existing.mfaEnforced !== true) {
      await tx.asset.update({ where: { id: existing.id }, data: settings });
    }
    return { id: existing.id, created: false };
  }
  // Two first visits at once: the unique builtIn lets one insert win; the other reads it.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('access:vigil-system'))`;
  const again = await tx.asset.findUnique({ where: { builtIn: VIGIL_BUILT_IN }, select: { id: true } });
  if (again) return { id: again.id, created: false };
  const id = newId("ast");
  await tx.asset.create({
    data: {
      id,
      reference: await nextReference(tx, "SYS", now),
      kind: "system",
      name: "Vigil",
      description: "This security and compliance tool. Its accounts are Vigil's users, brought in automatically.",
      holdsAmazonInfo: true,
      builtIn: VIGIL_BUILT_IN,
      ...settings,
      createdById: "system",
      createdAt: now,
    },
  });
  return { id, created: true };
}

/** Brings Vigil's users in as the accounts of the Vigil system; writes only what changed. */
export async function syncVigilAccounts(tx: Tx, now: Date): Promise<{ added: number; changed: number }> {
  const system = await ensureVigilSystem(tx, now);
  const [users, accounts, people] = await Promise.all([
    tx.user.findMany({ select: { id: true, displayName: true, roles: true, status: true, mfaEnrolledAt: true, lastSignInAt: true, createdAt: true, deactivatedAt: true } }),
    tx.accessAccount.findMany({ where: { systemId: system.id } }),
    tx.person.findMany({ where: { userId: { not: null } }, select: { id: true, userId: true } }),
  ]);
  const byUser = new Map(accounts.map((a) => [a.userId, a]));
  const personOf = new Map(people.map((p) => [p.userId!, p.id]));
  let added = 0;
  let changed = 0;
  const touched: string[] = [];
  for (const user of users) {
    const data = {
      identifier: user.displayName,
      identifierKey: user.id,
      kind: "human" as const,
      personId: personOf.get(user.id) ?? null,
      privileges: user.roles.map((r) => ROLE_LABELS[r]).join(", ") || null,
      lastUsedAt: user.lastSignInAt,
      mfa: user.mfaEnrolledAt !== null,
      accountCreatedOn: utcDay(user.createdAt),
      status: user.status === "deactivated" ? ("revoked" as const) : ("active" as const),
      revokedAt: user.status === "deactivated" ? (user.deactivatedAt ?? now) : null,
    };
    const account = byUser.get(user.id);
    if (!account) {
      const id = newId("acc");
      await tx.accessAccount.create({ data: { id, systemId: system.id, userId: user.id, ...data, alsoUsedByIds: [], flags: [], createdById: "system", createdAt: now } });
      touched.push(id);
      added += 1;
      continue;
    }
    const differs =
      account.identifier !== data.identifier ||
      account.personId !== data.personId ||
      account.privileges !== data.privileges ||
      account.lastUsedAt?.getTime() !== data.lastUsedAt?.getTime() ||
      account.mfa !== data.mfa ||
      account.status !== data.status;
    if (differs) {
      // A late revocation stays recorded: revokedLate is never cleared here.
      await tx.accessAccount.update({ where: { id: account.id }, data: { ...data, revokedAt: data.status === "revoked" ? (account.revokedAt ?? data.revokedAt) : null } });
      touched.push(account.id);
      changed += 1;
    }
  }
  if (touched.length || system.created) {
    await refreshFlags(tx, { id: { in: touched } }, now);
    await recordAuditEvent(tx, { actor: systemActor("reminders"), action: "access.vigil-accounts-synced", target: { type: "access-system", id: system.id }, details: { added, changed } });
  }
  return { added, changed };
}
