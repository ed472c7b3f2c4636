import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(toCsv(["a", "b"], [["x, y", 'say "hi"'], ["line\nbreak", 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",3\r\n');
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd"])("neutralises the formula %j", (value) => {
    expect(safeCell(value).startsWith("'")).toBe(true);
  });

  it("writes dates as ISO 8601 UTC and empty cells for null", () => {
    expect(safeCell(new Date("2026-11-29T10:00:00Z"))).toBe("2026-11-29T10:00:00.000Z");
    expect(safeCell(null)).toBe("");
  });
});
