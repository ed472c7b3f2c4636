import { expect, test, type Browser, type Page } from "@playwright/test";
import { PrismaPg } from "@prisma/adapter-pg";
import { totpCode } from "@/lib/auth/totp";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDemoPeople, type TDemoPeople } from "@/lib/users/demo-people";
import { markTotpStepUsed, signIn } from "../support/users";

// `npm run db:seed -- --demo` prints one link per demo person; a new user opens one, sets up
// that person's account and sees Vigil from their side. The people step of the seed runs here
// against the e2e database (the demo's incidents are left out: other specs share the database).
const PASSWORD = "a demo passphrase for the e2e 11";

async function loadPeople(baseUrl: string): Promise<TDemoPeople> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    return await loadDemoPeople(prisma, { baseUrl, at: new Date() });
  } finally {
    await prisma.$disconnect();
  }
}

/** Opens the person's link in a browser of its own, sets a password, enrols the authenticator and signs in. */
async function becomePerson(browser: Browser, person: TDemoPeople["people"][number]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(person.link!);
  await expect(page.getByRole("heading", { name: "Join Vigil" })).toBeVisible();
  await expect(page.getByText(`Signing in as ${person.email}`)).toBeVisible();
  await page.getByLabel(/password/i).first().fill(PASSWORD);
  const totpSecret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const at = new Date();
  await page.getByLabel("Code from the app").fill(totpCode(totpSecret, at));
  markTotpStepUsed(totpSecret, at);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await signIn(page, { email: person.email, password: PASSWORD, totpSecret, displayName: person.displayName });
  return page;
}

test("the demo's links: the security lead and the auditor set up their accounts and sign in; running it again replaces the unused links", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const first = await loadPeople(baseURL!);
  const person = (result: TDemoPeople, key: string) => result.people.find((p) => p.key === key)!;
  for (const p of first.people) expect(p.link).toContain(`${baseURL}/accept-invitation?token=`);

  const dana = await becomePerson(browser, person(first, "dana"));
  await expect(dana.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await dana.goto("/incidents");
  await expect(dana.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();

  const alex = await becomePerson(browser, person(first, "alex"));
  await alex.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Auditor portal" }).click();
  await expect(alex.getByRole("heading", { level: 1, name: "Auditor portal" })).toBeVisible();
  await expect(alex.getByText(first.engagement.reference)).toBeVisible();

  // Running the demo again: those with accounts get no link; the others get new ones, and the old ones stop working.
  const second = await loadPeople(baseURL!);
  expect(person(second, "dana")).toMatchObject({ outcome: "has-account", link: null });
  expect(person(second, "alex")).toMatchObject({ outcome: "has-account", link: null });
  const page = await (await browser.newContext()).newPage();
  await page.goto(person(first, "sam").link!);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await page.goto(person(second, "sam").link!);
  await expect(page.getByRole("heading", { name: "Join Vigil" })).toBeVisible();
});
