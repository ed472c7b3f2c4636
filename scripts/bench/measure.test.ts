import { describe, expect, it } from "vitest";
import { scansIndex, summarizePlan, type TPlanNode } from "./measure";

const summarize = (plan: TPlanNode) => summarizePlan(plan, ["Incident"], { seqScans: [], scans: [] });

describe("the plan summary the volume tests assert on", () => {
  it("names an index scan, an index-only scan and a bitmap scan by the index they read", () => {
    const plan: TPlanNode = {
      "Node Type": "Append",
      Plans: [
        { "Node Type": "Index Scan", "Relation Name": "Incident", "Index Name": "Incident_a_idx" },
        { "Node Type": "Index Only Scan", "Relation Name": "Incident", "Index Name": "Incident_b_idx" },
        {
          "Node Type": "Bitmap Heap Scan",
          "Relation Name": "Incident",
          Plans: [{ "Node Type": "BitmapOr", Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "Incident_c_idx" }, { "Node Type": "Bitmap Index Scan", "Index Name": "Incident_d_idx" }] }],
        },
        { "Node Type": "Index Scan", "Relation Name": "User", "Index Name": "User_pkey" },
      ],
    };
    const { scans, seqScans } = summarize(plan);
    expect(seqScans).toEqual([]);
    expect(scans).toEqual(["Index Scan Incident_a_idx", "Index Only Scan Incident_b_idx", "Bitmap Heap Scan Incident via Incident_c_idx, Incident_d_idx"]);
    for (const [scan, index] of [
      [scans[0]!, "Incident_a_idx"],
      [scans[1]!, "Incident_b_idx"],
      [scans[2]!, "Incident_c_idx"],
      [scans[2]!, "Incident_d_idx"],
    ] as const) {
      expect(scansIndex(scan, index)).toBe(true);
    }
    expect(scansIndex(scans[0]!, "Incident_b_idx")).toBe(false);
    expect(scansIndex(scans[2]!, "Incident_c")).toBe(false);
    expect(scansIndex("Seq Scan on Incident", "Incident")).toBe(false);
  });

  it("reports a sequential scan of a listed table apart, and not as a scan of an index", () => {
    const { scans, seqScans } = summarize({ "Node Type": "Sort", Plans: [{ "Node Type": "Seq Scan", "Relation Name": "Incident" }] });
    expect(seqScans).toEqual(["Seq Scan on Incident"]);
    expect(scans).toEqual([]);
  });
});
