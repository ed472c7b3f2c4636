import { expect, test } from "@playwright/test";
import { createUser, logIncident, signInAs } from "./helpers";

const CUSTOMER = "Erika Mustermann";

test.describe("third parties notified about an incident", () => {
  test("a security lead records a customer notified: the name is shown only to the privacy officer and not in the timeline; the notice's contact email only to those who may read emails", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const reference = await logIncident(page, { title: "Invoices sent to the wrong buyer", amazon: true });

    // The drafted notice names the lead as contact, with their email; sent as drafted.
    const notice = page.getByRole("form", { name: "Send the notice" });
    await expect(notice.getByLabel("Notice")).toHaveValue(new RegExp(`Dana Lead <${lead.email.replace(/[.+]/g, "\\$&")}>`));
    await notice.getByRole("button", { name: "Send notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");

    await page.getByText("Record a notification", { exact: true }).click();
    const form = page.getByRole("form", { name: "Record a third-party notification" });
    await form.getByLabel("Who").selectOption({ label: "Customer" });
    await form.getByRole("textbox", { name: "Name", exact: true }).fill(CUSTOMER);
    await form.getByLabel("What was communicated").fill("Told the buyer their order lines went to someone else.");
    await form.getByLabel("Basis").selectOption({ label: "Legal obligation" });
    await form.getByRole("textbox", { name: "Legal obligation", exact: true }).fill("GDPR Article 34");
    await form.getByRole("button", { name: "Record notification" }).click();

    // The lead may enter the name but not read it back (pii.write without pii.read).
    const notified = page.getByRole("region", { name: "Regulators and customers notified" });
    await expect(notified.getByText("Name hidden: only the privacy officer can read it.")).toBeVisible();
    await expect(notified.getByText(/Told the buyer/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Timeline" }).getByText("Customer notified, under GDPR Article 34.")).toBeVisible();
    await expect(page.getByText(CUSTOMER)).toHaveCount(0);
    // The copy of the notice as sent (in its collapsed entry) keeps the lead's email for the lead.
    const sentNotice = page.locator("p.pre").filter({ hasText: "To the Amazon security team" });
    await expect(sentNotice).toContainText(`Dana Lead <${lead.email}>`);

    const privacy = await createUser(["privacy_officer"], "Priya Privacy");
    await signInAs(page, privacy);
    await page.goto(`/incidents/${reference}`);
    await expect(page.getByRole("region", { name: "Regulators and customers notified" }).getByText(CUSTOMER)).toBeVisible();
    await expect(page.getByText(lead.email)).toHaveCount(0);

    const auditor = await createUser(["auditor"], "Alex Auditor");
    await signInAs(page, auditor);
    await page.goto(`/incidents/${reference}`);
    await expect(page.getByRole("region", { name: "Regulators and customers notified" }).getByText("Name hidden: only the privacy officer can read it.")).toBeVisible();
    await expect(page.getByText(CUSTOMER)).toHaveCount(0);
    await expect(page.getByText(lead.email)).toHaveCount(0);
    await expect(sentNotice).toContainText("Dana Lead <[email address hidden]>");
    await page.screenshot({ path: "/tmp/e2e-third-party-auditor.png", fullPage: true });
  });
});
