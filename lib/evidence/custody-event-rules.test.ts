import { describe, expect, it } from "vitest";
import { allowedCustodyEvents, assertCanChangeHands, assertTransferOpen, nextEvidenceStatus } from "./custody-event-rules";

describe("custody events by status", () => {
  it("moves the status as recorded: seal, unseal, release, destroy; analysis leaves it", () => {
    expect(nextEvidenceStatus("active", "sealed", false)).toBe("sealed");
    expect(nextEvidenceStatus("sealed", "unsealed", false)).toBe("active");
    expect(nextEvidenceStatus("active", "analysed", false)).toBe("active");
    expect(nextEvidenceStatus("sealed", "released", false)).toBe("released");
    expect(nextEvidenceStatus("active", "destroyed", false)).toBe("destroyed");
  });

  it("refuses events the status does not allow, and release or destruction under legal hold", () => {
    expect(nextEvidenceStatus("sealed", "analysed", false)).toEqual({ error: expect.stringMatching(/sealed/) });
    expect(nextEvidenceStatus("active", "unsealed", false)).toEqual({ error: expect.any(String) });
    expect(nextEvidenceStatus("destroyed", "released", false)).toEqual({ error: expect.any(String) });
    expect(nextEvidenceStatus("active", "destroyed", true)).toEqual({ error: expect.stringMatching(/legal hold/) });
    expect(nextEvidenceStatus("active", "sealed", true)).toBe("sealed");
  });

  it("offers exactly the events the rules allow", () => {
    expect(allowedCustodyEvents("active", false)).toEqual(["analysed", "sealed", "released", "destroyed"]);
    expect(allowedCustodyEvents("sealed", false)).toEqual(["unsealed", "released", "destroyed"]);
    expect(allowedCustodyEvents("sealed", true)).toEqual(["unsealed"]);
    expect(allowedCustodyEvents("released", false)).toEqual([]);
    expect(allowedCustodyEvents("destroyed", false)).toEqual([]);
  });
});

describe("hand-overs", () => {
  it("an item in custody can change hands; a released or destroyed one cannot", () => {
    expect(() => assertCanChangeHands("active")).not.toThrow();
    expect(() => assertCanChangeHands("sealed")).not.toThrow();
    expect(() => assertCanChangeHands("released")).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
    expect(() => assertCanChangeHands("destroyed")).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
  });

  it("a transfer is answered once", () => {
    expect(() => assertTransferOpen("pending")).not.toThrow();
    expect(() => assertTransferOpen("accepted")).toThrow(/already accepted/);
    expect(() => assertTransferOpen("declined")).toThrow(/already declined/);
  });
});
