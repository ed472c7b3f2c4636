import { expect, test } from "@playwright/test";
import { testDb } from "../support/db";
import { createUser, logIncident, signInAs } from "./helpers";

test.describe("where notices to Amazon go", () => {
  test.afterEach(async () => {
    // The address is organisation-wide: put the policy's address back for the other specs.
    await testDb().query(`DELETE FROM "Setting" WHERE key = 'incidents.amazonNoticeAddress'`);
  });

  test("a security lead sets the address Amazon gave in writing; new notices are prefilled with it; a responder only reads it", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await page.goto("/settings");
    await page.getByRole("link", { name: /Notices to Amazon/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notices to Amazon" })).toBeVisible();
    await expect(page.getByText("(the address the policy names)")).toBeVisible();

    const form = page.getByRole("form", { name: "Amazon notice address" });
    await form.getByLabel("Send notices to").fill("security at amazon");
    await form.getByRole("button", { name: "Save address" }).click();
    await expect(form.getByText("Enter an email address, such as 3p-security@amazon.com.")).toBeVisible();
    await form.getByLabel("Send notices to").fill("Seller-Security@amazon.example");
    await form.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByText("Saved. New notices go to this address.")).toBeVisible();
    await expect(page.locator("strong.mono")).toHaveText("seller-security@amazon.example");
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
});
