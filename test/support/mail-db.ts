// Helpers for integration tests of mail and reminders: a second database client with its own
// connection pool (to race two sweeps for real), users, and a clean slate between tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Role } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";

export function separateClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests run through scripts/with-test-db.ts (DATABASE_URL is unset)");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 5 }) });
}

/** Empties the mail and reminder tables, and removes users and alarms tests made. */
export async function resetMailState(database: PrismaClient): Promise<void> {
  await database.mailDelivery.deleteMany();
  await database.outboxEmail.deleteMany();
  await database.sentReminder.deleteMany();
  await database.digestItem.deleteMany();
  await database.notificationPreference.deleteMany();
  await database.periodicJobRun.deleteMany();
  await database.alarm.deleteMany();
  await database.oneTimeToken.deleteMany({ where: { userId: { startsWith: "usr_t" } } });
  await database.user.deleteMany({ where: { id: { startsWith: "usr_t" } } });
}

export async function makeUser(
  database: PrismaClient,
  fields: { roles: Role[]; status?: "invited" | "active" | "locked" | "deactivated"; accessEndsAt?: Date; timeZone?: string; invitedById?: string },
): Promise<{ id: string; email: string }> {
  const id = `usr_t${newId("x").slice(2, 14)}`;
  const email = `${id}@example.test`;
  await database.user.create({
    data: {
      id,
      email,
      displayName: `Test ${id}`,
      roles: fields.roles,
      status: fields.status ?? "active",
      accessEndsAt: fields.accessEndsAt ?? null,
      timeZone: fields.timeZone ?? "UTC",
      invitedById: fields.invitedById ?? null,
    },
  });
  return { id, email };
}
