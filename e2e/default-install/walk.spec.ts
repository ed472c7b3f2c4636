import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import { readZip } from "@/test/support/zip";
import { logIncident } from "../incidents/helpers";
import { markTotpStepUsed, signIn } from "../support/users";
import { startDefaultInstall, type TDefaultInstall } from "./server";

// The README's quick start, walked by new users in a browser: `npm start` on the embedded
// default database (no DATABASE_URL, no settings: see ./server.ts), then the setup link → the
// administrator → a security lead and a responder invited → an incident → evidence and its page
// → custody handed to the responder, who accepts → an audit engagement with a new auditor → the
// auditor's audit pack, checked against its SHA256SUMS. This server is not the shared e2e
// server (playwright.config.ts, project "default-install"): the spec starts and stops its own.
//
// Every page must answer within a few seconds here: navigations, actions and expectations
// are bounded at 10 s (the embedded database once made pages hang for 30 s while every test
// on PostgreSQL passed).
test.describe.configure({ mode: "serial" });

const PAGE_LIMIT_MS = 10_000;
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const suffix = randomBytes(3).toString("hex");

interface TPerson {
  email: string;
  displayName: string;
  password: string;
  totpSecret: string;
}
const person = (email: string, displayName: string, password: string): TPerson => ({ email, displayName, password, totpSecret: "" });
const admin = person("ada.admin@example.com", "Ada Admin", `correct horse battery staple ${suffix}`);
const lead = person("lee.lead@example.com", "Lee Lead", `a long security lead passphrase ${suffix}`);
const responder = person("rita.responder@example.com", "Rita Responder", `a long responder passphrase ${suffix}`);
const auditor = person("alex.auditor@audit-firm.example", "Alex Auditor", `a long auditor passphrase ${suffix}`);

let server: TDefaultInstall;
const timings: { step: string; ms: number }[] = [];

async function timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  timings.push({ step, ms: Date.now() - started });
  return result;
}

async function newUserPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.baseURL, acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(PAGE_LIMIT_MS);
  context.setDefaultNavigationTimeout(PAGE_LIMIT_MS);
  return { context, page: await context.newPage() };
}

/** The setup and invitation pages: password, authenticator (TOTP from the shown secret), recovery codes. */
async function enrol(page: Page, who: TPerson, submit: string): Promise<void> {
  await page.getByLabel(/password/i).first().fill(who.password);
  who.totpSecret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const at = new Date();
  await page.getByLabel("Code from the app").fill(totpCode(who.totpSecret, at));
  markTotpStepUsed(who.totpSecret, at);
  await page.getByRole("button", { name: submit }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
}

/** Users → Invite a user, as the administrator; returns the one-time link Vigil shows (no mail server here). */
async function invite(page: Page, who: TPerson, role: string): Promise<string> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("link", { name: "Invite a user" }).click();
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Name").fill(who.displayName);
  await page.getByRole("checkbox", { name: role, exact: true }).check();
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toContain(`${server.baseURL}/accept-invitation?token=`);
  return link;
}

async function accept(browser: Browser, link: string, who: TPerson, heading = "Join Vigil"): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newUserPage(browser);
  await opened.page.goto(link);
  await expect(opened.page.getByRole("heading", { name: heading })).toBeVisible();
  await enrol(opened.page, who, "Create my account");
  return opened;
}

test.beforeAll(async () => {
  // Uses the production build scripts/run-e2e.ts made (start.ts builds only without .next/BUILD_ID).
  test.setTimeout(240_000);
  server = await timed("npm start: migrations, setup link, /api/health 200", () => startDefaultInstall({ healthTimeoutMs: 200_000 }));
});

test.afterAll(async ({}, testInfo) => {
  test.setTimeout(60_000);
  if (!server) return;
  try {
    await timed("SIGTERM until every process and the port are gone", () => server.stop());
  } finally {
    await testInfo.attach("npm-start-output", { body: server.output(), contentType: "text/plain" });
    const table = timings.map((t) => `${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.step}`).join("\n");
    console.log(`\nDefault install walk, time per step:\n${table}\n`);
    await testInfo.attach("timings", { body: JSON.stringify(timings, null, 2), contentType: "application/json" });
  }
});

