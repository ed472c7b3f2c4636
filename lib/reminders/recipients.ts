import "server-only";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/policy";

/** Ids of the people who hold a role and can act on a reminder (active accounts). */
export async function activeUserIdsWithRole(database: Db, role: Role): Promise<string[]> {
  const users = await database.user.findMany({
    where: { roles: { has: role }, status: "active" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return users.map((u) => u.id);
}
