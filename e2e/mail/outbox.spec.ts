import { expect, test } from "@playwright/test";
import { createUser, signIn } from "../support/users";
import { createOutboxEmail, outboxStatus } from "./support";

test.describe("admin mail page", () => {
  test("an admin sees the outbox with status, attempts and last error, and resends a failed email", async ({ page }) => {
    const admin = await createUser({ roles: ["admin"] });
    const recipient = await createUser({ roles: ["security_lead"] });
    const subject = `Security alarm: e2e ${Date.now()}`;
    const id = await createOutboxEmail({ subject, status: "failed", toUserId: recipient.id, lastError: "ETLS: 500 Error: command not recognized" });

    await signIn(page, admin);
    await page.goto("/settings/mail");
    await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
    // The e2e server has its own mail server (scripts/run-e2e.ts): no "held" warning.
    await expect(page.getByText("No mail server is configured")).toHaveCount(0);

    await page.getByLabel("Subject contains").fill(subject);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/q=Security/);
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(row).toHaveCount(1);
    await expect(row.getByText("Failed")).toBeVisible();
    await expect(row.getByText("ETLS: 500 Error: command not recognized")).toBeVisible();
    await expect(row.getByRole("cell", { name: "3", exact: true })).toBeVisible();
    await page.screenshot({ path: "/tmp/mail-outbox.png", fullPage: true });

    await row.getByRole("button", { name: `Resend “${subject}”` }).click();
    await expect(row.getByText("Waiting")).toBeVisible();
    expect(await outboxStatus(id)).toBe("pending");

    // Sorting and paging are done by the server: the state is in the address.
    await page.goto("/settings/mail");
    await page.getByRole("button", { name: /Attempts/ }).click();
    await expect(page).toHaveURL(/sort=attempts/);
    await expect(page.getByRole("columnheader", { name: /Attempts/ })).toHaveAttribute("aria-sort", /ascending|descending/);
  });

  test("on a phone the outbox scrolls sideways inside its frame", async ({ page }) => {
    const admin = await createUser({ roles: ["admin"] });
    await createOutboxEmail({ subject: "Held email on a phone", status: "held", toUserId: admin.id });
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, admin);
    await page.goto("/settings/mail?status=held");
    await expect(page.getByRole("row").filter({ hasText: "Held email on a phone" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: "/tmp/mail-outbox-phone.png", fullPage: true });
  });

  test("a security lead, without mail.read, is told so and sees no emails", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"] });
    await createOutboxEmail({ subject: "Not for security leads", status: "held", toUserId: lead.id });
    await signIn(page, lead);
    await page.goto("/settings/mail");
    await expect(page.getByRole("alert").filter({ hasText: "You do not have permission" })).toContainText("You do not have permission to see the email outbox.");
    await expect(page.getByText("Not for security leads")).toHaveCount(0);
  });
});

test.describe("notification preferences", () => {
  test("a person chooses a daily digest at 07:00 and it is kept", async ({ page }) => {
    const user = await createUser({ roles: ["responder"] });
    await signIn(page, user);
    await page.goto("/settings/notifications");
    await expect(page.getByText("Urgent reminders (anything due within 24 hours or overdue) and security alarms always arrive at once.")).toBeVisible();
    await page.getByLabel("Collect them into one daily digest").check();
    await page.getByLabel("Digest time").selectOption("7");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByRole("status")).toContainText("saved");
    await page.screenshot({ path: "/tmp/mail-preferences.png", fullPage: true });
    await page.reload();
    await expect(page.getByLabel("Collect them into one daily digest")).toBeChecked();
    await expect(page.getByLabel("Digest time")).toHaveValue("7");
  });
});