test("npm start on the embedded default: setup link → admin → lead and responder → incident → evidence → custody → engagement → audit pack", async ({ browser }) => {
  // Several first sign-ins, each waiting for an unused 30-second TOTP step after enrolment.
  test.setTimeout(480_000);
  expect(server.setupLink).toMatch(new RegExp(`^${server.baseURL}/setup\\?token=`));

  // 1. The setup link creates the administrator, who enrols MFA and signs in.
  const { context: adminContext, page: adminPage } = await newUserPage(browser);
  await timed("1. setup link → administrator with MFA", async () => {
    await adminPage.goto(server.setupLink);
    await expect(adminPage.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();
    await adminPage.getByLabel("Email").fill(admin.email);
    await adminPage.getByLabel("Your name").fill(admin.displayName);
    await enrol(adminPage, admin, "Create administrator");
  });
  await timed("1. administrator signs in (incl. wait for a fresh TOTP step)", async () => {
    await signIn(adminPage, admin);
    await expect(adminPage.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });

  // 2. The administrator invites a security lead and a responder; each accepts in their own browser.
  const leadLink = await timed("2. invite the security lead", () => invite(adminPage, lead, "Security lead"));
  const responderLink = await timed("2. invite the responder", () => invite(adminPage, responder, "Responder"));
  const { context: leadContext, page: leadPage } = await timed("2. lead accepts (password + MFA)", () => accept(browser, leadLink, lead));
  const { context: responderContext, page: responderPage } = await timed("2. responder accepts (password + MFA)", () => accept(browser, responderLink, responder));

  // 3. The lead logs an incident with Amazon information involved and adds an evidence file.
  await timed("3. lead signs in (incl. wait for a fresh TOTP step)", () => signIn(leadPage, lead));
  const incident = await timed("3. lead logs an incident (Amazon information)", () => logIncident(leadPage, { title: `Order export found on a public share ${suffix}`, amazon: true }));
  await expect(leadPage.getByRole("heading", { level: 1 })).toContainText(`Order export found on a public share ${suffix}`);
  const loggedAt = Date.now();

  // No mail server in a default install: "Send notice" says before it is pressed that the email
  // will only be held; sent, the notice is held in red, not given; recorded as given by phone,
  // the verdict is taken from that time and the held copy is withdrawn.
  await timed("3. lead sends the notice without a mail server: held, shown in red", async () => {
    await expect(leadPage.getByTestId("mail-held-warning")).toContainText("will only hold the email in Vigil's outbox");
    const send = leadPage.getByRole("form", { name: "Send the notice" });
    await expect(send.getByLabel("To")).toHaveValue("security@amazon.com");
    await send.getByRole("button", { name: "Send notice" }).click();
    await expect(leadPage.getByTestId("notice-undelivered")).toContainText("Notice held: not sent.");
    await expect(leadPage.getByTestId("notified")).toContainText("Not yet · notice held: not sent");
    await expect(leadPage.getByRole("timer")).toHaveAttribute("data-notice", "held");
    await expect(leadPage.getByRole("timer")).toHaveClass(/badge-danger/);
    await expect(leadPage.getByText("Notice to Amazon held: no mail server is configured, so it was not sent.", { exact: false })).toBeVisible();
    await leadPage.getByTestId("notice-panel").screenshot({ path: "/tmp/walk-notice-held.png" });
    await leadPage.screenshot({ path: "/tmp/walk-incident-notice-held.png", fullPage: true });
  });
  await timed("3. lead records the held notice as given by phone: notified on time", async () => {
    await leadPage.getByTestId("notice-undelivered").getByRole("link", { name: "Record that it was given another way" }).click();
    const given = leadPage.getByRole("form", { name: "Record a notice given another way" });
    await expect(given).toBeVisible();
    // "Given at" has minute precision: wait for the minute after the detection time.
    const wait = Math.ceil((loggedAt + 1) / 60_000) * 60_000 + 500 - Date.now();
    if (wait > 0) await leadPage.waitForTimeout(wait);
    const zone = await given.locator('input[name="timeZone"]').inputValue();
    const local = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date());
    await given.getByLabel("Given at").fill(local.replace(" ", "T"));
    await given.getByLabel("How").selectOption({ label: "Phone" });
    await given.getByLabel("Given by").fill("Lead on the phone with Amazon security");
    await given.getByLabel("To whom").fill("Amazon security by phone");
    await given.getByLabel("Copy kept at").fill("Call notes in the incident timeline");
    await given.getByRole("button", { name: "Record notice" }).click();
    await expect(leadPage.getByTestId("notified")).toContainText("On time");
    await expect(leadPage.getByRole("timer")).toHaveAttribute("data-clock", "met");
    await expect(leadPage.getByTestId("notice-undelivered")).toHaveCount(0);
    await expect(leadPage.getByTestId("notice").nth(0).locator("summary")).toContainText("Not sent: given another way");
    await expect(leadPage.getByTestId("notice").nth(1).locator("summary")).toContainText("Given another way");
    await leadPage.getByTestId("notice-panel").screenshot({ path: "/tmp/walk-notice-given-by-phone.png" });
  });

  const file = Buffer.from(`2026-11-29T03:14:07Z share-audit: orders-export.csv readable by anyone with the link (${suffix})\n`.repeat(2_000));
  const label = await timed("3. lead uploads an evidence file; its page renders", async () => {
    await leadPage.getByRole("link", { name: "Add evidence" }).click();
    const upload = leadPage.getByRole("form", { name: "Upload evidence file" });
    await upload.getByLabel("File").setInputFiles({ name: "share-audit.log", mimeType: "text/plain", buffer: file });
    await upload.getByLabel("Description").fill("Access log of the public share");
    await upload.getByLabel("How and where it was collected").fill("Exported from the file share's admin console by the security lead");
    await upload.getByRole("button", { name: "Upload and record" }).click();
    await leadPage.waitForURL(/\/evidence\/EV-\d{4}-\d{4}$/);
    const evidenceLabel = new URL(leadPage.url()).pathname.split("/").pop()!;
    await expect(leadPage.getByRole("heading", { level: 1, name: evidenceLabel })).toBeVisible();
    return evidenceLabel;
  });
  await expect(leadPage.getByRole("region", { name: "Details" }).getByText(sha256(file))).toBeVisible();

  // Opening the evidence page from the incident, as a person does: it must render at once
  // (on the embedded database it used to hang 30 s).
  await leadPage.goto(`/incidents/${incident}`);
  const opened = Date.now();
  await timed("3. lead opens the evidence page from the incident (limit 10 s)", async () => {
    await leadPage.getByRole("link", { name: label }).click();
    await leadPage.waitForURL(new RegExp(`/evidence/${label}$`), { timeout: PAGE_LIMIT_MS });
    await expect(leadPage.getByRole("heading", { level: 1, name: label })).toBeVisible({ timeout: PAGE_LIMIT_MS });
    await expect(leadPage.getByText("File matches its hash")).toBeVisible();
    await expect(leadPage.getByText("Ledger intact")).toBeVisible();
  });
  expect(Date.now() - opened, "the evidence page renders within 10 s").toBeLessThan(PAGE_LIMIT_MS);
  await leadPage.screenshot({ path: "/tmp/walk-evidence.png", fullPage: true });

  // 4. Custody to the responder, who accepts; the ledger shows the transfer.
  await timed("4. lead requests a custody transfer to the responder", async () => {
    await leadPage.getByText("Transfer to a colleague").click();
    const transfer = leadPage.getByRole("form", { name: "Transfer custody" });
    await transfer.getByLabel("Receiver").selectOption({ label: responder.displayName });
    await transfer.getByLabel("Why it changes hands").fill("Analysis of who opened the export");
    await transfer.getByLabel("Where the hand-over takes place").fill("Vigil evidence store");
    await transfer.getByRole("button", { name: "Request transfer" }).click();
    await expect(leadPage.getByRole("heading", { name: `Transfer waiting for ${responder.displayName}` })).toBeVisible();
  });
  await timed("4. responder signs in (incl. wait for a fresh TOTP step) and accepts", async () => {
    await signIn(responderPage, responder, `/evidence/${label}`);
    await expect(responderPage.getByRole("heading", { name: `Transfer waiting for ${responder.displayName}` })).toBeVisible();
    await responderPage.getByRole("form", { name: "Answer the transfer" }).getByRole("button", { name: "Record my answer" }).click();
    await expect(responderPage.getByText("Current custodian").locator("xpath=following-sibling::dd[1]")).toHaveText(responder.displayName);
  });
  await expect(responderPage.getByRole("list", { name: "Custody ledger" }).getByText("Custody transferred")).toBeVisible();
  await timed("4. lead sees the transfer in the ledger", async () => {
    await leadPage.reload();
    await expect(leadPage.getByText("Current custodian").locator("xpath=following-sibling::dd[1]")).toHaveText(responder.displayName);
    await expect(leadPage.getByRole("list", { name: "Custody ledger" }).getByText("Custody transferred")).toBeVisible();
    await expect(leadPage.getByText("Ledger intact")).toBeVisible();
  });

  // 5. An audit engagement with a new auditor, invited from the engagement form. Without a mail
  // server the invitation email is held in the outbox, so the form shows the lead the one-time
  // link once (as Users → Invite does).
  const { engagement, auditorLink } = await timed("5. lead opens an audit engagement inviting a new auditor", async () => {
    await leadPage.goto("/compliance");
    await leadPage.getByRole("link", { name: "Audit engagements" }).click();
    await leadPage.getByRole("link", { name: "New engagement" }).click();
    const form = leadPage.getByRole("form", { name: "New audit engagement" });
    await form.getByRole("textbox", { name: "Name", exact: true }).fill("DPP audit 2026");
    await form.getByLabel("Audit firm").fill("Example Assurance LLP");
    await form.getByLabel("Scope").fill("Incident response and evidence handling.");
    await form.getByLabel("New auditor 1: name").fill(auditor.displayName);
    await form.getByLabel("New auditor 1: email").fill(auditor.email);
    await form.getByRole("button", { name: "Open engagement" }).click();
    const link = (await form.getByTestId("invitation-link").textContent())!.trim();
    expect(link).toContain(`${server.baseURL}/accept-invitation?token=`);
    await form.getByRole("link", { name: /^Go to AUD-\d{4}-\d{4}$/ }).click();
    await leadPage.waitForURL(/\/compliance\/engagements\/AUD-\d{4}-\d{4}$/);
    await expect(leadPage.getByRole("heading", { level: 1, name: "DPP audit 2026" })).toBeVisible();
    await expect(leadPage.getByRole("region", { name: "Auditors", exact: true })).toContainText(auditor.displayName);
    return { engagement: new URL(leadPage.url()).pathname.split("/").pop()!, auditorLink: link };
  });

  await timed("5. administrator sees the auditor's invitation held in the outbox", async () => {
    await adminPage.goto("/settings/mail");
    await expect(adminPage.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
    await expect(adminPage.getByText("No mail server is configured")).toBeVisible();
    const invitation = adminPage.getByRole("row").filter({ hasText: auditor.displayName });
    await expect(invitation).toHaveCount(1);
    await expect(invitation).toContainText("Your Vigil account: set your password and two-step sign-in");
    await expect(invitation).toContainText(/Held|Waiting/);
  });
  const { context: auditorContext, page: auditorPage } = await timed("5. auditor accepts (password + MFA)", () => accept(browser, auditorLink, auditor));

  await timed("5. auditor signs in (incl. wait for a fresh TOTP step) to /auditor", async () => {
    await signIn(auditorPage, auditor, "/auditor");
    await expect(auditorPage.getByRole("heading", { level: 1, name: "Auditor portal" })).toBeVisible();
    await expect(auditorPage.getByRole("region", { name: "Your engagement: DPP audit 2026" })).toContainText("Example Assurance LLP");
  });
  await auditorPage.screenshot({ path: "/tmp/walk-auditor-portal.png" });
  const pack = await timed("5. auditor downloads the audit pack from /auditor", async () => {
    const exportLink = auditorPage.getByRole("link", { name: "Export audit pack (ZIP)" });
    const [download] = await Promise.all([auditorPage.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^vigil-audit-pack-\d{4}-\d{2}-\d{2}\.zip$/);
    return fs.readFileSync(await download.path());
  });

  await timed("5. audit pack checked: manifest complete, every SHA256SUMS line matches", async () => {
    const entries = await readZip(pack);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as {
      auditLog: { intact: boolean };
      files: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.auditLog.intact).toBe(true);
    // Complete: the manifest names the pack's parts, and the ZIP holds exactly those plus itself and SHA256SUMS.
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["compliance-map.pdf", "compliance-map.csv", "incidents.csv", "custody/items.csv", "custody/ledger.csv", "audit-log-verification.pdf", "audit-log-verification.json"]),
    );
    expect([...entries.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), "manifest.json", "SHA256SUMS"].sort());
    for (const f of manifest.files) {
      expect(entries.get(f.path)!.length, f.path).toBe(f.size);
      expect(sha256(entries.get(f.path)!), f.path).toBe(f.sha256);
    }
    expect(entries.get("incidents.csv")!.toString("utf8")).toContain(incident);
    // `sha256sum -c SHA256SUMS`, in JS: one line per file (and the manifest), each matching.
    const lines = entries.get("SHA256SUMS")!.toString("utf8").trim().split("\n");
    const listed = new Set<string>();
    for (const line of lines) {
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      expect(match, `SHA256SUMS line: ${line}`).not.toBeNull();
      const [, hash, name] = match!;
      expect(entries.has(name!), `${name} is in the ZIP`).toBe(true);
      expect(sha256(entries.get(name!)!), name).toBe(hash);
      listed.add(name!);
    }
    expect([...listed].sort()).toEqual([...entries.keys()].filter((name) => name !== "SHA256SUMS").sort());
  });

  // 6. The responder holds the evidence but is not a member of the incident: a prompt refusal.
  await timed("6. responder opens an incident outside their scope: refused", async () => {
    const started = Date.now();
    const response = await responderPage.goto(`/incidents/${incident}`);
    expect(response!.status()).toBe(404);
    await expect(responderPage.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    expect(Date.now() - started, "the refusal comes at once, not after a wait").toBeLessThan(5_000);
  });

  // The auditor's account is active on the lead's engagement page.
  await leadPage.goto(`/compliance/engagements/${engagement}`);
  await expect(leadPage.getByRole("region", { name: "Auditors", exact: true }).getByRole("row", { name: new RegExp(auditor.displayName) })).toContainText("Active");

  for (const context of [adminContext, leadContext, responderContext, auditorContext]) await context.close();
});
