import { expect, test } from "@playwright/test";
import { createUser, signInAs } from "./helpers";

test.describe("legal-process requests", () => {
  test("a security lead records a request, sees its 24-hour clock and records the notice to Amazon", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await page.goto("/legal-requests");
    const form = page.getByRole("form", { name: "Record a legal-process request" });
    await form.getByRole("button", { name: "Record request" }).click();
    await expect(form.getByText("Say who sent the request.")).toBeVisible();
    await form.getByLabel("From whom").fill("District Court of Example County");
    await form.getByLabel("What data is sought").fill("All orders of one buyer account in 2026");
    await form.getByRole("button", { name: "Record request" }).click();
    await page.waitForURL(/\/legal-requests\/LPR-\d{4}-\d{4}$/);
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "green");
    await page.screenshot({ path: "/tmp/e2e-legal-request.png", fullPage: true });

    await page.getByRole("form", { name: "Send the notice" }).getByRole("button", { name: "Send notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");
    await page.goto("/legal-requests");
    await expect(page.getByRole("timer").first()).toHaveAttribute("data-clock", "met");
  });
});
