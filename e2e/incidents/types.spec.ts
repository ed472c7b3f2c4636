import { expect, test } from "@playwright/test";
import { createUser, signInAs } from "./helpers";

test.describe("incident types", () => {
  test("the types read as the incident response plan lists them; a lead is sent to the plan's draft to change them, a responder reads them", async ({ page }) => {
    const lead = await createUser(["security_lead"], "Dana Lead");
    await signInAs(page, lead);
    await page.goto("/incidents/types");
    const malware = page.getByRole("region", { name: "Malware or ransomware" });
    await expect(malware).toContainText("Isolate the host from the network");
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await expect(page.getByText("add, change or retire them in the plan's draft")).toBeVisible();
    await expect(page.getByRole("link", { name: "Plans and policies" }).last()).toHaveAttribute("href", "/plans");

    const responder = await createUser(["responder"], "Riley Responder");
    await signInAs(page, responder);
    await page.goto("/incidents/types");
    await expect(page.getByRole("region", { name: "Malware or ransomware" })).toContainText("Escalation path");
    await expect(page.getByText("they change when a new version of the plan is approved")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  });
});
