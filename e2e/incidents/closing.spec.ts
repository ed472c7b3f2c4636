import { expect, test } from "@playwright/test";
import { createUser, logIncident, signInAs } from "./helpers";

async function moveTo(page: import("@playwright/test").Page, status: string) {
  const form = page.getByRole("form", { name: "Change status" });
  await form.getByLabel("Move to").selectOption({ label: status });
  await form.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("region", { name: "Timeline" }).getByText(new RegExp(`→ ${status}\\.`))).toBeVisible();
}

test.describe("closing an incident", () => {
  test("closing without the required fields shows the errors; without the Amazon notice it is refused", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await logIncident(page, { title: "Misdirected invoice", amazon: true });
    for (const status of ["Triaged", "Contained", "Recovered"]) await moveTo(page, status);

    const close = page.getByRole("form", { name: "Close the incident" });
    await close.getByRole("button", { name: "Close incident" }).click();
    for (const label of ["Description", "Root cause", "Remediation actions taken", "Corrective controls", "Lessons learned"]) {
      await expect(close.getByText(`${label} is required to close the incident.`)).toBeVisible();
    }
    await page.screenshot({ path: "/tmp/e2e-closing-errors.png", fullPage: true });

    await close.getByLabel("Description").fill("Invoice with another buyer's order lines sent to the wrong customer.");
    await close.getByLabel("Root cause").fill("Template merged the wrong order.");
    await close.getByLabel("Remediation actions taken").fill("Recipient confirmed deletion in writing.");
    await close.getByLabel("Corrective controls").fill("Four-eyes check on manual invoices.");
    await close.getByLabel("Lessons learned").fill("Manual invoices need review.");
    await close.getByRole("button", { name: "Close incident" }).click();
    await expect(close.getByRole("alert")).toHaveText("The 24-hour clock runs (Security Incident: yes or not known yet): send or record the notice to Amazon before closing.");
    // What was typed stays.
    await expect(close.getByLabel("Root cause")).toHaveValue("Template merged the wrong order.");

    await page.getByRole("form", { name: "Send the notice" }).getByRole("button", { name: "Send notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");
    await page.getByRole("form", { name: "Close the incident" }).getByLabel("Description").fill("Invoice sent to the wrong customer.");
    const again = page.getByRole("form", { name: "Close the incident" });
    await again.getByLabel("Root cause").fill("Template merged the wrong order.");
    await again.getByLabel("Remediation actions taken").fill("Recipient confirmed deletion in writing.");
    await again.getByLabel("Corrective controls").fill("Four-eyes check on manual invoices.");
    await again.getByLabel("Lessons learned").fill("Manual invoices need review.");
    await again.getByRole("button", { name: "Close incident" }).click();
    await expect(page.getByRole("heading", { name: "Closing report" })).toBeVisible();
  });
});
