import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { signIn, type TTestUser } from "./users";

/** A page in a browser context of its own (its own cookies), signed in as the user and opened at the path. */
export async function signedInPage(browser: Browser, user: TTestUser, path: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, user, path);
  return page;
}

/** Where screenshots go: E2E_SCREENSHOTS, or test-results/screenshots (kept until the next run). */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS || join("test-results", "screenshots");

/**
 * A spec's screenshots, to look at what a change built: each at 1280 px and at a phone's 390 px,
 * named `<prefix>-<name>.png` and `<prefix>-<name>-phone.png`. The page is left at 1280 px.
 */
export function screenshots(prefix: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, `${prefix}-${name}-phone.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  };
}
