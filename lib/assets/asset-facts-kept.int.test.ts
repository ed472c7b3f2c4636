import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { makeUser } from "@/test/incidents/fixtures";
import { captureStatements } from "@/scripts/bench/measure";
import { addAsset, gatherAssetFacts, updateAsset } from "./index";

// Issue 16: the compliance map keeps the asset facts (every asset in use with its gaps) while the
// tables they are read from are unchanged and the day is the same. The database raises a version
// in the transaction of every statement that writes one of those tables, whoever writes it.

const TABLES = ["Asset", "RetentionRule", "ProcessingRecord", "InventoryReview", "PurgeAttestation"] as const;
const version = async () => (await db().factsVersion.findUniqueOrThrow({ where: { name: "assets" } })).version;
const NOW = new Date("2026-12-01T10:00:00Z");
const store = { kind: "data_store", name: "Kept facts store", location: "eu-west-1", holdsAmazonInfo: "on", holdsPersonalData: "on", personalDataFields: "Email", atRestAlgorithm: "aes_256", atRestKeyManagement: "kms", inTransitMinTls: "tls1_2" };

let lead: Actor & { kind: "user" };
beforeAll(async () => {
  lead = await makeUser(["security_lead"], "Lead");
});
afterAll(async () => {
  await db().$disconnect();
});

/** Two reads with no write between them (other test files write assets meanwhile: try again then). */
async function twoReadsWithoutAChange() {
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = await version();
    const first = await gatherAssetFacts(db(), NOW);
    const statements = await captureStatements(() => gatherAssetFacts(db(), NOW));
    const second = await gatherAssetFacts(db(), NOW);
    if ((await version()) === before) return { first, second, statements };
  }
  throw new Error("the asset tables changed during every attempt");
}

describe("the asset facts the compliance map keeps", () => {
  it("are kept while nothing they come from changes: a read then sends one statement, the version", async () => {
    const { first, second, statements } = await twoReadsWithoutAChange();
    expect(second).toBe(first);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.text).toContain("FactsVersion");
  });

  it("every statement writing one of the five tables raises the version in its transaction; a rolled-back one does not", async () => {
    for (const table of TABLES) {
      const before = await version();
      // A statement that changes no row still says the table may have changed.
      await db().$executeRawUnsafe(`UPDATE "${table}" SET "id" = "id" WHERE false`);
      expect(await version()).toBeGreaterThan(before);
    }
    const before = await version();
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`UPDATE "Asset" SET "id" = "id" WHERE false`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    // Only other test files' writes may have raised it meanwhile: never this transaction's.
    const after = await version();
    expect(after - before).toBeLessThan(5n);
  });

  it("a change made by hand in SQL, outside the application, shows in the next read", async () => {
    const { reference } = await addAsset(lead, { ...store, name: "Hand-changed store" });
    const before = await gatherAssetFacts(db(), NOW);
    expect(before.assets.find((a) => a.reference === reference)!.gaps.map((g) => g.code)).not.toContain("no-encryption-at-rest");
    await db().$executeRaw`UPDATE "Asset" SET "atRestAlgorithm" = 'none' WHERE "reference" = ${reference}`;
    const after = await gatherAssetFacts(db(), NOW);
    expect(after.assets.find((a) => a.reference === reference)!.gaps.map((g) => g.code)).toContain("no-encryption-at-rest");
  });

  it("a change through the service shows in the next read, and a new day reads again", async () => {
    const { reference } = await addAsset(lead, { ...store, name: "Service-changed store" });
    const before = await gatherAssetFacts(db(), NOW);
    expect(before.assets.find((a) => a.reference === reference)!.name).toBe("Service-changed store");
    await updateAsset(lead, reference, { ...store, name: "Renamed store" });
    expect((await gatherAssetFacts(db(), NOW)).assets.find((a) => a.reference === reference)!.name).toBe("Renamed store");

    const { first } = await twoReadsWithoutAChange();
    const nextDay = await gatherAssetFacts(db(), new Date("2026-12-02T00:00:01Z"));
    expect(nextDay).not.toBe(first);
  });

  it("inside a transaction the facts are read on its snapshot, never kept: its own uncommitted change shows, and nothing of it stays after the rollback", async () => {
    const { reference } = await addAsset(lead, { ...store, name: "Snapshot store" });
    await gatherAssetFacts(db(), NOW);
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Asset" SET "name" = 'Uncommitted name' WHERE "reference" = ${reference}`;
        const inside = await gatherAssetFacts(tx as never, NOW);
        expect(inside.assets.find((a) => a.reference === reference)!.name).toBe("Uncommitted name");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await gatherAssetFacts(db(), NOW)).assets.find((a) => a.reference === reference)!.name).toBe("Snapshot store");
  });
});
