import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { checkSha256Sums } from "@/test/support/sha256sums";
import { readZip } from "@/test/support/zip";
import { logIncident } from "../incidents/helpers";
import { createUser, signIn } from "../support/users";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const PII = "Jordan Example-Person, jordan.example@example.com";

test.describe("audit pack", () => {
  test("an auditor exports the audit pack from the portal; the manifest and SHA256SUMS match what is inside, without personal data", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    await signIn(page, lead);
    const reference = await logIncident(page, { title: "Printed customer export lost in transit", amazon: true, pii: PII });
    await page.getByRole("link", { name: "Add evidence" }).click();
    const physical = page.getByRole("form", { name: "Record a physical item" });
    await physical.getByLabel("Description").fill("Courier envelope returned empty");
    await physical.getByLabel("Storage location").fill("Safe 2, London office");
    await physical.getByLabel("How and where it was collected").fill("Handed over by the courier at reception");
    await physical.getByRole("button", { name: "Record physical item" }).click();
    await page.waitForURL(/\/evidence\/EV-\d{4}-\d{4}$/);
    const label = new URL(page.url()).pathname.split("/").pop()!;

    const auditor = await createUser({ roles: ["auditor"], displayName: "Alex Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    await page.context().clearCookies();
    await signIn(page, auditor, "/auditor");
    const exportLink = page.getByRole("link", { name: "Export audit pack (ZIP)" });
    await expect(exportLink).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-audit-pack-auditor.png" });

    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^vigil-audit-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-audit-pack-"));
    try {
      const zipPath = path.join(dir, download.suggestedFilename());
      await download.saveAs(zipPath);
      const entries = await readZip(fs.readFileSync(zipPath));
      const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as {
        generatedBy: string;
        counts: { incidents: number; evidenceItems: number };
        auditLog: { intact: boolean };
        files: { path: string; size: number; sha256: string }[];
      };
      expect(manifest.generatedBy).toBe(auditor.id);
      expect(manifest.auditLog.intact).toBe(true);
      expect(manifest.files.map((f) => f.path)).toEqual(
        expect.arrayContaining([
          "compliance-map.pdf",
          "compliance-map.csv",
          "incidents.csv",
          "custody/items.csv",
          "custody/ledger.csv",
          "legal-requests.csv",
          "amazon-notices.csv",
          "findings.csv",
          "findings-history.csv",
          "certificates.csv",
          "audit-log-verification.pdf",
          "audit-log-verification.json",
        ]),
      );
      expect([...entries.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), "manifest.json", "SHA256SUMS"].sort());
      for (const file of manifest.files) {
        expect(sha256(entries.get(file.path)!), file.path).toBe(file.sha256);
        expect(entries.get(file.path)!.length, file.path).toBe(file.size);
      }
      // The item's custody: its row with the ledger verified when the pack was made, and a ledger PDF.
      expect(entries.get("custody/items.csv")!.toString("utf8")).toMatch(new RegExp(`\r\n${label},.*,intact \\(\\d+ entries\\),`));
      expect(manifest.files.some((f) => /^custody\/.+_to_.+\.pdf$/.test(f.path))).toBe(true);
      const incidents = entries.get("incidents.csv")!.toString("utf8");
      expect(incidents).toContain(`${reference},Printed customer export lost in transit,`);
      for (const [name, content] of entries) expect(content.toString("latin1").includes("Jordan Example-Person"), name).toBe(false);

      // The way an auditor checks it outside Vigil: unpack, then sha256sum -c (done here in
      // JavaScript, the same check, so the test needs no program outside npm install).
      for (const [name, content] of entries) {
        fs.mkdirSync(path.dirname(path.join(dir, "unpacked", name)), { recursive: true });
        fs.writeFileSync(path.join(dir, "unpacked", name), content);
      }
      const checked = checkSha256Sums(path.join(dir, "unpacked"));
      expect(checked).toHaveLength(manifest.files.length + 1);
      expect(checked.filter((line) => !line.endsWith(": OK"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // A responder has no compliance.export: the same address answers 403.
    const responder = await createUser({ roles: ["responder"], displayName: "Sasha Packer" });
    await page.context().clearCookies();
    await signIn(page, responder);
    const refused = await page.request.get("/api/compliance/audit-pack");
    expect(refused.status()).toBe(403);
  });

  test("a security lead finds the export on the compliance map, on a phone too", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Lane Packlead" });
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, lead, "/compliance");
    const exportLink = page.getByRole("link", { name: "Export audit pack (ZIP)" });
    await expect(exportLink).toBeVisible();
    await exportLink.focus();
    await expect(exportLink).toBeFocused();
    await page.screenshot({ path: "/tmp/e2e-audit-pack-compliance-phone.png" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/^vigil-audit-pack-\d{4}-\d{2}-\d{2}\.zip$/);
  });
});
