import { describe, expect, it } from "vitest";
import { NAV_ITEMS, isCurrent } from "./nav-items";

describe("navigation", () => {
  it("lists the areas of Vigil in order", () => {
    expect(NAV_ITEMS.map((i) => i.label)).toEqual(["Dashboard", "Incidents", "Legal requests", "Evidence", "Plans and policies", "Access reviews", "Assets", "Audit log", "Settings"]);
  });

  it("marks the dashboard current only on /", () => {
    expect(isCurrent("/", "/")).toBe(true);
    expect(isCurrent("/incidents", "/")).toBe(false);
  });

  it("marks an area current on its sub-pages but not on a look-alike path", () => {
    expect(isCurrent("/incidents/INC-2026-0001", "/incidents")).toBe(true);
    expect(isCurrent("/incidents-archive", "/incidents")).toBe(false);
  });
});
