// The module boundary rule (eslint.config.mjs): a module reaching into another module's
// internals fails lint; the same import through the public entry point passes.
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = fs.readFileSync(path.join(root, "test/fixtures/cross-module-import.ts.txt"), "utf8");
const RULE_MESSAGE = /public entry point/;

async function lintAs(filePath: string, code: string) {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("module boundaries", { timeout: 60_000 }, () => {
  it("refuses an import of another module's internal file", async () => {
    const messages = await lintAs("lib/evidence/boundary-fixture.ts", fixture);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(RULE_MESSAGE);
  });

  it("allows the public entry points, the ground floor, the module's own files and tests", async () => {
    const throughEntryPoints = fixture.replace("@/lib/incidents/create-incident", "@/lib/incidents").replace("export const", "import type { TIncidentListRow } from \"@/lib/incidents/types\";\nexport type T = TIncidentListRow;\nexport const");
    expect(await lintAs("lib/evidence/boundary-fixture.ts", throughEntryPoints)).toEqual([]);
    expect(await lintAs("lib/incidents/boundary-fixture.ts", fixture)).toEqual([]);
    expect(await lintAs("lib/evidence/boundary-fixture.test.ts", fixture)).toEqual([]);
  });
});
