import { expect, test } from "@playwright/test";
import { waitForMail } from "../support/mailbox";
import { createUser, logIncident, signInAs } from "./helpers";

test.describe("the notice to Amazon", () => {
  test("a security lead sends the drafted notice through Vigil; notified on time once the mail server accepts it, with the Message-ID shown", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const reference = await logIncident(page, { title: "Public bucket with order exports", amazon: true });

    const notice = page.getByRole("form", { name: "Send the notice" });
    // The November 2025 revision's address, and no warning: this run has a mail server.
    await expect(notice.getByLabel("To")).toHaveValue("security@amazon.com");
    await expect(page.getByTestId("mail-held-warning")).toHaveCount(0);
    await expect(notice.getByLabel("Notice")).toHaveValue(new RegExp(`Reference: ${reference}`));
    await expect(notice.getByLabel("Notice")).toHaveValue(/Detected at: .*\(UTC, UTC\+00:00\)/);
    await notice.getByRole("button", { name: "Send notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "met");
    await expect(page.getByText(/Notice to Amazon queued in Vigil's outbox for security@amazon.com: sending\./)).toBeVisible();
    await expect(page.getByText("Notice to Amazon accepted by the mail server for security@amazon.com: Amazon notified, on time.")).toBeVisible();
    // The run's SMTP server (STARTTLS) received it, addressed to Amazon, with the reference.
    const mail = await waitForMail((m) => m.to.includes("security@amazon.com") && m.text.includes(reference));
    expect(mail.secure).toBe(true);
    expect(mail.subject).toContain(reference);
    // The proof on the incident: the state, the server's reply and the Message-ID it received.
    const sent = page.getByTestId("notice").first();
    await expect(sent.locator("summary")).toContainText("Notified");
    await sent.locator("summary").click();
    await expect(sent.getByTestId("server-reply")).toHaveText(/^250 /);
    await expect(sent.getByTestId("message-id")).toHaveText(mail.messageId);
    await page.getByTestId("notice-panel").screenshot({ path: "/tmp/e2e-notice-notified.png" });
    await page.screenshot({ path: "/tmp/e2e-notice-sent.png", fullPage: true });
  });

  test("a security lead records a notice given another way", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    const detectedAt = new Date(Date.now() - 2 * 3_600_000).toISOString().slice(0, 16);
    await logIncident(page, { title: "Token in a public repository", amazon: true, detectedAt });
    await page.getByText("Record a notice given another way").click();
    const form = page.getByRole("form", { name: "Record a notice given another way" });
    await form.getByRole("button", { name: "Record notice" }).click();
    await expect(form.getByText("Enter when the notice was given.").or(form.getByText("Say who gave the notice."))).toBeVisible();
    const sentAt = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    await form.getByLabel("Given at").fill(sentAt);
    await form.getByLabel("How").selectOption({ label: "Phone" });
    await form.getByLabel("Given by").fill("Dana on the phone with Amazon security");
    await form.getByLabel("Copy of what was given").fill("Called Amazon security and read out the incident notice, reference and contact.");
    await form.getByRole("button", { name: "Record notice" }).click();
    await expect(page.getByTestId("notified")).toContainText("On time");
    await expect(page.getByTestId("notice").first().locator("summary")).toContainText("Given another way");
  });
});
