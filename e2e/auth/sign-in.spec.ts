import { expect, test } from "@playwright/test";
import { createUser, nextTotpCode, signIn, signOut } from "../support/users";

test.describe("sign-in and sessions", () => {
  test("an auditor past the access end date cannot sign in", async ({ page }) => {
    const auditor = await createUser({ roles: ["auditor"], accessEndsAt: new Date(Date.now() - 60_000) });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(auditor.email);
    await page.getByLabel("Password", { exact: true }).fill(auditor.password);
    await page.getByLabel("Authentication code").fill(await nextTotpCode(auditor));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".alert-error")).toHaveText("The email, password or code is not right, or this account cannot sign in now.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("an auditor within the end date signs in", async ({ page }) => {
    const auditor = await createUser({ roles: ["auditor"], accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    await signIn(page, auditor);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });

  test("a wrong code gets the same answer as a wrong password", async ({ page }) => {
    const user = await createUser({ roles: ["responder"] });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/sign-in");
    await page.screenshot({ path: "/tmp/identity-sign-in.png", fullPage: true });
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByLabel("Authentication code").fill("000000");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator(".alert-error");
    await expect(alert).toHaveText("The email, password or code is not right, or this account cannot sign in now.");
    await page.getByLabel("Password", { exact: true }).fill("not the password at all");
    await page.getByLabel("Authentication code").fill(await nextTotpCode(user));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("The email, password or code is not right, or this account cannot sign in now.");
  });

  test("a callback address that points elsewhere lands on the dashboard, not on another site", async ({ page, baseURL }) => {
    const user = await createUser({ roles: ["member"] });
    let phished = false;
    // Any request to that host (not the sign-in page, whose query names it).
    await page.route((url) => url.hostname === "evil.example", (route) => {
      phished = true;
      return route.fulfill({ contentType: "text/html", body: "<h1>Phished</h1>" });
    });
    // callbackUrl=%2F%09%2Fevil.example%2Fphish: the browser drops the tab and reads //evil.example.
    await signIn(page, user, "/\t/evil.example/phish");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(phished).toBe(false);
  });

  test("the session cookie is HttpOnly, SameSite=Lax, Secure with the __Host- prefix", async ({ page, context }) => {
    const user = await createUser({ roles: ["member"] });
    await signIn(page, user);
    const cookie = (await context.cookies()).find((c) => c.name === "__Host-vigil.session");
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie?.domain).toBe("localhost");
  });

  test("after sign-out, a copy of the old session cookie is refused", async ({ page, context }) => {
    const user = await createUser({ roles: ["member"] });
    await signIn(page, user);
    const saved = await context.cookies();
    await signOut(page);
    await context.addCookies(saved);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("profile: sign out everywhere ends this session too", async ({ page }) => {
    const user = await createUser({ roles: ["responder"] });
    await signIn(page, user, "/profile");
    await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
    await page.screenshot({ path: "/tmp/identity-profile.png", fullPage: true });
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/profile");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("users without user.read do not see the user list", async ({ page }) => {
    const user = await createUser({ roles: ["responder"] });
    await signIn(page, user);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    const response = await page.goto("/settings/users");
    expect(response?.status()).toBe(404);
  });
});

test.describe("user administration", () => {
  test("the user list pages, sorts and filters on the server, with its state in the address", async ({ page }) => {
    const admin = await createUser({ roles: ["admin"], displayName: "Zed Admin" });
    for (let i = 0; i < 3; i++) await createUser({ roles: ["member"], displayName: `Listed Member ${i}` });
    await signIn(page, admin, "/settings/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await page.getByLabel("Search").fill("Listed Member");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/q=Listed\+Member/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText("Listed Member 0");
    await page.getByRole("button", { name: "Name" }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(rows.nth(1)).toContainText("Listed Member 2");
    await page.screenshot({ path: "/tmp/identity-users.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "/tmp/identity-users-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Past the last page: said as such, not as an empty result.
    await page.goto("/settings/users?q=Listed+Member&pageSize=10&page=2");
    await expect(page.getByText("This page is past the last one: 3 users fill 1 page.")).toBeVisible();
    await page.goto("/settings/users?q=Nobody+Listed+By+This+Name");
    await expect(page.getByText("No users match these filters.")).toBeVisible();
  });

  test("an admin changes roles and resets MFA; the user's session ends", async ({ page, browser }) => {
    const admin = await createUser({ roles: ["admin"] });
    const target = await createUser({ roles: ["member"] });
    const other = await browser.newContext();
    const tpage = await other.newPage();
    await signIn(tpage, target);

    await signIn(page, admin, `/settings/users/${target.id}`);
    page.on("dialog", (d) => void d.accept());
    const rolesForm = page.getByRole("region", { name: "Roles and access" });
    await rolesForm.getByRole("checkbox", { name: "Auditor" }).check();
    await rolesForm.getByRole("checkbox", { name: "Member" }).uncheck();
    await rolesForm.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByText("Auditors need an access end date.")).toBeVisible();
    await rolesForm.getByRole("checkbox", { name: "Member" }).check();
    await rolesForm.getByRole("checkbox", { name: "Auditor" }).uncheck();
    await rolesForm.getByRole("checkbox", { name: "Responder" }).check();
    await rolesForm.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByText("Roles saved.")).toBeVisible();

    await tpage.reload();
    await expect(tpage).toHaveURL(/\/sign-in/);

    await page.getByRole("button", { name: "Reset two-step sign-in" }).click();
    await expect(page.getByTestId("enrolment-link")).toContainText("/accept-invitation?token=");
    await other.close();
  });

  test("an admin cannot grant themselves a role while another admin exists; that admin can, and the grant raises an alarm", async ({ page, browser }) => {
    const admin = await createUser({ roles: ["admin"] });
    const colleague = await createUser({ roles: ["admin"] });
    await signIn(page, admin, `/settings/users/${admin.id}`);
    const rolesForm = page.getByRole("region", { name: "Roles and access" });
    await expect(rolesForm.getByText("These are your own roles.")).toBeVisible();
    await rolesForm.getByRole("checkbox", { name: "Security lead" }).check();
    await rolesForm.getByLabel("Why you are changing your own roles").fill("I want to read the incidents myself.");
    await rolesForm.getByRole("button", { name: "Save roles" }).click();
    await expect(rolesForm.getByRole("alert")).toContainText("Another administrator must change your roles");
    await page.reload();
    await expect(page.getByRole("region", { name: "Account" })).toContainText("Administrator");
    await expect(page.getByRole("region", { name: "Account" })).not.toContainText("Security lead");

    // The colleague does it; other people's roles need no reason.
    const other = await browser.newContext();
    const cpage = await other.newPage();
    await signIn(cpage, colleague, `/settings/users/${admin.id}`);
    const colleagueForm = cpage.getByRole("region", { name: "Roles and access" });
    await expect(colleagueForm.getByLabel("Why you are changing your own roles")).toHaveCount(0);
    await colleagueForm.getByRole("checkbox", { name: "Security lead" }).check();
    await colleagueForm.getByRole("button", { name: "Save roles" }).click();
    await expect(cpage.getByText("Roles saved.")).toBeVisible();
    await cpage.goto("/audit-log/alarms");
    await expect(cpage.getByRole("row").filter({ hasText: "Security lead or privacy officer role granted" }).filter({ hasText: admin.id })).toHaveCount(1);
    await other.close();
  });
});
