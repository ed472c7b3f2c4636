import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { testDb } from "../support/db";
import { createUser, signIn, type TTestUser } from "../support/users";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `/tmp/plans-e2e-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/plans-e2e-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function as(browser: Browser, user: TTestUser, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user, path);
  return page;
}

test.describe("plans and policies", () => {
  test.beforeAll(async () => {
    // A run's database starts empty of plans; a rerun on the same database starts over.
    await testDb().query(`DELETE FROM "PolicyDocumentVersion"`);
    await testDb().query(`DELETE FROM "PolicyDocument"`);
  });

  test("the team starts from the templates, a lead edits the plan, another lead approves, versions compare, the auditor downloads the PDF", async ({ browser }) => {
    const privacy = await createUser({ roles: ["privacy_officer"], displayName: "Priya Privacy" });
    const leadA = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    const leadB = await createUser({ roles: ["security_lead"], displayName: "Sam Approver" });
    const auditor = await createUser({ roles: ["auditor"], displayName: "Ada Auditor", accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });

    // The privacy officer starts both documents from Vigil's templates.
    const priya = await as(browser, privacy, "/");
    await priya.getByRole("navigation").getByRole("link", { name: "Plans and policies" }).click();
    await expect(priya.getByRole("heading", { level: 1, name: "Plans and policies" })).toBeVisible();
    await priya.getByRole("button", { name: "Start from Vigil's templates" }).click();
    await priya.waitForURL(/\/plans\/POL-\d{4}-\d{4}$/);
    await expect(priya.getByRole("heading", { level: 1, name: "Incident response plan" })).toBeVisible();
    await expect(priya.getByText("No version has been approved yet")).toBeVisible();
    await priya.getByRole("link", { name: "All plans and policies" }).click();
    const planRow = priya.getByRole("row").filter({ hasText: "Incident response plan" });
    await expect(planRow).toContainText("Not approved yet");
    await expect(planRow).toContainText("Waiting for approval");
    await expect(priya.getByRole("row").filter({ hasText: "Privacy and data-handling policy" })).toBeVisible();
    await shoot(priya, "list");
    const reference = (await planRow.getByRole("link").first().textContent())!.trim();

    // Lead A edits the draft: names the IMPOC; a javascript: link and raw HTML stay inert.
    const dana = await as(browser, leadA, `/plans/${reference}`);
    await expect(dana.getByText("No version has been approved yet")).toBeVisible();
    await dana.getByRole("link", { name: "Edit draft" }).click();
    const editor = dana.getByRole("form", { name: "Edit the draft" });
    const body = editor.getByLabel("Text (Markdown)");
    const text = await body.inputValue();
    expect(text).toContain("mailto:3p-security@amazon.com");
    await body.fill(
      text.replace("| Incident Management Point of Contact (IMPOC) | *name the person* |", "| Incident Management Point of Contact (IMPOC) | Dana Lead |") +
        "\n[Run this](javascript:alert(1)) and <b>bold html</b>\n",
    );
    await editor.getByLabel("What this version changes").fill("Named the IMPOC");
    await shoot(dana, "edit");
    await editor.getByRole("button", { name: "Save draft" }).click();
    await dana.waitForURL(new RegExp(`/plans/${reference}$`));
    await expect(dana.getByText("Draft waiting for approval")).toBeVisible();
    await expect(dana.getByText("You wrote part of this draft, so another approver must approve it.")).toBeVisible();
    await expect(dana.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);

    // Lead B, who wrote none of it, approves: version 1 is in force.
    const sam = await as(browser, leadB, `/plans/${reference}`);
    await shoot(sam, "document-draft");
    sam.once("dialog", (dialog) => void dialog.accept());
    await sam.getByRole("button", { name: "Approve and publish" }).click();
    await expect(sam.getByRole("status")).toContainText("Version 1 approved");
    await expect(sam.locator(".badge-ok", { hasText: "Version 1 in force" })).toBeVisible();
    const inForce = sam.getByRole("region", { name: "Version 1, in force" });
    await expect(inForce).toContainText("Sam Approver");
    await expect(inForce.getByRole("cell", { name: "Dana Lead" })).toBeVisible();
    await expect(inForce.getByRole("link", { name: "3p-security@amazon.com" }).first()).toHaveAttribute("href", "mailto:3p-security@amazon.com");
    await expect(inForce.getByText("Run this")).toBeVisible();
    await expect(inForce.getByRole("link", { name: "Run this" })).toHaveCount(0);
    await expect(inForce.locator("b")).toHaveCount(0);
    await shoot(sam, "document");

    // The first approval starts the six-monthly review clock; a major change brings it forward.
    await dana.reload();
    await expect(dana.locator(".badge-ok", { hasText: "Regular review due" })).toBeVisible();
    await dana.getByText("Record a change").click();
    const change = dana.getByRole("form", { name: "Record a change" });
    await change.getByLabel("What changed").fill("Order processing moved to a new hosting provider");
    await change.getByLabel("Review within (days)").fill("5");
    await change.getByLabel("Major change: it opens a review of this document").check();
    await change.getByRole("button", { name: "Record change" }).click();
    await expect(change.getByRole("status")).toContainText(`The next review is due on ${day(5)}`);
    await expect(dana.locator(".badge-warn", { hasText: `Review after a major change due ${day(5)}, in 5 days` })).toBeVisible();
    await expect(dana.getByRole("region", { name: "Change register" }).getByRole("row").filter({ hasText: "new hosting provider" })).toContainText("Yes: review within 5 days");
    await shoot(dana, "document-review-due");
    await dana.goto("/");
    const dueRow = dana.getByRole("row").filter({ hasText: "Review of Incident response plan" });
    await expect(dueRow).toContainText("Plan or policy review");
    await expect(dueRow.locator(".badge-warn", { hasText: "Due soon" })).toBeVisible();
    await dueRow.getByRole("link", { name: reference }).click();
    await expect(dana.getByRole("heading", { level: 2, name: "Reviews" })).toBeVisible();

    // Lead A changes it again: version 1 stays in force; the draft compares with it.
    await dana.getByRole("link", { name: "Edit" }).first().click();
    const again = dana.getByRole("form", { name: "Edit the draft" });
    const v1 = await again.getByLabel("Text (Markdown)").inputValue();
    await again.getByLabel("Text (Markdown)").fill(v1.replace("## Detection and reporting", "## Detecting and reporting incidents"));
    await again.getByLabel("What this version changes").fill("Clearer heading");
    await again.getByRole("button", { name: "Save draft" }).click();
    await dana.waitForURL(new RegExp(`/plans/${reference}$`));
    await expect(dana.locator(".badge-ok", { hasText: "Version 1 in force" })).toBeVisible();
    await dana.getByRole("link", { name: "Compare with version 1" }).click();
    const diff = dana.getByRole("list", { name: "Changes between the versions" });
    await expect(diff.locator("li", { hasText: "Removed: ## Detection and reporting" })).toBeVisible();
    await expect(diff.locator("li", { hasText: "Added: ## Detecting and reporting incidents" })).toBeVisible();
    await shoot(dana, "compare");
    await dana.goto(`/plans/${reference}/versions/1`);
    await expect(dana.getByRole("heading", { level: 1 })).toContainText("version 1");
    await shoot(dana, "version");

    // The auditor reads it, changes nothing, and downloads version 1 as PDF.
    const ada = await as(browser, auditor, "/plans");
    await ada.getByRole("link", { name: reference }).click();
    await expect(ada.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
    await expect(ada.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
    const downloading = ada.waitForEvent("download");
    await ada.getByRole("link", { name: "Download version 1 as PDF" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${reference}-v1.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const refused = await ada.request.post(`/plans/${reference}`, { data: "x" });
    expect(refused.status()).toBe(403);
  });
});
