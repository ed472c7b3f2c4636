import { expect, test } from "@playwright/test";
import { waitForMail } from "../support/mailbox";
import { createUser, logIncident, signInAs } from "./helpers";

test.describe("the notice to Amazon", () => {
  test("a security lead sends the drafted notice through Vigil and the incident shows notified on time", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const reference = await logIncident(page, { title: "Public bucket with order exports", amazon: true });

    const notice = page.getByRole("form", { name: "Send the notice" });
    await expect(notice.getByLabel("To")).toHaveValue("3p-security@amazon.com");
    await expect(notice.getByLabel("Notice")).toHaveValue(new RegExp(`Reference: ${reference}`));
    await expect(notice.getByLabel("Notice")).toHaveValue(/Detected at: .*\(UTC, UTC\+00:00\)/);
    await notice.getByRole("button", { name: "Send notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "met");
    await expect(page.getByText(/Notice to Amazon sent through Vigil to 3p-security@amazon.com, on time/)).toBeVisible();
    // The run's SMTP server (STARTTLS) received it, addressed to Amazon, with the reference.
    const mail = await waitForMail((m) => m.to.includes("3p-security@amazon.com") && m.text.includes(reference));
    expect(mail.secure).toBe(true);
    expect(mail.subject).toContain(reference);
    await page.screenshot({ path: "/tmp/e2e-notice-sent.png", fullPage: true });
  });

  test("a security lead records a notice that went another way", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const detectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString().slice(0, 16);
    await logIncident(page, { title: "Token in a public repository", amazon: true, detectedAt });
    await page.getByText("Record a notice sent another way").click();
    const form = page.getByRole("form", { name: "Record a notice sent another way" });
    await form.getByRole("button", { name: "Record notice" }).click();
    await expect(form.getByText("Enter when the notice was sent.").or(form.getByText("Say who sent the notice."))).toBeVisible();
    const sentAt = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    await form.getByLabel("Sent at").fill(sentAt);
    await form.getByLabel("Channel").selectOption({ label: "Phone" });
    await form.getByLabel("Sent by").fill("Dana on the phone with Amazon security");
    await form.getByLabel("Copy of what was sent").fill("Called Amazon security and read out the incident notice, reference and contact.");
    await form.getByRole("button", { name: "Record notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");
  });
});
