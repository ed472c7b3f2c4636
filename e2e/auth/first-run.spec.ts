import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { createSetupLink } from "../support/setup-link";
import { markTotpStepUsed, nextTotpCode, signIn } from "../support/users";

// One story, in order: the setup link creates the first administrator, who signs in with MFA
// and invites a responder; the responder enrols and signs in; the administrator deactivates
// the responder, whose open page is refused on its next request.
test.describe.configure({ mode: "serial" });

const admin = { email: "first.admin@example.com", displayName: "Ada Admin", password: "correct horse battery staple 42", totpSecret: "" };
const responder = { email: "rita.responder@example.com", displayName: "Rita Responder", password: "a long responder passphrase 7", totpSecret: "" };

async function enrol(page: Page, who: { password: string; totpSecret: string }, submit: string) {
  await page.getByLabel(/password/i).first().fill(who.password);
  who.totpSecret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const at = new Date();
  await page.getByLabel("Code from the app").fill(totpCode(who.totpSecret, at));
  markTotpStepUsed(who.totpSecret, at);
  await page.getByRole("button", { name: submit }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
}

test("without a setup link, /setup explains how to get one", async ({ page }) => {
  await page.goto("/setup");
  await expect(page.getByText("one-time setup link")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
  await page.goto("/setup?token=not-a-real-token");
  await expect(page.getByText("npm start")).toBeVisible();
});

test("every page needs sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("setup link → admin with MFA → invites a responder → responder enrols → deactivated responder is refused", async ({ page, browser, baseURL }) => {
  // A long story with several sign-ins (each waits for an unused TOTP step).
  test.setTimeout(180_000);
  const link = await createSetupLink(baseURL!);
  expect(link).toMatch(/\/setup\?token=/);

  // The first administrator.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();
  await page.screenshot({ path: "/tmp/identity-setup.png", fullPage: true });
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Your name").fill(admin.displayName);
  // A common password is refused with a clear message.
  await page.getByLabel("Choose a password").fill("password1234");
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("This password is too common")).toBeVisible();
  // A one-person team: the first administrator is the security lead too.
  await page.getByRole("checkbox", { name: "I am also the security lead" }).check();
  await enrol(page, admin, "Create administrator");
  await page.screenshot({ path: "/tmp/identity-recovery-codes.png", fullPage: true });

  // The link works once.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toHaveCount(0);

  await signIn(page, admin);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  // The grant of the security lead role raised an alarm.
  await page.goto("/audit-log/alarms");
  await expect(page.getByRole("row").filter({ hasText: "Security lead or privacy officer role granted" })).toHaveCount(1);

  // Invite a responder.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("link", { name: "Invite a user" }).click();
  await page.getByLabel("Email").fill(responder.email);
  await page.getByLabel("Name").fill(responder.displayName);
  await page.getByRole("checkbox", { name: "Responder" }).check();
  await page.getByRole("button", { name: "Create invitation" }).click();
  const invitation = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(invitation).toContain("/accept-invitation?token=");
  await page.screenshot({ path: "/tmp/identity-invite.png", fullPage: true });

  // The responder, in their own browser.
  const responderContext = await browser.newContext();
  const rpage = await responderContext.newPage();
  await rpage.goto(invitation);
  await expect(rpage.getByRole("heading", { name: "Join Vigil" })).toBeVisible();
  await rpage.screenshot({ path: "/tmp/identity-accept.png", fullPage: true });
  await enrol(rpage, responder, "Create my account");
  await signIn(rpage, responder);
  await rpage.goto("/incidents");
  await expect(rpage.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();

  // The admin deactivates the responder.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto("/settings/users?q=rita");
  await page.getByRole("link", { name: responder.displayName }).click();
  await page.screenshot({ path: "/tmp/identity-user-detail.png", fullPage: true });
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Deactivated", { exact: true }).first()).toBeVisible();

  // The responder's open page is refused on its next request.
  await rpage.reload();
  await expect(rpage).toHaveURL(/\/sign-in/);
  // And signing in again is refused.
  await rpage.getByLabel("Email").fill(responder.email);
  await rpage.getByLabel("Password", { exact: true }).fill(responder.password);
  await rpage.getByLabel("Authentication code").fill(await nextTotpCode(responder));
  await rpage.getByRole("button", { name: "Sign in" }).click();
  await expect(rpage.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  await responderContext.close();
});

test("the lone administrator changes their own roles only with a reason, and the grant raises an alarm", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, admin, "/settings/users?q=ada");
  await page.getByRole("table").getByRole("link", { name: admin.displayName }).click();
  const rolesForm = page.getByRole("region", { name: "Roles and access" });
  await expect(rolesForm.getByText("These are your own roles.")).toBeVisible();
  await rolesForm.getByRole("checkbox", { name: "Privacy officer" }).check();
  // Each refusal shows the same message: wait for the answer to each submission (and the form's
  // re-render with it) before typing again, or the late answer refills the field under the typing.
  const submitRoles = async () => {
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
    await rolesForm.getByRole("button", { name: "Save roles" }).click();
    await answered;
    await expect(rolesForm.getByRole("button", { name: "Save roles" })).toBeEnabled();
  };
  await submitRoles();
  await expect(rolesForm.getByText("You are the only administrator: give a reason of at least 20 characters.")).toBeVisible();
  await rolesForm.getByLabel("Why you are changing your own roles").fill("Too short");
  await submitRoles();
  await expect(rolesForm.getByText("You are the only administrator: give a reason of at least 20 characters.")).toBeVisible();
  await expect(rolesForm.getByLabel("Why you are changing your own roles")).toHaveValue("Too short");

  await rolesForm.getByLabel("Why you are changing your own roles").fill("We are two people and I also answer data requests.");
  await rolesForm.getByRole("checkbox", { name: "Privacy officer" }).check();
  await rolesForm.getByRole("button", { name: "Save roles" }).click();
  // The change ends the administrator's own sessions too.
  await expect(page.getByText("Roles saved.").or(page.getByRole("button", { name: "Sign in" }))).toBeVisible();
  await signIn(page, admin, "/audit-log/alarms");
  // Both grants to this person, counted on one alarm.
  await expect(page.getByRole("row").filter({ hasText: "Security lead or privacy officer role granted" }).locator('td[data-label="Count"]')).toHaveText("2");
  await page.goto("/settings/users?q=ada");
  await expect(page.getByRole("row").filter({ hasText: admin.displayName })).toContainText("Privacy officer");
});
