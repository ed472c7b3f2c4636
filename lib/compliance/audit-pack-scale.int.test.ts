// Measures the audit pack over 2,000 incidents and 200 evidence items: the time to stream it
// and the memory it takes on the way. The numbers are printed, not asserted (machines differ);
// what is asserted is that the pack is whole.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createPhysicalEvidence } from "@/lib/evidence/create-evidence";
import { readZip } from "@/test/support/zip";
import { exportAuditPack, type TAuditPackManifest } from "./audit-pack";

const INCIDENTS = 2_000;
const EVIDENCE = 200;

describe("audit pack at scale", () => {
  afterAll(async () => {
    await db().$disconnect();
  });

  it(`streams a pack over ${INCIDENTS} incidents and ${EVIDENCE} evidence items`, { timeout: 600_000 }, async () => {
    const lead: Actor & { kind: "user" } = { kind: "user", userId: "usr_pack_scale_lead", roles: ["security_lead"] };
    await db().user.create({ data: { id: lead.userId, email: "scale.lead@example.test", displayName: "Scale Lead", status: "active", roles: ["security_lead"] } });
    const type = await db().incidentType.findFirstOrThrow();
    const start = Date.now() - 400 * 86_400_000;
    await db().incident.createMany({
      data: Array.from({ length: INCIDENTS }, (_, i) => {
        const detectedAt = new Date(start + i * 3_600_000);
        return {
          id: `inc_scale_${i}`,
          reference: `INC-2025-${String(i + 1).padStart(4, "0")}`,
          title: `Scale incident ${i}`,
          summary: "Generated for the audit pack measurement.",
          typeId: type.id,
          severity: (["SEV1", "SEV2", "SEV3", "SEV4"] as const)[i % 4]!,
          status: i % 3 === 0 ? "closed" : "triaged",
          detectedAt,
          amazonInfoAnswer: i % 2 === 0 ? "yes" : "no",
          amazonInfoInvolved: i % 2 === 0,
          notificationDueAt: i % 2 === 0 ? new Date(detectedAt.getTime() + 86_400_000) : null,
          amazonNotifiedAt: i % 2 === 0 ? new Date(detectedAt.getTime() + 3_600_000) : null,
          amazonNoticeOnTime: i % 2 === 0 ? true : null,
          closedAt: i % 3 === 0 ? new Date(detectedAt.getTime() + 5 * 86_400_000) : null,
          reportedById: lead.userId,
          createdById: lead.userId,
          memberIds: [lead.userId],
        };
      }),
    });
    for (let i = 0; i < EVIDENCE; i++) {
      await createPhysicalEvidence(lead, `INC-2025-${String((i % 50) + 1).padStart(4, "0")}`, {
        description: `Item ${i}: laptop of the affected employee`,
        collectedAt: new Date(Date.now() - 86_400_000).toISOString(),
        collectionMethod: "Handed over at reception",
        storageLocation: "Safe 2, London office",
      });
    }

    const gc = globalThis.gc;
    if (!gc) throw new Error("run with --expose-gc (vitest.config.ts sets it for integration tests)");
    const live = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    gc();
    const baseline = live();
    const baselineRss = process.memoryUsage().rss;
    let peak = 0;
    let peakRss = 0;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pack-scale-")), "pack.zip");
    const out = fs.createWriteStream(file);
    const hash = createHash("sha256");
    let chunks = 0;

    const started = performance.now();
    const pack = await exportAuditPack(lead);
    for await (const part of pack.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(part);
      if (!out.write(part)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      if (++chunks % 16 === 0) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss - baselineRss);
        gc();
        peak = Math.max(peak, live() - baseline);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const size = fs.statSync(file).size;
    console.log(
      `audit pack: ${INCIDENTS} incidents, ${EVIDENCE} evidence items: ${seconds.toFixed(1)} s, ${(size / 1024 / 1024).toFixed(1)} MiB ZIP, ` +
        `peak live memory above baseline ${(peak / 1024 / 1024).toFixed(1)} MiB (heap + buffers, after GC), peak RSS growth ${(peakRss / 1024 / 1024).toFixed(1)} MiB`,
    );

    const entries = await readZip(fs.readFileSync(file));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as TAuditPackManifest;
    expect(manifest.counts).toMatchObject({ incidents: INCIDENTS, evidenceItems: EVIDENCE });
    expect(manifest.auditLog.intact).toBe(true);
    expect(entries.get("incidents.csv")!.toString("utf8").trimEnd().split("\r\n")).toHaveLength(INCIDENTS + 1);
    // The custody section: two CSVs and a PDF per 500 items, however many items.
    expect([...entries.keys()].filter((k) => k.startsWith("custody/"))).toHaveLength(2 + Math.ceil(EVIDENCE / 500));
    expect(entries.get("custody/items.csv")!.toString("utf8").trimEnd().split("\r\n")).toHaveLength(EVIDENCE + 1);
    for (const f of manifest.files) expect(createHash("sha256").update(entries.get(f.path)!).digest("hex"), f.path).toBe(f.sha256);
  });
});
