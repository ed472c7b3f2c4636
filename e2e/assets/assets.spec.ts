import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { testDb } from "../support/db";
import { screenshots, signedInPage } from "../support/pages";
import { createUser } from "../support/users";

const shoot = screenshots("assets");

const control = (page: Page, id: string) => page.locator(`#control-${id}`);

test.describe("asset inventory", () => {
  test.describe.configure({ mode: "serial" });
  let ownerReference: string;

  test.beforeAll(async () => {
    // A rerun on the same database starts over.
    for (const table of ["PurgeAttestation", "ProcessingRecordAsset", "ProcessingRecord", "RetentionRule", "InventoryReview"]) await testDb().query(`DELETE FROM "${table}"`);
    await testDb().query(`DELETE FROM "Asset" WHERE "kind" <> 'system'`);
    await testDb().query(`DELETE FROM "CsvImportMapping" WHERE "kind" = 'assets'`);
    // The people register belongs to access governance: the owner is created directly.
    ownerReference = `PER-E2E-${Date.now().toString(36).toUpperCase()}`;
    await testDb().query(`INSERT INTO "Person" ("id", "reference", "displayName", "kind", "createdById", "createdAt", "updatedAt") VALUES ($1, $2, 'Olivia Owner', 'employee', 'usr_e2e', now(), now())`, [
      `per_e2e_${Date.now()}`,
      ownerReference,
    ]);
  });

  test("a lead imports assets, adds a data store, records its processing, sets a 30-day rule, records a purge, registers a laptop and sees the gaps and the map change", async ({ browser }) => {
    test.setTimeout(180_000);
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    const page = await signedInPage(browser, lead, "/");

    // Before anything is recorded, the map has no evidence for the inventory's rows.
    await page.goto("/compliance");
    await expect(control(page, "PII-2c")).toContainText("No evidence yet");
    await expect(control(page, "PII-3")).toContainText("No evidence yet");

    await page.getByRole("navigation").getByRole("link", { name: "Assets" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Assets" })).toBeVisible();

    // Import: a file with a bad row is refused whole, each bad row named.
    await page.getByRole("link", { name: "Import from CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import assets from CSV" })).toBeVisible();
    const header = "kind,name,owner,location,holds_amazon_info,holds_personal_data,encryption_at_rest,key_management,min_tls";
    const rows = [`cloud_service,Mail relay,${ownerReference},eu-central-1,yes,no,AES-256,kms,TLS 1.2`, "network_control,Edge firewall,,eu-central-1,no,no,,,TLS 1.3"];
    await page.getByLabel("Or paste its content").fill([header, ...rows, "printer,Office printer,,,,,,,"].join("\n"));
    await page.getByRole("button", { name: "Preview the import" }).click();
    await expect(page.getByRole("list", { name: "Rows with problems" })).toContainText("Line 4: kind: kind must be one of");
    await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
    await page.getByLabel("Or paste its content").fill([header, ...rows].join("\n"));
    await page.getByRole("button", { name: "Preview the import" }).click();
    await expect(page.getByText("2 to add, 0 to change, 0 unchanged, 0 to retire")).toBeVisible();
    await shoot(page, "import-preview");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByText("Imported: 2 added, 0 changed, 0 retired, 0 unchanged.")).toBeVisible();

    // A data store with personal data: its gaps name the missing retention rule and records.
    await page.getByRole("link", { name: "Inventory", exact: true }).click();
    await expect(page.getByRole("row").filter({ hasText: "Mail relay" })).toContainText("Olivia Owner");
    await page.getByText("Add an asset").click();
    const add = page.getByRole("form", { name: "Add an asset" });
    await add.getByLabel("Kind").selectOption({ label: "Data store" });
    await add.getByLabel("Name").fill("Orders database");
    await add.getByLabel("Owner", { exact: true }).selectOption({ label: "Olivia Owner" });
    await add.getByLabel("Location or region").fill("eu-west-1");
    await add.getByLabel("Holds Amazon Information").check();
    await add.getByLabel("Holds personal data").check();
    await add.getByLabel("Personal-data fields").fill("email, address");
    await add.getByLabel("Encryption at rest").selectOption({ label: "AES-256" });
    await add.getByLabel("Key management").selectOption({ label: "Key management system (KMS)" });
    await add.getByLabel("Minimum TLS version").selectOption({ label: "TLS 1.2" });
    await add.getByLabel("I checked these facts today").check();
    await add.getByRole("button", { name: "Add asset" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Orders database" })).toBeVisible();
    const gaps = page.getByRole("list", { name: "Gaps of this asset" });
    await expect(gaps).toContainText("A data store with personal data and no retention rule.");
    await expect(gaps).toContainText('The personal-data field "email" has no record of processing.');
    await expect(gaps).toContainText('The personal-data field "address" has no record of processing.');
    await expect(page.getByText(/Last verified\s*\d{4}-\d{2}-\d{2} by Dana Lead/)).toBeVisible();
    await shoot(page, "asset-gaps");

    // Records of processing for both fields.
    await page.goto("/assets/processing");
    for (const field of ["email", "address"]) {
      await page.getByText("Record the processing of a field").click();
      const form = page.getByRole("form", { name: "Record the processing of a field" });
      await form.getByLabel("Personal-data field").fill(field);
      await form.getByLabel("Source").fill("Amazon order report");
      await form.getByLabel("How it is collected").fill("SP-API download every hour");
      await form.getByLabel("How it is processed").fill("Printed on shipping labels");
      await form.getByLabel("Used for (purpose)").fill("Shipping the order");
      await form.getByLabel("Shared with").fill("The carrier");
      await form.getByLabel("Disposed of (how, when)").fill("Deleted by the nightly purge 30 days after shipment");
      await form.getByLabel(/Orders database/).check();
      await form.getByRole("button", { name: "Save the record" }).click();
      await expect(page.getByText(/Record ROP-\d{4}-\d{4} saved\./)).toBeVisible();
      await page.reload();
    }
    await expect(page.getByRole("row").filter({ hasText: "Printed on shipping labels" })).toHaveCount(2);
    await shoot(page, "processing");

    // A 30-day retention rule, then a purge attested.
    await page.getByRole("link", { name: "Retention" }).click();
    await expect(page.getByText("No PII retention rule yet: no answer.")).toBeVisible();
    await page.getByText("Set a retention rule").click();
    const rule = page.getByRole("form", { name: "Set a retention rule" });
    await rule.getByLabel("Data store").selectOption({ index: 1 });
    await rule.getByLabel("Kept for (days after shipment)").fill("30");
    await rule.getByRole("button", { name: "Save the rule" }).click();
    await expect(page.getByText(/Retention rule RET-\d{4}-\d{4} saved\./)).toBeVisible();
    await page.reload();
    await expect(page.getByText("Under 31 days")).toBeVisible();
    await page.getByText("Attest a purge").click();
    const purge = page.getByRole("form", { name: /Attest a purge under RET-/ });
    await purge.getByLabel("Records purged").fill("1240");
    await purge.getByLabel("How").fill("Nightly purge job deleted orders shipped more than 30 days ago");
    await purge.getByRole("button", { name: "Attest the purge" }).click();
    await expect(page.getByText(/Purge attested\. The next purge is due on \d{4}-\d{2}-\d{2}\./)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/by Dana Lead: 1240 records/)).toBeVisible();
    await shoot(page, "retention");

    // The data store has no gap left.
    await page.goto("/assets?q=Orders");
    await expect(page.getByRole("row").filter({ hasText: "Orders database" })).toContainText("No gaps");

    // A company laptop without disk encryption shows its gap.
    await page.getByText("Add an asset").click();
    const laptop = page.getByRole("form", { name: "Add an asset" });
    await laptop.getByLabel("Kind").selectOption({ label: "Device" });
    await laptop.getByLabel("Name").fill("Support laptop L-113");
    await laptop.getByLabel("Owner", { exact: true }).selectOption({ label: "Olivia Owner" });
    await laptop.getByLabel("Holds Amazon Information").check();
    await laptop.getByLabel("Ownership").selectOption({ label: "Company-owned" });
    await laptop.getByLabel("Disk encryption").selectOption({ label: "No" });
    await laptop.getByLabel("Anti-malware installed").selectOption({ label: "Yes" });
    await laptop.getByLabel("Anti-malware tamper-protected").selectOption({ label: "Yes" });
    await laptop.getByRole("button", { name: "Add asset" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Support laptop L-113" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Gaps of this asset" })).toContainText("A device holding Amazon Information without disk encryption.");

    await page.goto("/assets");
    await expect(page.getByRole("row").filter({ hasText: "Support laptop L-113" })).toContainText("1 gap");
    await shoot(page, "inventory");

    // The compliance map rows change with the records.
    await page.goto("/compliance");
    await expect(control(page, "PII-2c")).toContainText("Met");
    await expect(control(page, "PII-1a")).toContainText("Met");
    await expect(control(page, "PII-3")).toContainText("Not met");
    await expect(control(page, "PII-3")).toContainText("Support laptop L-113");
    await expect(control(page, "GS-2c")).toContainText("Met");
    await expect(control(page, "PII-2b")).toContainText("No evidence yet");
  });

  test("the auditor reads the registers read-only and downloads the records of processing", async ({ browser }) => {
    const auditor = await createUser({ roles: ["auditor"], displayName: "Ada Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    const page = await signedInPage(browser, auditor, "/assets");
    await expect(page.getByRole("heading", { level: 1, name: "Assets" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Orders database" })).toBeVisible();
    await expect(page.getByText("Add an asset")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Import from CSV" })).toHaveCount(0);
    await page.getByRole("row").filter({ hasText: "Orders database" }).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: "History" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Added" })).toContainText("Dana Lead");
    await expect(page.locator("main form")).toHaveCount(0);

    await page.goto("/assets/processing");
    await expect(page.getByRole("row").filter({ hasText: "Printed on shipping labels" })).toHaveCount(2);
    await expect(page.locator("main form")).toHaveCount(0);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Records of processing (CSV)" }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, "utf8");
    expect(csv.split(/\r?\n/)[0]).toBe("Reference,Field,Source,Collected,Processed,Stored in,Used for,Shared with,Disposed of,Retention rule");
    expect(csv).toContain("Orders database");
    expect(csv).toContain("address");
    await shoot(page, "processing-auditor");

    await page.goto("/assets/retention");
    await expect(page.getByText("Under 31 days")).toBeVisible();
    await expect(page.locator("main form")).toHaveCount(0);
  });
});
