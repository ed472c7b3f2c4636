import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/client";
import { expectAppError, makeUser } from "@/test/incidents/fixtures";
import { commitImport } from "./commit-import";
import type { TImportKind } from "./import-kind";
import { previewImport } from "./preview-import";
import { saveImportMapping } from "./save-import-mapping";

// A kind defined here for the test: limits kept as Setting rows "csvtest.<name>" = { limit }.
const PREFIX = "csvtest.";
type TLimit = { name: string; limit: number };
const limits: TImportKind<TLimit> = {
  kind: "test.limits",
  fields: ["name", "limit"],
  permission: "settings.manage",
  schema: z.object({
    name: z.string().regex(/^[a-z0-9-]+$/, "Use lower-case letters, digits and dashes."),
    limit: z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(0),
  }),
  keyOf: (row) => row.name,
  async loadExisting(tx: Tx) {
    const rows = await tx.setting.findMany({ where: { key: { startsWith: PREFIX } } });
    return new Map(rows.map((r) => [r.key.slice(PREFIX.length), { name: r.key.slice(PREFIX.length), limit: (r.value as { limit: number }).limit }]));
  },
  diff: (row, existing) => (row.limit === existing.limit ? [] : ["limit"]),
  async apply(tx, plan) {
    for (const entry of plan.rows) {
      if (entry.class === "removed") await tx.setting.delete({ where: { key: PREFIX + entry.key } });
      else await tx.setting.upsert({ where: { key: PREFIX + entry.key }, create: { key: PREFIX + entry.key, value: { limit: entry.row!.limit } }, update: { value: { limit: entry.row!.limit } } });
    }
  },
};

let admin: Actor, lead: Actor;
const stored = async () => Object.fromEntries((await db().setting.findMany({ where: { key: { startsWith: PREFIX } }, orderBy: { key: "asc" } })).map((s) => [s.key.slice(PREFIX.length), (s.value as { limit: number }).limit]));

beforeAll(async () => {
  admin = await makeUser(["admin"], "Admin");
  lead = await makeUser(["security_lead"], "Lead");
});
beforeEach(async () => {
  await db().setting.deleteMany({ where: { key: { startsWith: PREFIX } } });
  await db().csvImportMapping.deleteMany({ where: { kind: limits.kind } });
});
afterAll(async () => {
  await db().$disconnect();
});

describe("CSV import", () => {
  it("reports each bad row with its line and reason, and writes nothing", async () => {
    const file = "name,limit\nexports,200\ndownloads,lots\n\nexports,300\nBad Name,1\n";
    const preview = await previewImport(admin, limits, file);
    expect(preview.problems).toEqual([
      { line: 3, reason: "limit: Enter a number." },
      { line: 5, reason: "The same record (exports) is also on line 2." },
      { line: 6, reason: "name: Use lower-case letters, digits and dashes." },
    ]);
    expect(preview.counts).toMatchObject({ added: 1, problems: 3 });
    await expectAppError(commitImport(admin, limits, preview.id), "VALIDATION");
    expect(await stored()).toEqual({});
    expect((await db().csvImportPreview.findUniqueOrThrow({ where: { id: preview.id } })).status).toBe("previewed");
  });

  it("adds, changes and removes in one commit with one audit event of counts, and the same file twice changes nothing", async () => {
    await db().setting.createMany({ data: [{ key: `${PREFIX}exports`, value: { limit: 100 } }, { key: `${PREFIX}old`, value: { limit: 5 } }] });
    const file = "name,limit\nexports,200\ndownloads,50\n";
    const first = await previewImport(admin, limits, file);
    expect(first.entries).toEqual([
      { key: "exports", class: "changed", line: 2, changedFields: ["limit"] },
      { key: "downloads", class: "added", line: 3 },
      { key: "old", class: "removed" },
    ]);
    expect(await stored()).toEqual({ exports: 100, old: 5 });
    expect(await commitImport(admin, limits, first.id)).toEqual({ added: 1, changed: 1, unchanged: 0, removed: 1, problems: 0 });
    expect(await stored()).toEqual({ downloads: 50, exports: 200 });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "import.committed", targetId: first.id } });
    expect(event.details).toEqual({ kind: "test.limits", added: 1, changed: 1, unchanged: 0, removed: 1, problems: 0 });
    await expectAppError(commitImport(admin, limits, first.id), "INVALID_STATE");

    const before = await db().setting.findMany({ where: { key: { startsWith: PREFIX } }, orderBy: { key: "asc" } });
    const second = await previewImport(admin, limits, file);
    expect(second.counts).toEqual({ added: 0, changed: 0, unchanged: 2, removed: 0, problems: 0 });
    await commitImport(admin, limits, second.id);
    expect(await db().setting.findMany({ where: { key: { startsWith: PREFIX } }, orderBy: { key: "asc" } })).toEqual(before);
  });

  it("checks the data again on commit: a change since the preview refuses the whole import", async () => {
    await db().setting.create({ data: { key: `${PREFIX}exports`, value: { limit: 100 } } });
    const preview = await previewImport(admin, limits, "name,limit\nexports,200\ndownloads,50\n");
    await db().setting.update({ where: { key: `${PREFIX}exports` }, data: { value: { limit: 200 } } });
    await expectAppError(commitImport(admin, limits, preview.id), "CONFLICT");
    expect(await stored()).toEqual({ exports: 200 });
    // Previewed again, the plan says what it would do now, and commits.
    const again = await previewImport(admin, limits, "name,limit\nexports,200\ndownloads,50\n");
    expect(again.counts).toMatchObject({ added: 1, unchanged: 1 });
    await commitImport(admin, limits, again.id);
    expect(await stored()).toEqual({ downloads: 50, exports: 200 });
  });

  it("saves a column mapping per kind and uses it for the next file", async () => {
    const file = "Limit name,Maximum,Comment\nexports,70,ignored\n";
    expect((await previewImport(admin, limits, file)).problems).toHaveLength(1);
    await expectAppError(saveImportMapping(admin, limits, { "Limit name": "name", Maximum: "colour" }), "VALIDATION");
    await saveImportMapping(admin, limits, { "Limit name": "name", Maximum: "limit" });
    const preview = await previewImport(admin, limits, file);
    expect(preview.problems).toEqual([]);
    expect(preview.entries).toEqual([{ key: "exports", class: "added", line: 2 }]);
    await commitImport(admin, limits, preview.id);
    expect(await stored()).toEqual({ exports: 70 });
    await expectAppError(previewImport(admin, limits, "name,limit\nx,1\n"), "VALIDATION");
  });

  it("is refused without the kind's permission", async () => {
    await expectAppError(previewImport(lead, limits, "name,limit\nexports,1\n"), "FORBIDDEN");
    await expectAppError(saveImportMapping(lead, limits, { name: "name" }), "FORBIDDEN");
    expect(await db().csvImportPreview.count({ where: { createdById: (lead as { userId: string }).userId } })).toBe(0);
  });
});
