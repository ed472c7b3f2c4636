import { expect, test } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { createUser, nextTotpCode, signIn, signOut } from "../support/users";

test.describe("profile: two-step sign-in on a new device", () => {
  test("a responder moves the authenticator to a new phone; the old one stops working and the new one signs in", async ({ page }) => {
    // Each code works once per 30-second step: signing in with the new device waits for a fresh one.
    test.setTimeout(120_000);
    const user = await createUser({ roles: ["responder"], displayName: "Morgan Mover" });
    await signIn(page, user, "/profile");
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Two-step sign-in on a new device" }) });
    await expect(card.getByRole("img", { name: "QR code for your new authenticator" })).toBeVisible();
    const newSecret = (await card.getByTestId("new-totp-secret").textContent())!.trim();

    await card.getByLabel("Current password").fill("not my password at all");
    await card.getByLabel("Code from your current authenticator").fill("000000");
    await card.getByLabel("Code from the new device").fill("123456");
    await card.getByRole("button", { name: "Move to the new device" }).click();
    // One answer whichever factor was wrong.
    await expect(card.getByRole("alert").filter({ hasText: "Your current password or code is not right" })).toBeVisible();

    await card.getByLabel("Current password").fill(user.password);
    await card.getByLabel("Code from your current authenticator").fill(await nextTotpCode(user));
    await card.getByLabel("Code from the new device").fill(await nextTotpCode({ totpSecret: newSecret }));
    await card.getByRole("button", { name: "Move to the new device" }).click();
    await expect(card.getByText("Two-step sign-in now uses your new device")).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-profile-mfa.png", fullPage: true });

    await page.goto("/");
    await signOut(page);
    // The old device's code is refused; the new device's is accepted.
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByLabel("Authentication code").fill(totpCode(user.totpSecret, new Date()));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email, password or code is not right" })).toBeVisible();
    await signIn(page, { ...user, totpSecret: newSecret });
  });

  test("an auditor's profile says the account is read-only and offers no forms", async ({ page }) => {
    const auditor = await createUser({ roles: ["auditor"], displayName: "Avery Auditor", accessEndsAt: new Date(Date.now() + 10 * 86_400_000) });
    await signIn(page, auditor, "/profile");
    await expect(page.getByRole("heading", { name: "A read-only account" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Change password|Move to the new device|Sign out everywhere/ })).toHaveCount(0);
  });
});
