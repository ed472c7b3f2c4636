import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { testDb } from "../support/db";
import { screenshots, signedInPage } from "../support/pages";
import { createUser } from "../support/users";

const shoot = screenshots("access");

/** A person's label in the owner and manager lists: "Olga Owner (PER-2026-0001)". */
async function personLabel(name: string): Promise<string> {
  const { rows } = await testDb().query<{ reference: string }>(`SELECT "reference" FROM "Person" WHERE "displayName" = $1`, [name]);
  return `${name} (${rows[0]!.reference})`;
}

async function systemReference(name: string): Promise<string> {
  const { rows } = await testDb().query<{ reference: string }>(`SELECT "reference" FROM "Asset" WHERE "kind" = 'system' AND "name" = $1`, [name]);
  return rows[0]!.reference;
}

/** Decides "keep" on every account this person may decide on, with a reason. */
async function keepAll(page: Page): Promise<void> {
  for (;;) {
    const form = page.getByRole("form", { name: /^Decision on / }).first();
    if ((await form.count()) === 0) return;
    const name = await form.getAttribute("aria-label");
    await form.getByLabel("Decision").selectOption("keep");
    await form.getByLabel(/^Reason/).fill("Still needed for the job.");
    await form.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("form", { name: name!, exact: true })).toHaveCount(0);
  }
}

const CSV = [
  "Login,Type,Owner,Role,Last login,MFA,Created",
  "anna.berg,human,Anna Berg,Agent,2026-11-30,yes,2025-02-01",
  "admin,human,Anna Berg,Administrator,2026-11-29,yes,2024-01-01",
  "olga,human,Olga Owner,Administrator,2026-11-29,yes,2024-01-01",
  "backup-bot,service,Anna Berg,Read,2026-11-30,,2025-01-01",
].join("\n");

