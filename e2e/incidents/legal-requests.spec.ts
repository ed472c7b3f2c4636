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

  test("a privacy officer pages, sorts, searches and filters the list", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Lee Recorder");
    await signInAs(page, lead);
    const parties = ["Court of Alpha", "Court of Bravo", "Police of Charlie", "Agency Delta", "Bureau Echo", "Council Foxtrot"];
    for (const party of parties) {
      await page.goto("/legal-requests");
      const form = page.getByRole("form", { name: "Record a legal-process request" });
      await form.getByLabel("From whom").fill(party);
      await form.getByLabel("What data is sought").fill(`Orders asked for by ${party}`);
      await form.getByRole("button", { name: "Record request" }).click();
      await page.waitForURL(/\/legal-requests\/LPR-\d{4}-\d{4}$/);
    }

    const privacy = await createUser(["privacy_officer"], "Pia Privacy");
    await signInAs(page, privacy);
    await page.goto("/legal-requests?pageSize=5");
    const table = page.getByRole("table", { name: "Legal-process requests" });
    await expect(table.getByRole("row")).toHaveCount(6);
    await expect(page.getByRole("form", { name: "Record a legal-process request" })).toHaveCount(0);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText("Page 2 of")).toBeVisible();

    await page.goto("/legal-requests");
    await table.getByRole("button", { name: "From" }).click();
    await expect(page).toHaveURL(/sort=requestingParty&dir=asc/);
    await expect(table.getByRole("columnheader", { name: "From" })).toHaveAttribute("aria-sort", "ascending");
    await expect(table.getByRole("row").nth(1)).toContainText("Agency Delta");
    await page.screenshot({ path: "/tmp/e2e-legal-requests-list.png", fullPage: true });

    const filters = page.getByRole("search", { name: "Filter legal-process requests" });
    await filters.getByLabel("Search").fill("court of");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/sort=requestingParty.*q=court\+of/);
    await expect(table).toContainText("Court of Alpha");
    await expect(table).toContainText("Court of Bravo");
    await expect(table).not.toContainText("Police of Charlie");

    await filters.getByLabel("Status").selectOption("closed");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(table).toContainText("No legal-process requests match these filters.");
  });
});
