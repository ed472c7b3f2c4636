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
    await page.goto("/");
    // Listed twice: among the open incidents and, with its notice due, among the deadlines.
    await expect(page.getByRole("link", { name: reference }).first()).toBeVisible();
    await page.screenshot({ path: "/tmp/e2e-dashboard-responder.png", fullPage: true });
  });

  test("on a phone the form is usable and the countdown shows", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const responder = await createUser(["responder"], "Phone Responder");
    await signInAs(page, responder);
    await logIncident(page, { title: "Phone-logged incident", amazon: true });
    await expect(page.getByRole("timer")).toHaveAttribute("data-clock", "green");
  });
});
