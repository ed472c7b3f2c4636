import { expect, test } from "@playwright/test";
import { createUser, signIn, type TTestUser } from "../support/users";

test.describe("application shell", () => {
  let lead: TTestUser;
  // A fresh security lead per test: no waiting for the next TOTP step.
  test.beforeEach(async ({ page }, testInfo) => {
    if (testInfo.title.includes("health endpoint")) return;
    lead = await createUser({ roles: ["security_lead"] });
    await signIn(page, lead);
  });

  test("a signed-in person sees the dashboard and moves between areas with the navigation", async ({ page }) => {
    // Nothing the pages load fails, the browser's own request for an icon included.
    const failed: string[] = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto("/");
    await expect(page).toHaveTitle(/Dashboard · Vigil/);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Dashboard", "Incidents", "Evidence", "Plans and policies", "Access reviews", "Assets", "Audit log", "Settings"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(page.getByText("reachable", { exact: true })).toBeVisible();

    await nav.getByRole("link", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/audit-log$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Audit log" })).toHaveAttribute("aria-current", "page");
    await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    const answer = await page.request.get(icon!);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("image/svg+xml");
    expect(failed).toEqual([]);
  });

  test("the navigation is reachable from the keyboard", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  });

  test("on a phone the navigation folds behind a menu button", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await nav.getByRole("link", { name: "Incidents" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  });

  test("an unknown address shows the not-found page with a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the dashboard" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });

  test("the health endpoint answers 200 when the database is up", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});
