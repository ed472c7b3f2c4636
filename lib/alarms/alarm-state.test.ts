import { describe, expect, it } from "vitest";
import { canAcknowledge, canClose, canOpenIncident } from "./alarm-state";

describe("alarm states", () => {
  it("acknowledges only open alarms and closes any alarm not yet closed", () => {
    expect([canAcknowledge("open"), canAcknowledge("acknowledged"), canAcknowledge("closed")]).toEqual([true, false, false]);
    expect([canClose("open"), canClose("acknowledged"), canClose("closed")]).toEqual([true, true, false]);
  });
  it("opens at most one incident per alarm, never from a closed one", () => {
    expect(canOpenIncident("open", null)).toBe(true);
    expect(canOpenIncident("acknowledged", "inc_1")).toBe(false);
    expect(canOpenIncident("closed", null)).toBe(false);
  });
});
