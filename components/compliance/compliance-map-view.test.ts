// The compliance map page stays small at years of records: each control lists at most ten of its
// problems and counts the rest, which the CSV and PDF export list in full.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TControlRowView } from "@/lib/compliance/types";
import { ComplianceMapView } from "./compliance-map-view";

function row(problems: number): TControlRowView {
  return {
    id: "IR-2",
    section: "Incident response",
    title: "Notify Amazon within 24 hours",
    requirement: "Notify Amazon of any incident within 24 hours of detection.",
    basis: "computed",
    status: "not_met",
    summary: `${problems} of ${problems} incidents not notified within 24 hours.`,
    problems: Array.from({ length: problems }, (_, k) => `INC-2026-${String(k + 1).padStart(4, "0")}: notified 30 hours after detection`),
    owner: null,
    lastVerifiedAt: null,
    nextDueAt: null,
    evidence: null,
    openFindings: 0,
    overdueFindings: 0,
    period: "12 months",
    links: [],
    attestation: null,
    attestable: null,
  };
}

const render = (r: TControlRowView) => renderToStaticMarkup(createElement(ComplianceMapView, { rows: [r] }));

describe("the compliance map's problems per control", () => {
  it("lists ten and counts the rest, pointing to the export", () => {
    const html = render(row(2_500));
    expect(html.match(/notified 30 hours after detection/g)).toHaveLength(10);
    expect(html).toContain("INC-2026-0010");
    expect(html).not.toContain("INC-2026-0011");
    expect(html).toContain("and 2490 more: every one is listed in the CSV and PDF export.");
    expect(html.length).toBeLessThan(5_000);
  });

  it("lists every problem when there are ten or fewer", () => {
    const html = render(row(10));
    expect(html.match(/notified 30 hours after detection/g)).toHaveLength(10);
    expect(html).not.toContain("more: every one");
  });
});
