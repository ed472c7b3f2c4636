import { expect, test } from "@playwright/test";
import { testDb } from "../support/db";
import { createUser, logIncident, signInAs } from "./helpers";

test.describe("where notices to Amazon go", () => {
  test.afterEach(async () => {
    // The address is organisation-wide: put the policy's address back for the other specs.
    await testDb().query(`DELETE FROM "Setting" WHERE key IN ('incidents.amazonNoticeAddress', 'compliance.policyVersion')`);
  });

  test("a security lead sets the address Amazon gave in writing; new notices are prefilled with it; a responder only reads it", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await page.goto("/settings");
    await page.getByRole("link", { name: /Notices to Amazon/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notices to Amazon" })).toBeVisible();
    // The default follows the policy version: security@amazon.com under the November 2025 revision, saying why.
    await expect(page.locator("strong.mono")).toHaveText("security@amazon.com");
    await expect(page.getByTestId("notice-address-why")).toContainText("DPP revision of November 2025 (effective 2025-11-11 / 2025-11-25)");

    const form = page.getByRole("form", { name: "Amazon notice address" });
    await form.getByLabel("Send notices to").fill("security at amazon");
    await form.getByRole("button", { name: "Save address" }).click();
    await expect(form.getByText("Enter an email address, such as security@amazon.com.")).toBeVisible();
    await form.getByLabel("Send notices to").fill("Seller-Security@amazon.example");
    await form.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByText("Saved. New notices go to this address.")).toBeVisible();
    await expect(page.locator("strong.mono")).toHaveText("seller-security@amazon.example");
    await expect(page.getByTestId("notice-address-why")).toContainText("Your organisation set this address; it overrides security@amazon.com");
    await page.screenshot({ path: "/tmp/e2e-notice-address.png", fullPage: true });

    await logIncident(page, { title: "Debug endpoint left open", amazon: true });
    await expect(page.getByRole("form", { name: "Send the notice" }).getByLabel("To")).toHaveValue("seller-security@amazon.example");

    const responder = await createUser(["responder"], "Riley Responder");
    await page.context().clearCookies();
    await signInAs(page, responder);
    await page.goto("/settings/incidents");
    await expect(page.locator("strong.mono")).toHaveText("seller-security@amazon.example");
    await expect(page.getByText("Security leads change this address.")).toBeVisible();
    await expect(page.getByRole("form", { name: "Amazon notice address" })).toHaveCount(0);
  });

  test("an organisation following the 2021 text has notices go to 3p-security@amazon.com, and the screen says why", async ({ page }) => {
    await testDb().query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('compliance.policyVersion', '"2021"', now()) ON CONFLICT (key) DO UPDATE SET value = '"2021"'`);
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await page.goto("/settings/incidents");
    await expect(page.locator("strong.mono")).toHaveText("3p-security@amazon.com");
    await expect(page.getByTestId("notice-address-why")).toContainText("DPP of January 2021 (effective 2021-01-01)");
  });
});
