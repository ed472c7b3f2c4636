// Passwords: argon2id (m=19456 KiB, t=2, p=1, OWASP's minimum), 12 to 128 characters, refused
// when common or when they contain the account's email name. No composition rules, no rotation.
import fs from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
export const PASSWORD_HISTORY = 10;

// Algorithm.Argon2id is a const enum (2); written out so isolated transpilers accept it.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export type TArgon2Observer = (operation: "hash" | "verify") => void;
let argon2Observer: TArgon2Observer | undefined;

/**
 * Tests: observe every argon2 computation (sign-in must cost the same whether or not the
 * account exists). Returns the function that restores the previous observer.
 */
export function observeArgon2(observer: TArgon2Observer | undefined): () => void {
  const previous = argon2Observer;
  argon2Observer = observer;
  return () => (argon2Observer = previous);
}

export function hashPassword(password: string): Promise<string> {
  argon2Observer?.("hash");
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  argon2Observer?.("verify");
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Compared against when the account does not exist or has no password, so every answer costs
// one argon2 verification and unknown emails cannot be told apart by timing. Made once with
// ARGON2_OPTIONS (password.test.ts checks they agree) and kept here, so that not even the
// process's first sign-in costs an extra hash.
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$HHUabUzWgcGHZXq0Td4CDw$gUhCEnW8OvWTQk3vvi4S3dJSZ3jZBXLZLpt4h0BZlEY";
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(DUMMY_PASSWORD_HASH, password);
}

let common: Set<string> | undefined;

/** The shipped list of common passwords (lib/auth/common-passwords.txt), lower-cased. */
export function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib", "auth", "common-passwords.txt");
    common = new Set(
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#")),
    );
  }
  return common;
}

/** The reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || commonPasswords().has(lower.replace(/\s+/g, ""))) {
    return "This password is too common. Choose another.";
  }
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && lower.includes(local)) return "The password must not contain your email name.";
  return null;
}
