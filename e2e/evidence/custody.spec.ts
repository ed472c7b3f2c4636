import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { readZip } from "@/test/support/zip";
import { createUser, signIn } from "../support/users";
import { logIncident } from "../incidents/helpers";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** A 12 MiB log: larger than the 10 MB a request body may have when it passes through Next's proxy. */
function logFile(): Buffer {
  const line = "Nov 29 03:14:07 bastion-1 sshd[4242]: Failed password for invalid user admin from 203.0.113.77 port 52110 ssh2\n";
  return Buffer.from(line.repeat(Math.ceil((12 * 1024 * 1024) / line.length)));
}

test.describe("evidence and chain of custody", () => {
  test("a lead uploads a file with progress, hands it to a responder who accepts, and exports a package whose manifest matches", async ({ page, browser }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Dana Lead" });
    const responder = await createUser({ roles: ["responder"], displayName: "Sam Responder" });
    await signIn(page, lead);
    const reference = await logIncident(page, { title: "Brute force on the bastion host" });

    await page.getByRole("link", { name: "Add evidence" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add evidence" })).toBeVisible();
    const file = logFile();
    const upload = page.getByRole("form", { name: "Upload evidence file" });
    await upload.getByLabel("File").setInputFiles({ name: "auth.log", mimeType: "text/plain", buffer: file });
    await upload.getByLabel("Description").fill("auth.log of bastion-1, 26 to 29 November");
    await upload.getByLabel("How and where it was collected").fill("Copied with scp from /var/log/auth.log by the on-call responder");
    await upload.getByLabel("Source system").fill("bastion-1");
    // Slow the upload down so the progress bar can be seen moving.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
    await upload.getByRole("button", { name: "Upload and record" }).click();
    await expect(page.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /\d+% uploaded/ })).toBeVisible();
    await page.waitForURL(/\/evidence\/EV-\d{4}-\d{4}$/, { timeout: 60_000 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const label = new URL(page.url()).pathname.split("/").pop()!;

    // The hash recorded at arrival is the hash of the bytes sent: the whole 12 MiB arrived.
    await expect(page.getByRole("region", { name: "Details" }).getByText(sha256(file))).toBeVisible();
    await expect(page.getByText("File matches its hash")).toBeVisible();
    await expect(page.getByText("Ledger intact")).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-evidence-detail.png", fullPage: true });

    // Hand-over: custody moves only when the receiver accepts.
    await page.getByText("Transfer to a colleague").click();
    const transfer = page.getByRole("form", { name: "Transfer custody" });
    await transfer.getByLabel("Receiver").selectOption({ value: responder.id });
    await transfer.getByLabel("Why it changes hands").fill("Log analysis for the incident report");
    await transfer.getByLabel("Where the hand-over takes place").fill("Vigil evidence store");
    await transfer.getByRole("button", { name: "Request transfer" }).click();
    await expect(page.getByRole("heading", { name: "Transfer waiting for Sam Responder" })).toBeVisible();
    await expect(page.getByText("Current custodian").locator("xpath=following-sibling::dd[1]")).toHaveText("Dana Lead");

    const other = await browser.newContext();
    const responderPage = await other.newPage();
    await signIn(responderPage, responder, `/evidence/${label}`);
    await expect(responderPage.getByRole("heading", { name: "Transfer waiting for Sam Responder" })).toBeVisible();
    await responderPage.getByRole("form", { name: "Answer the transfer" }).getByRole("button", { name: "Record my answer" }).click();
    await expect(responderPage.getByText("Current custodian").locator("xpath=following-sibling::dd[1]")).toHaveText("Sam Responder");
    await expect(responderPage.getByRole("list", { name: "Custody ledger" }).getByText("Custody transferred")).toBeVisible();
    await responderPage.screenshot({ path: "/tmp/e2e-evidence-accepted.png", fullPage: true });
    await other.close();

    // The package: every file, the custody PDF, and a manifest whose hashes match what is inside.
    await page.goto(`/incidents/${reference}`);
    const response = await page.request.get(`/api/incidents/${reference}/evidence-package`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/zip");
    const entries = await readZip(Buffer.from(await response.body()));
    const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as { incident: string; files: { path: string; sha256: string }[] };
    expect(manifest.incident).toBe(reference);
    expect(manifest.files.map((f) => f.path)).toEqual([`files/${label}-auth.log`, `chain-of-custody-${reference}.pdf`]);
    for (const entry of manifest.files) expect(sha256(entries.get(entry.path)!)).toBe(entry.sha256);
    expect(manifest.files[0]!.sha256).toBe(sha256(file));
  });

  test("the evidence list is filtered and sorted by the server, and an auditor downloads no file", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Lee Lead" });
    await signIn(page, lead);
    const reference = await logIncident(page, { title: "Lost laptop at the airport" });
    await page.goto(`/evidence/new?incident=${reference}`);
    const physical = page.getByRole("form", { name: "Record a physical item" });
    await physical.getByLabel("Description").fill("Replacement laptop handed back by the employee");
    await physical.getByLabel("Serial number").fill("SN-E2E-4411");
    await physical.getByLabel("Storage location").fill("Safe 2, Berlin office");
    await physical.getByLabel("How and where it was collected").fill("Handed over at reception");
    await physical.getByRole("button", { name: "Record physical item" }).click();
    await page.waitForURL(/\/evidence\/EV-\d{4}-\d{4}$/);
    const label = new URL(page.url()).pathname.split("/").pop()!;

    await page.goto("/evidence");
    // The integrity sweep's cycle, as achieved: every stored file within it (or none stored yet).
    const integrity = page.getByRole("region", { name: /File integrity checks/ });
    await expect(integrity.getByTestId("integrity-cycle")).toHaveText(
      /^(Every file verified within the last \d+ h \(cycle 24 h\); oldest verification .+ ago\.|No stored files to verify yet\. Each file will be re-verified at least every 24 h\.)$/,
    );
    await expect(integrity.getByText("Within cycle").or(integrity.getByText("No files yet"))).toBeVisible();
    await integrity.screenshot({ path: "/tmp/e2e-evidence-integrity.png" });
    await page.getByLabel("Search").fill("SN-E2E-4411");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/q=SN-E2E-4411/);
    await expect(page.getByRole("link", { name: label })).toBeVisible();
    await page.getByRole("button", { name: /Label/ }).click();
    await expect(page).toHaveURL(/sort=label/);
    await page.screenshot({ path: "/tmp/e2e-evidence-list.png", fullPage: true });

    const auditor = await createUser({ roles: ["auditor"], accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    await page.context().clearCookies();
    await signIn(page, auditor, `/evidence/${label}`);
    await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download file" })).toHaveCount(0);
    await expect(page.getByText("Transfer to a colleague")).toHaveCount(0);
    const refused = await page.request.get(`/api/evidence/${label}/download`);
    expect(refused.status()).toBe(403);
  });
});
