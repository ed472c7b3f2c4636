import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptField, encryptField, keyVersionOf } from "./field-encryption";
import { parseKeyRing } from "./keys";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");

describe("field encryption", () => {
  const ring = parseKeyRing(`1:${k1}`);

  it("round-trips text and never stores it in clear", () => {
    const token = encryptField("Jane Doe, jane@example.com", "incident:1:pii", ring);
    expect(token).not.toContain("Jane");
    expect(decryptField(token, "incident:1:pii", ring)).toBe("Jane Doe, jane@example.com");
  });

  it("gives a different token each time for the same text", () => {
    expect(encryptField("same", "a", ring)).not.toBe(encryptField("same", "a", ring));
  });

  it("refuses a token moved to another record", () => {
    const token = encryptField("secret", "incident:1:pii", ring);
    expect(() => decryptField(token, "incident:2:pii", ring)).toThrow();
  });

  it("refuses a token with one changed character", () => {
    const token = encryptField("secret", "a", ring);
    const last = token.at(-2) === "A" ? "B" : "A";
    expect(() => decryptField(`${token.slice(0, -2)}${last}${token.at(-1)}`, "a", ring)).toThrow();
  });

  it("encrypts with the newest key and still reads tokens of the older one after rotation", () => {
    const old = encryptField("before rotation", "a", ring);
    const rotated = parseKeyRing(`1:${k1},2:${k2}`);
    const fresh = encryptField("after rotation", "a", rotated);
    expect(keyVersionOf(old)).toBe(1);
    expect(keyVersionOf(fresh)).toBe(2);
    expect(decryptField(old, "a", rotated)).toBe("before rotation");
    expect(decryptField(fresh, "a", rotated)).toBe("after rotation");
  });

  it("refuses key rings that are malformed or have short keys", () => {
    expect(() => parseKeyRing("")).toThrow(/no keys/);
    expect(() => parseKeyRing("abc")).toThrow(/must look like/);
    expect(() => parseKeyRing(`1:${randomBytes(16).toString("base64")}`)).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`1:${k1},1:${k2}`)).toThrow(/twice/);
  });

  it("refuses a token whose authentication tag is cut short: only the full 16-byte tag is accepted", () => {
    // An empty text's token is its 16-byte tag alone. With the tag cut to 4 bytes, a forger
    // would need 2^32 tries, not 2^128, to make a token that decrypts.
    const token = encryptField("", "a", ring);
    const [prefix, version, iv, body] = token.split(".");
    const tag = Buffer.from(body!, "base64url");
    expect(tag).toHaveLength(16);
    for (const length of [4, 8, 12, 15]) {
      const cut = [prefix, version, iv, tag.subarray(0, length).toString("base64url")].join(".");
      expect(() => decryptField(cut, "a", ring), `tag of ${length} bytes`).toThrow(/authentication tag/);
    }
    expect(decryptField(token, "a", ring)).toBe("");
  });
});
