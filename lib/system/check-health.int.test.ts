import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { checkHealth } from "./check-health";

describe("checkHealth against PostgreSQL", () => {
  afterAll(async () => {
    await db().$disconnect();
  });

  it("reports ok with the number of applied migrations on the test database", async () => {
    const health = await checkHealth();
    expect(health).toMatchObject({ status: "ok", database: "ok", databaseMode: "server" });
    expect(health.migrations).toBeGreaterThanOrEqual(1);
  });

  it("reports unavailable, without throwing, when the database cannot be reached", async () => {
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgres://postgres@127.0.0.1:5999/none", connectionTimeoutMillis: 1_000 }),
    });
    const health = await checkHealth(unreachable);
    expect(health).toMatchObject({ status: "unavailable", database: "unreachable" });
  });

  it("stores and reads a user through the Prisma client", async () => {
    await db().user.create({ data: { id: "usr_health", email: "a.person@example.com", displayName: "A Person" } });
    const found = await db().user.findUnique({ where: { email: "a.person@example.com" } });
    expect(found?.status).toBe("invited");
  });
});
