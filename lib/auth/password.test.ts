import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword } from "./password";

/** The parameters in a hash's header: "m=19456,t=2,p=1". */
const argon2Parameters = (passwordHash: string) => passwordHash.split("$")[3];

describe("the dummy hash unknown accounts are checked against", () => {
  it("is an argon2id hash with the parameters of real password hashes, so checking it costs the same", async () => {
    const real = await hashPassword("a perfectly fine passphrase 9");
    expect(DUMMY_PASSWORD_HASH.startsWith("$argon2id$")).toBe(true);
    expect(argon2Parameters(DUMMY_PASSWORD_HASH)).toBe(argon2Parameters(real));
  });
});
