import { describe, expect, it } from "vitest";
import { echoableValues, formValues } from "./action-state";

describe("formValues", () => {
  it("keeps single fields as strings, repeated and [] fields as arrays, and drops framework fields", () => {
    const form = new FormData();
    form.append("title", "Laptop");
    form.append("teamIds", "usr_a");
    form.append("teamIds", "usr_b");
    form.append("roles[]", "auditor");
    form.append("$ACTION_ID_abc", "");
    expect(formValues(form)).toEqual({ title: "Laptop", teamIds: ["usr_a", "usr_b"], roles: ["auditor"] });
  });
});

describe("echoableValues", () => {
  it("never sends passwords, codes, tokens or secrets back to the browser", () => {
    expect(echoableValues({ email: "a@b.c", password: "x", newPassword: "y", code: "123456", token: "t", totpSecret: "s", note: "n" })).toEqual({ email: "a@b.c", note: "n" });
  });
});