test.describe("access reviews", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    // A run's database starts without access records; a rerun on the same database starts over.
    for (const table of ["AccessReviewItem", "AccessReviewSystem", "AccessReviewCampaign", "AccessAccount", "AccessCredential"]) await testDb().query(`DELETE FROM "${table}"`);
    await testDb().query(`DELETE FROM "Task" WHERE "subjectType" = 'access-account'`);
    await testDb().query(`DELETE FROM "Asset" WHERE "kind" = 'system'`);
    await testDb().query(`UPDATE "Person" SET "managerId" = NULL`);
    await testDb().query(`DELETE FROM "Person"`);
    await testDb().query(`DELETE FROM "Setting" WHERE "key" LIKE 'access.%'`);
    await testDb().query(`DELETE FROM "CsvImportMapping" WHERE "kind" LIKE 'access.accounts:%'`);
  });

  test("a lead imports accounts, the campaign opens, a system owner revokes a shared account, another person signs off, the report downloads, the auditor reads it", async ({ browser }) => {
    // One story through six people's sessions, each signing in.
    test.setTimeout(300_000);
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    const sam = await createUser({ roles: ["security_lead"], displayName: "Sam Second" });
    const signer = await createUser({ roles: ["security_lead"], displayName: "Sig Signer" });
    const olga = await createUser({ roles: ["access_reviewer"], displayName: "Olga Owner" });
    const oskar = await createUser({ roles: ["access_reviewer"], displayName: "Oskar Other" });
    const auditor = await createUser({ roles: ["auditor"], displayName: "Ada Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });

    // The lead finds Access reviews in the navigation: Vigil itself is already a system.
    const dana = await signedInPage(browser, lead, "/");
    await dana.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access reviews" }).click();
    await expect(dana.getByRole("heading", { level: 1, name: "Access reviews" })).toBeVisible();
    await dana.getByRole("navigation", { name: "Access reviews" }).getByRole("link", { name: "Systems and accounts" }).click();
    await expect(dana.getByRole("row").filter({ hasText: "Vigil" })).toContainText("Lockout and password history meet the DPP");

    // People: the two system owners, linked to their Vigil accounts, and Anna.
    await dana.goto("/access/people");
    await dana.getByText("Add a person").click();
    for (const [name, user] of [["Olga Owner", olga.displayName], ["Oskar Other", oskar.displayName], ["Anna Berg", null]] as const) {
      const form = dana.getByRole("form", { name: "Add person" });
      await form.getByLabel("Name").fill(name);
      if (user) await form.getByLabel("Vigil account").selectOption({ label: user });
      await form.getByRole("button", { name: "Add person" }).click();
      await expect(dana.getByRole("row").filter({ hasText: name })).toBeVisible();
    }
    await shoot(dana, "people");

    // Systems: the CRM owned by Olga, the shop admin owned by Oskar.
    await dana.goto("/access/systems");
    await dana.getByText("Add a system").click();
    let form = dana.getByRole("form", { name: "Add system" });
    await form.getByLabel("System").fill("CRM");
    await form.getByLabel("Owner (reviews its accounts)").selectOption({ label: await personLabel("Olga Owner") });
    await form.getByLabel("Locks after (failed attempts)").fill("5");
    await form.getByLabel("Password history (last passwords refused)").fill("12");
    await form.getByRole("button", { name: "Add system" }).click();
    await expect(dana.getByRole("heading", { level: 1, name: "CRM" })).toBeVisible();
    const crm = await systemReference("CRM");
    await dana.goto("/access/systems");
    await dana.getByText("Add a system").click();
    form = dana.getByRole("form", { name: "Add system" });
    await form.getByLabel("System").fill("Shop admin");
    await form.getByLabel("Owner (reviews its accounts)").selectOption({ label: await personLabel("Oskar Other") });
    await form.getByLabel("Locks after (failed attempts)").fill("20");
    await form.getByRole("button", { name: "Add system" }).click();
    await expect(dana.getByText("Lockout above 10 attempts or not known")).toBeVisible();
    await expect(dana.getByRole("heading", { level: 1, name: "Shop admin" })).toBeVisible();
    const shop = await systemReference("Shop admin");
    await dana.getByText("Add an account").click();
    form = dana.getByRole("form", { name: "Add an account" });
    await form.getByLabel("Account name or login").fill("oskar.shop");
    await form.getByLabel("Person (name or reference)").fill("Oskar Other");
    await form.getByLabel("MFA").selectOption("yes");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(dana.getByRole("row").filter({ hasText: "oskar.shop" })).toBeVisible();

    // The CRM's accounts from CSV: column mapping saved, preview, then commit.
    await dana.goto(`/access/systems/${crm}/import`);
    const mapping = dana.getByRole("form", { name: "Column mapping" });
    for (const [field, column] of [["identifier", "Login"], ["kind", "Type"], ["person", "Owner"], ["privileges", "Role"], ["lastUsed", "Last login"], ["mfa", "MFA"], ["created", "Created"]] as const) {
      await mapping.getByLabel(field, { exact: true }).fill(column);
    }
    await mapping.getByRole("button", { name: "Save the column mapping" }).click();
    await expect(dana.getByText("Column mapping saved for this system.")).toBeVisible();
    await dana.getByLabel("CSV file").setInputFiles({ name: "crm-users.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await dana.getByRole("button", { name: "Preview the import" }).click();
    await expect(dana.getByText("4 to add, 0 to change, 0 unchanged, 0 to revoke")).toBeVisible();
    await shoot(dana, "import-preview");
    await dana.getByRole("button", { name: "Import these accounts" }).click();
    await expect(dana.getByText(/Import committed: 4 account/)).toBeVisible();
    await expect(dana.getByRole("row").filter({ hasText: "admin" }).first()).toContainText("Shared or generic");
    await shoot(dana, "system");

    // The lead opens the campaign now.
    await dana.goto("/access");
    dana.once("dialog", (dialog) => void dialog.accept());
    await dana.getByRole("button", { name: "Open the next campaign now" }).click();
    await dana.waitForURL(/\/access\/campaigns\/ACR-\d{4}-\d{4}$/);
    const campaign = dana.url().split("/").pop()!;
    await shoot(dana, "overview-lead");

    // Olga, an access reviewer, sees the CRM only, and no other system.
    const o = await signedInPage(browser, olga, "/access");
    await o.getByRole("navigation", { name: "Access reviews" }).getByRole("link", { name: "Systems and accounts" }).click();
    await expect(o.getByRole("row").filter({ hasText: "CRM" })).toBeVisible();
    await expect(o.getByRole("row").filter({ hasText: "Shop admin" })).toHaveCount(0);
    await expect(o.getByRole("row").filter({ hasText: "Vigil" })).toHaveCount(0);
    const other = await o.goto(`/access/systems/${shop}`);
    expect(other?.status()).toBe(404);
    await o.goto(`/access/campaigns/${campaign}`);
    await expect(o.locator("[data-account]")).toHaveCount(4);
    await expect(o.locator("[data-account='oskar.shop']")).toHaveCount(0);
    // Her own account is not hers to decide.
    await expect(o.locator("[data-account='olga']")).toContainText("Nobody decides on their own account");
    // She revokes the shared admin account.
    const adminRow = o.locator("[data-account='admin']");
    const decision = adminRow.getByRole("form", { name: "Decision on admin" });
    await decision.getByLabel("Decision").selectOption("revoke");
    await decision.getByLabel(/^Reason/).fill("Shared administrator login: everyone gets a named account.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await expect(adminRow).toContainText("Revoke");
    // The revocation closes only with proof.
    const proof = adminRow.getByRole("form", { name: "Proof of the revocation of admin" });
    await proof.getByRole("button", { name: "Record proof" }).click();
    await expect(proof.getByText(/at least 10 characters/)).toBeVisible();
    await proof.getByLabel("What was done").fill("Deleted the admin login in the CRM user settings.");
    await proof.getByRole("button", { name: "Record proof" }).click();
    await expect(adminRow).toContainText("Deleted the admin login in the CRM user settings.");
    await keepAll(o);
    await shoot(o, "campaign-reviewer");

    // Oskar decides on the shop; the leads on Vigil's accounts (never their own).
    const k = await signedInPage(browser, oskar, `/access/campaigns/${campaign}`);
    await keepAll(k);
    await dana.reload();
    await keepAll(dana);
    const s = await signedInPage(browser, sam, `/access/campaigns/${campaign}`);
    await keepAll(s);
    await dana.reload();
    await expect(dana.getByText("A reviewer of this campaign cannot sign it off")).toBeVisible();

    // Sig, who reviewed none of it, signs it off; the report downloads.
    const g = await signedInPage(browser, signer, `/access/campaigns/${campaign}`);
    await g.getByRole("form", { name: "Sign off" }).getByLabel("Note (optional)").fill("Reviewed with the team.");
    g.once("dialog", (dialog) => void dialog.accept());
    await g.getByRole("button", { name: "Sign off the campaign" }).click();
    await expect(g.getByText(/Signed off by Sig Signer/).first()).toBeVisible();
    const pdfDownload = g.waitForEvent("download");
    await g.getByRole("link", { name: "Report (PDF)" }).click();
    const pdf = readFileSync((await (await pdfDownload).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await shoot(g, "campaign-signed");

    // The auditor reads the campaign and its report, and changes nothing.
    const a = await signedInPage(browser, auditor, `/access/campaigns/${campaign}`);
    await expect(a.locator("[data-account='admin']")).toContainText("Deleted the admin login");
    await expect(a.getByRole("form")).toHaveCount(0);
    const csvDownload = a.waitForEvent("download");
    await a.getByRole("link", { name: "Report (CSV)" }).click();
    const csv = readFileSync((await (await csvDownload).path())!, "utf8");
    expect(csv).toContain("CRM,admin,Person,Anna Berg");
    expect(csv).toContain("Revoke");
    expect(csv).not.toContain("@e2e.vigil.test");
    await a.goto("/access/people");
    await expect(a.getByRole("row").filter({ hasText: "Olga Owner" })).toBeVisible();
    await shoot(a, "people-auditor");
    await a.goto("/access/credentials");
    await shoot(a, "credentials-auditor");
  });
});
