// Two answers to one custody transfer at the same moment (accept and decline, on separate
// connections): exactly one succeeds and the ledger holds one answer.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createIncident } from "@/lib/incidents/create-incident";
import { baseIncident, makeUser } from "@/test/incidents/fixtures";
import { createPhysicalEvidence } from "./create-evidence";
import { getEvidence } from "./get-evidence";
import { acceptCustodyTransfer } from "./accept-custody-transfer";
import { declineCustodyTransfer } from "./decline-custody-transfer";
import { requestCustodyTransfer } from "./request-custody-transfer";

beforeAll(() => {
  (globalThis as { vigilPrisma?: PrismaClient }).vigilPrisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 10, connectionTimeoutMillis: 5_000 }),
  });
});

describe("answering a custody transfer", () => {
  it("accepting and declining at once: one answer wins, the other is refused, the ledger records one", async () => {
    const lead = await makeUser(["security_lead"]);
    const receiver = await makeUser(["responder"]);
    const { reference } = await createIncident(lead, { ...baseIncident, detectedAt: "2026-11-28T10:30" });
    for (let round = 0; round < 5; round++) {
      const item = await createPhysicalEvidence(lead, reference, {
        description: `Laptop ${round}`,
        collectedAt: new Date(Date.now() - 600_000).toISOString(),
        collectionMethod: "Handed over",
        storageLocation: "Safe 1",
      });
      const { transferId } = await requestCustodyTransfer(lead, item.label, { toUserId: receiver.userId, purpose: "Imaging", location: "Lab" });
      const results = await Promise.allSettled([
        acceptCustodyTransfer(receiver, { transferId }),
        declineCustodyTransfer(receiver, { transferId, note: "Wrong case" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "INVALID_STATE" });
      const detail = await getEvidence(lead, item.label, { recordView: false });
      const answers = detail.ledger.filter((e) => e.action === "transferred" || e.action === "transfer-declined");
      expect(answers).toHaveLength(1);
      const transfer = await db().custodyTransfer.findUniqueOrThrow({ where: { id: transferId } });
      expect(transfer.status).toBe(answers[0]!.action === "transferred" ? "accepted" : "declined");
      expect(detail.custodianId).toBe(answers[0]!.action === "transferred" ? receiver.userId : lead.userId);
    }
  });
});
