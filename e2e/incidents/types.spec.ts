import { expect, test } from "@playwright/test";
import { createUser, signInAs } from "./helpers";

test.describe("incident types", () => {
  test("a security lead edits a type's procedure; a responder reads it without edit controls", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await page.goto("/incidents/types");
    const form = page.getByRole("form", { name: "Edit Malware or ransomware" });
    await form.getByLabel("Procedure").fill("1. Pull the network cable. 2. Call the incident commander.");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByText("Saved.")).toBeVisible();

    const responder = await createUser(["responder"], "Riley Responder");
    await signInAs(page, responder);
    await page.goto("/incidents/types");
    await expect(page.getByText("1. Pull the network cable. 2. Call the incident commander.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  });
});
