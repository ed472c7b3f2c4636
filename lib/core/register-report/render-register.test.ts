import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { pagedRows } from "./register-rows";
import { registerCsv, registerCsvResponseBody, registerPdf } from "./render-register";
import type { TRegister } from "./types";

interface TAsset {
  id: number;
  name: string;
  owner: string | null;
  reviewedAt: Date | null;
  critical: boolean;
}

const asset = (id: number): TAsset => ({
  id,
  name: id === 2 ? "=HYPERLINK(\"x\")" : `Server ${String(id).padStart(4, "0")}`,
  owner: id % 2 ? "Dana Fischer" : null,
  reviewedAt: id === 1 ? new Date("2026-11-30T10:05:00Z") : null,
  critical: id === 1,
});

/** A register of `count` assets read in pages of `pageSize`, remembering which pages were read. */
function assets(count: number, pageSize: number) {
  const pagesRead: (number | null)[] = [];
  const register: TRegister<TAsset> = {
    title: "Asset register",
    subtitle: "All assets as of 2026-11-30",
    columns: [
      { label: "Asset", value: (a) => a.name, width: 2 },
      { label: "Owner", value: (a) => a.owner },
      { label: "Last reviewed", value: (a) => a.reviewedAt },
      { label: "Critical", value: (a) => a.critical },
      { label: "Number", value: (a) => a.id, format: (v) => `#${String(v)}` },
    ],
    rows: pagedRows(
      pageSize,
      async (after: number | null, take) => {
        pagesRead.push(after);
        const start = (after ?? 0) + 1;
        return Array.from({ length: Math.max(0, Math.min(take, count - start + 1)) }, (_, i) => asset(start + i));
      },
      (a) => a.id,
    ),
  };
  return { register, pagesRead };
}

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

describe("register report", () => {
  it("writes CSV with the column labels and the formatted values, a page of rows at a time", async () => {
    const { register, pagesRead } = assets(2500, 1000);
    const csv = await text(registerCsv(register));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Asset,Owner,Last reviewed,Critical,Number");
    expect(lines[1]).toBe("Server 0001,Dana Fischer,2026-11-30 10:05 UTC,Yes,#1");
    // A cell a spreadsheet would run as a formula is neutralised (lib/csv).
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",,,No,#2`);
    expect(lines).toHaveLength(2502);
    expect(lines[2500]).toBe("Server 2500,,,No,#2500");
    expect(pagesRead).toEqual([null, 1000, 2000]);
  });

  it("reads the next page only when the one before has been written", async () => {
    const { register, pagesRead } = assets(2500, 1000);
    const stream = registerCsv(register);
    await stream.next(); // the header
    await stream.next(); // the first page
    expect(pagesRead).toEqual([null]);
    await stream.return(undefined);
  });

  it("streams the same CSV as bytes for a route handler", async () => {
    const body = registerCsvResponseBody(assets(3, 2).register);
    const csv = await new Response(body).text();
    expect(csv.split("\r\n").slice(0, 2)).toEqual(["Asset,Owner,Last reviewed,Critical,Number", "Server 0001,Dana Fischer,2026-11-30 10:05 UTC,Yes,#1"]);
  });

  it("renders a PDF with the title, the same labels and the same values", async () => {
    const { register, pagesRead } = assets(120, 50);
    const chunks: Buffer[] = [];
    const pdf = registerPdf(register, { footer: "Vigil asset register" });
    for await (const chunk of pdf) chunks.push(chunk as Buffer);
    const { text: pages, totalPages } = await extractText(new Uint8Array(Buffer.concat(chunks)), { mergePages: false });
    // Text extraction breaks lines where a cell wraps: compare with whitespace collapsed.
    const all = pages.join("\n").replace(/\s+/g, " ");
    expect(totalPages).toBeGreaterThan(1);
    for (const label of ["Asset register", "All assets as of 2026-11-30", "Asset", "Owner", "Last reviewed", "Critical", "Number"]) expect(all).toContain(label);
    expect(all).toContain("Server 0001 Dana Fischer 2026-11-30 10:05 UTC Yes #1");
    expect(all).toContain("Server 0120 — — No #120");
    // The header is repeated on every page, and pages are numbered.
    expect(pages.every((page) => page.includes("Last reviewed"))).toBe(true);
    expect(pages.at(-1)!.replace(/\s+/g, " ")).toContain(`Vigil asset register · page ${totalPages} of ${totalPages}`);
    expect(pagesRead).toEqual([null, 50, 100]);
  });
});
