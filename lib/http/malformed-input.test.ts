import { describe, expect, it } from "vitest";
import { MAX_FIELD_CHARS, checkRouteInput, malformedActionRequest, wellFormedPath } from "./malformed-input";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

describe("malformed requests at the boundaries", () => {
  it("lets through what Vigil's forms send: text with emoji and accents, references as bound arguments", () => {
    expect(malformedActionRequest(form({ title: "Laptop stolen — Zoë 😀", note: "" }), ["INC-2026-0001", "tsk_ab12"])).toBeNull();
  });

  it("refuses a missing form, a bound argument that is no id, and fields PostgreSQL cannot store as sent", () => {
    expect(malformedActionRequest("not a form", [])).toBe("the form is missing");
    expect(malformedActionRequest(undefined, [])).toBe("the form is missing");
    for (const bound of [["INC\u0000"], ["\ud800"], [42], [{ a: 1 }], ["../etc"], [""], ["x".repeat(101)]]) {
      expect(malformedActionRequest(form({}), bound), JSON.stringify(bound)).toBe("a bound argument is not an id");
    }
    expect(malformedActionRequest(form({ title: "a\u0000b" }), [])).toBe("a field is not storable text");
    // FormData holds well-formed text only: a lone surrogate is already U+FFFD there.
    expect(form({ title: "x\ud800" }).get("title")).toBe("x\ufffd");
    expect(malformedActionRequest(form({ ["t\u0000"]: "x" }), [])).toBe("a field name is not storable text");
    expect(malformedActionRequest(form({ title: "x".repeat(MAX_FIELD_CHARS + 1) }), [])).toBe("a field is too long");
  });

  it("answers a route's bad path parameter with 404 and a bad query with 422", () => {
    expect(() => checkRouteInput(new URL("http://x/api/a?format=pdf&q=Zoë"), { label: "EV-2026-0001" })).not.toThrow();
    expect(() => checkRouteInput(new URL("http://x/api/a"), { label: "EV\u0000" })).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => checkRouteInput(new URL("http://x/api/a?q=%00"), {})).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRouteInput(new URL(`http://x/api/a?q=${"a".repeat(3000)}`), {})).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("tells a path whose percent-encoding is not UTF-8", () => {
    expect(wellFormedPath("/api/evidence/EV-2026-0001/download")).toBe(true);
    expect(wellFormedPath("/api/evidence/Zo%C3%AB")).toBe(true);
    for (const bad of ["/api/evidence/%ED%A0%80", "/a/%F0%9F", "/a/%C0%AF", "/a/%"]) expect(wellFormedPath(bad), bad).toBe(false);
  });
});
