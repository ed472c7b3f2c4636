import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

const ORIGIN = "https://vigil.example.com";

/** Where a browser lands after window.location.assign(target) on a Vigil page. */
const landing = (target: string) => new URL(target, `${ORIGIN}/sign-in`);

describe("the address after sign-in", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    for (const path of ["/", "/incidents", "/incidents/INC-2026-0001?tab=timeline#notice", "/settings/users?q=a%20b&page=2"]) {
      expect(safeCallbackUrl(path)).toBe(path);
      expect(landing(safeCallbackUrl(path)).href).toBe(`${ORIGIN}${path}`);
    }
  });

  it("never leaves this site, whatever the browser strips or rewrites", () => {
    const attempts = [
      "/\t/evil.example/phish", // callbackUrl=%2F%09%2Fevil.example%2Fphish: browsers drop the tab
      "/\n/evil.example",
      "/\r/evil.example",
      "\t//evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\t\\evil.example",
      "//evil.example",
      "///evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      " //evil.example",
      "/\u0000/evil.example",
      "/.//evil.example",
      "/a/..//evil.example",
    ];
    for (const attempt of attempts) {
      expect(landing(safeCallbackUrl(attempt)).origin, JSON.stringify(attempt)).toBe(ORIGIN);
    }
  });

  it("refuses control characters and backslashes: the person lands on the dashboard", () => {
    for (const attempt of ["/incidents\t", "/inci\ndents", "/incidents\\x", "/\u007fincidents"]) {
      expect(safeCallbackUrl(attempt), JSON.stringify(attempt)).toBe("/");
    }
  });

  it("falls back to the dashboard without a callback", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl("")).toBe("/");
  });
});
