import { describe, expect, it } from "vitest";
import { pdfText } from "@/test/support/pdf-text";
import { parsePolicyMarkdown, textRuns } from "./policy-markdown";
import { renderPolicyPdf } from "./render-policy-pdf";
import type { Paragraph } from "mdast";

const BODY = `# Incident response plan

Notify Amazon at [3p-security@amazon.com](mailto:3p-security@amazon.com) **within 24 hours**.

## Roles

| Role | Who |
| --- | --- |
| IMPOC | Dana Lead |
| Incident commander | Rory Responder |

1. Detect
2. Contain
   - isolate the host
   - rotate keys

- [evil](javascript:alert(1)) stays text
- <script>alert(1)</script> stays literal
`;

describe("policy Markdown", () => {
  it("joins the lines of a paragraph with spaces, keeping hard breaks", () => {
    const tree = parsePolicyMarkdown("Notify Amazon at\n[the address](mailto:a@b.example) within\n24 hours.  \nNext line.");
    const runs = textRuns((tree.children[0] as Paragraph).children);
    expect(runs.map((r) => r.text).join("")).toBe("Notify Amazon at the address within 24 hours.\nNext line.");
  });

  it("keeps allowed links and turns others into plain text", () => {
    const tree = parsePolicyMarkdown("[ok](https://a.example) and [bad](javascript:alert(1))");
    const runs = textRuns((tree.children[0] as Paragraph).children);
    expect(runs.find((r) => r.text === "ok")?.link).toBe("https://a.example");
    expect(runs.find((r) => r.text === "bad")?.link).toBeNull();
  });
});

describe("policy PDF", () => {
  it("renders headings, the table, nested lists and links from the syntax tree", async () => {
    const pdf = await renderPolicyPdf({
      reference: "POL-2026-0001",
      title: "Incident response plan",
      number: 3,
      body: BODY,
      authorName: "Priya Officer",
      approvedByName: "Dana Lead",
      approvedAt: new Date("2026-12-01T10:00:00Z"),
      changeSummary: "Named the IMPOC",
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("Approved by Dana Lead");
    expect(text).toContain("2026-12-01 10:00 UTC");
    expect(text).toContain("Roles");
    expect(text).toContain("Incident commander Rory Responder");
    expect(text).toContain("1. Detect");
    expect(text).toContain("• isolate the host");
    expect(text).toContain("<script>alert(1)</script> stays literal");
    // The mailto link is a link annotation; the javascript one is not.
    const raw = pdf.toString("latin1");
    expect(raw).toContain("mailto:3p-security@amazon.com");
    expect(raw).not.toContain("javascript:");
  });
});
