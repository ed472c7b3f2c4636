import { describe, expect, it } from "vitest";
import { assertFindingClosed, assertFindingOpen } from "./finding-rules";

describe("what a finding's status allows", () => {
  it("an open finding may change and close; a closed one refuses, saying to reopen it first", () => {
    expect(() => assertFindingOpen("open")).not.toThrow();
    expect(() => assertFindingOpen("closed")).toThrow(expect.objectContaining({ code: "INVALID_STATE", message: expect.stringMatching(/closed.*Reopen/) }));
  });

  it("only a closed finding reopens", () => {
    expect(() => assertFindingClosed("closed")).not.toThrow();
    expect(() => assertFindingClosed("open")).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
  });
});
