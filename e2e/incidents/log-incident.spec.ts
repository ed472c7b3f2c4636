import { expect, test } from "@playwright/test";
import { createUser, logIncident, signInAs, sql } from "./helpers";

test.describe("logging an incident", () => {
  test("a responder logs an incident through the form and sees the 24-hour countdown", async ({ page }) => {
    const responder = await createUser(["responder"], "Riley Responder");
    await signInAs(page, responder);
    await page.goto("/incidents/new");
    await expect(page.getByRole("heading", { level: 1, name: "Log an incident" })).toBeVisible();

    // Under stress, a half-filled form: every problem is named, nothing typed is lost, nothing is written.
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Incident"`);
    await page.getByLabel("Title").fill("Laptop stolen");
    await page.getByRole("button", { name: "Log incident" }).click();
    await expect(page.getByRole("form", { name: "Log an incident" }).getByRole("alert")).toContainText("Check the highlighted fields.");
    await expect(page.getByText("Say what happened (at least 10 characters).").or(page.getByText("Say what happened."))).toBeVisible();
    await expect(page.getByText("Choose the type of incident.")).toBeVisible();
    await expect(page.getByText("Choose a severity.")).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Laptop stolen");
    await expect(page.getByLabel("What happened")).toHaveAttribute("aria-invalid", "true");
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Incident"`))[0]!.n).toBe(before[0]!.n);

    const reference = await logIncident(page, { title: "Laptop stolen from a car", amazon: true });
    await expect(page.getByRole("heading", { level: 1, name: "Laptop stolen from a car" })).toBeVisible();
    const clock = page.getByRole("timer");
    await expect(clock).toHaveAttribute("data-clock", "green");
    await expect(clock).toContainText(/Amazon notice: 2[34] h \d+ min left/);
    await page.screenshot({ path: "/tmp/e2e-incident-detail-responder.png", fullPage: true });

    // Later, more is known: the responder raises the severity and names the systems.
    await page.getByText("Edit details").click();
    const edit = page.getByRole("form", { name: "Edit incident details" });
    await edit.getByLabel("Severity").selectOption({ label: "SEV1 — Critical" });
    await edit.getByLabel("Affected systems").fill("Laptop L-113\nOrder export share");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(edit.getByText("Saved.")).toBeVisible();
    await expect(page.getByText("SEV1", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Laptop L-113, Order export share")).toBeVisible();

    await page.goto("/incidents");
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    // At 1280 px every column is in view, the Amazon clock among them: the table does not scroll sideways.
    const listed = page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
    await expect(listed.getByRole("timer")).toBeInViewport();
    await expect(listed).toContainText("No commander yet");
    expect(await page.locator(".table-wrap").evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    // A page past the end (an old link, a narrower filter) says so instead of "no incidents".
    await page.goto("/incidents?page=9999");
    await expect(page.getByText(/^This page is past the last one: \d+ incidents fill \d+ pages?\.$/)).toBeVisible();
    await page.goto("/");
    // Listed twice: among the open incidents and, with its notice due, among the deadlines.
    await expect(page.getByRole("link", { name: reference }).first()).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-dashboard-responder.png", fullPage: true });
  });

  test("not known yet runs the clock; only the security lead stops it, with a reason the incident shows", async ({ page }) => {
    const responder = await createUser(["responder"], "Nico Responder");
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, responder);

    // The question is the policy's own, and nothing is chosen for the person.
    await page.goto("/incidents/new");
    const question = page.getByRole("group", { name: /Is this a Security Incident as the Data Protection Policy defines it\?/ });
    await expect(question).toContainText("breach of any environment (i) containing Amazon Information");
    for (const answer of ["Yes", "No", "Not known yet"]) await expect(question.getByRole("radio", { name: new RegExp(`^${answer}\\b`) })).not.toBeChecked();
    await page.getByLabel("Title").fill("Unknown script on the reporting server");
    await page.getByLabel("What happened").fill("An unknown script was found running on the reporting server.");
    await page.getByLabel("Type").selectOption({ label: "Lost or stolen device" });
    await page.getByLabel("Severity").selectOption({ label: "SEV2 — High" });
    await page.getByRole("button", { name: "Log incident" }).click();
    await expect(question.getByText("Answer the question: yes, no, or not known yet.")).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-incident-form-question.png", fullPage: true });

    const reference = await logIncident(page, { title: "Unknown script on the reporting server", amazon: "Not known yet" });
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "green");
    const panel = page.getByRole("region", { name: "Security Incident under the policy" });
    await expect(panel.getByTestId("amazon-answer")).toContainText("Not known yet");
    await expect(panel.getByTestId("amazon-answer")).toContainText("the 24-hour clock to notify Amazon runs from detection");

    // The assigned responder cannot stop the clock, whatever the reason.
    await panel.getByText("Change the answer").click();
    const form = panel.getByRole("form", { name: "Change the Security Incident answer" });
    await expect(form).toContainText("Only a security lead can change this answer to “No”");
    await form.getByRole("radio", { name: /^No\b/ }).check();
    await form.getByRole("textbox", { name: "Reason" }).fill("I think only our own data was exposed here.");
    await form.getByRole("button", { name: "Change answer" }).click();
    await expect(form.getByRole("alert")).toContainText("Only a security lead can change this answer to “No”");
    await page.reload();
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "green");

    // The security lead can, with a reason of at least 20 characters.
    await signInAs(page, lead);
    await page.goto(`/incidents/${reference}`);
    const leadPanel = page.getByRole("region", { name: "Security Incident under the policy" });
    await leadPanel.getByText("Change the answer").click();
    const leadForm = leadPanel.getByRole("form", { name: "Change the Security Incident answer" });
    await leadForm.getByRole("radio", { name: /^No\b/ }).check();
    await leadForm.getByRole("textbox", { name: "Reason" }).fill("Too short.");
    await leadForm.getByRole("button", { name: "Change answer" }).click();
    // Wait for the refusal (the fields are drawn again with it) before typing again.
    await expect(leadForm.getByText("Give a reason of at least 20 characters: it is shown on the incident and on the compliance map.")).toBeVisible();
    const reason = "The script only read the public price list; no Amazon Information on that server.";
    await leadForm.getByRole("textbox", { name: "Reason" }).fill(reason);
    await leadForm.getByRole("button", { name: "Change answer" }).click();
    await expect(leadPanel.getByTestId("amazon-answer")).toHaveText(/^No · no clock runs$/, { timeout: 10_000 });
    await expect(leadPanel).toContainText("Clock stopped: answer changed from “Not known yet” to “No”");
    await expect(leadPanel).toContainText(`Reason: ${reason}`);
    await expect(leadPanel).toContainText("by Dana Lead");
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText(`The 24-hour clock stops. Reason: ${reason}`);
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "not-required");
    await page.screenshot({ path: "/tmp/e2e-incident-clock-stopped.png", fullPage: true });
  });

  test("on a phone the form is usable and the countdown shows", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const responder = await createUser(["responder"], "Phone Responder");
    await signInAs(page, responder);
    await logIncident(page, { title: "Phone-logged incident", amazon: true });
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "green");
    // On the list each incident is a card: its clock within the phone's width, not off to the side.
    await page.goto("/incidents?q=Phone-logged");
    const card = page.getByRole("row").filter({ hasText: "Phone-logged incident" });
    const clock = (await card.getByRole("timer").boundingBox())!;
    expect(clock.x + clock.width).toBeLessThanOrEqual(390);
    await expect(card.getByRole("timer")).toHaveAttribute("data-clock", "green");
  });
});
