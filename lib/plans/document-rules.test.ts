import { describe, expect, it } from "vitest";
import { assertDraft, mayApproveDraft, nextVersionNumber, withContributor } from "./document-rules";
import { safeLinkUrl } from "./markdown-rules";

describe("approval separates duties", () => {
  it("refuses an approver who wrote the draft", () => {
    expect(mayApproveDraft("usr_author", ["usr_author"])).toBe(false);
  });
  it("refuses an approver who saved the draft after someone else started it", () => {
    expect(mayApproveDraft("usr_editor", ["usr_author", "usr_editor"])).toBe(false);
  });
  it("allows an approver who wrote none of it", () => {
    expect(mayApproveDraft("usr_lead", ["usr_author", "usr_editor"])).toBe(true);
  });
  it("keeps each contributor once, in the order they first saved", () => {
    expect(withContributor(["usr_a"], "usr_b")).toEqual(["usr_a", "usr_b"]);
    expect(withContributor(["usr_a", "usr_b"], "usr_a")).toEqual(["usr_a", "usr_b"]);
  });
});

describe("versions", () => {
  it("numbers the first approval 1 and each next one past the highest", () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([1, 3, 2])).toBe(4);
  });
  it("lets a draft change and refuses an approved version", () => {
    expect(() => assertDraft("draft")).not.toThrow();
    expect(() => assertDraft("approved")).toThrow(/approved and cannot change/);
  });
});

describe("links in plans and policies", () => {
  it("keeps http, https and mailto links", () => {
    expect(safeLinkUrl("https://sellercentral.amazon.com/")).toBe("https://sellercentral.amazon.com/");
    expect(safeLinkUrl("http://example.com/a")).toBe("http://example.com/a");
    expect(safeLinkUrl("mailto:3p-security@amazon.com")).toBe("mailto:3p-security@amazon.com");
  });
  it("drops every other scheme and relative paths", () => {
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "/settings", "vbscript:x", "", null]) expect(safeLinkUrl(url)).toBeNull();
  });
});
