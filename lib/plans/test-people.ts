// Test support for the plans integration tests: people with roles, and the latest audit event.
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

export type TUserActor = Actor & { kind: "user" };

/** An active, MFA-enrolled person "Person <key>" with these roles. */
export async function testPerson(prefix: string, key: string, roles: Role[]): Promise<TUserActor> {
  const id = `usr_${prefix}_${key}`;
  await db().user.create({ data: { id, email: `${key}.${prefix}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

export function lastEvent(action: string) {
  return db().auditEvent.findFirst({ where: { action }, orderBy: { sequence: "desc" } });
}
