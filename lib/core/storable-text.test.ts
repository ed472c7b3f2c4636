import { describe, expect, it } from "vitest";
import { isStorable, isStorableText, storable, storableText } from "./storable-text";

describe("storable text", () => {
  it("accepts well-formed text with surrogate pairs, refuses lone surrogates and NUL", () => {
    expect(isStorableText("Zoë 😀 ✓")).toBe(true);
    for (const bad of ["\ud800", "a\udc00", "\udfff\ud800", "😀".slice(0, 1), "a\u0000b"]) expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
  });

  it("turns what PostgreSQL cannot hold as sent into U+FFFD, and leaves the rest alone", () => {
    expect(storableText("a\ud800b\u0000c😀")).toBe("a\ufffdb\ufffdc😀");
    expect(storable({ ["k\u0000"]: ["\udc00", 1, null, { x: "ok" }] })).toEqual({ ["k\ufffd"]: ["\ufffd", 1, null, { x: "ok" }] });
  });

  it("checks keys, nested values and depth", () => {
    expect(isStorable({ a: ["fine", { b: "fine" }] })).toBe(true);
    expect(isStorable({ a: [{ ["b\u0000"]: 1 }] })).toBe(false);
    let deep: unknown = "x";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(isStorable(deep)).toBe(false);
  });
});
