import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by";

describe("groupBy", () => {
  it("groups by key, keeping the order of the items within each group and of first appearance across groups", () => {
    const grouped = groupBy(["b1", "a1", "b2", "c1", "a2"], (s) => s[0]);
    expect([...grouped.entries()]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1", "a2"]],
      ["c", ["c1"]],
    ]);
  });

  it("gives an empty map for no items", () => {
    expect(groupBy([], (x: string) => x).size).toBe(0);
  });
});
