// Vigil's secrets: the master encryption keys (versioned, for AES-256-GCM) and the server
// secret (sessions, keyed hashes). Production takes them from VIGIL_ENCRYPTION_KEYS and
// VIGIL_SECRET; the embedded quick start generates them into <data dir>/keys on first use.
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import { log } from "@/lib/http/log";
import path from "node:path";
import { env } from "@/lib/env";

export interface TKeyRing {
  /** Version used for new encryptions: the highest configured. */
  current: number;
  keys: ReadonlyMap<number, Buffer>;
}

/** Parses `1:<base64 32 bytes>,2:<base64 32 bytes>`. */
export function parseKeyRing(value: string): TKeyRing {
  const keys = new Map<number, Buffer>();
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\d+):([A-Za-z0-9+/=_-]+)$/.exec(part);
    if (!match) throw new Error("VIGIL_ENCRYPTION_KEYS must look like 1:<base64 key>,2:<base64 key>");
    const version = Number(match[1]);
    const key = Buffer.from(match[2]!, "base64");
    if (key.length !== 32) throw new Error(`VIGIL_ENCRYPTION_KEYS key ${version} must be 32 bytes (base64 of 32 random bytes)`);
    if (keys.has(version)) throw new Error(`VIGIL_ENCRYPTION_KEYS has key version ${version} twice`);
    keys.set(version, key);
  }
  if (keys.size === 0) throw new Error("VIGIL_ENCRYPTION_KEYS has no keys");
  return { current: Math.max(...keys.keys()), keys };
}

function generatedFile(name: string, make: () => string): string {
  const dir = path.join(env().dataDir, "keys");
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const value = make();
  try {
    fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: "wx" });
    log.warn("Vigil generated a secret: back it up, without it the encrypted data cannot be read", { name, dir });
    return value;
  } catch {
    // Another process created it first: use theirs.
    return fs.readFileSync(file, "utf8").trim();
  }
}

let ring: TKeyRing | undefined;
let secret: Buffer | undefined;

export function keyRing(): TKeyRing {
  ring ??= parseKeyRing(
    env().VIGIL_ENCRYPTION_KEYS ?? generatedFile("encryption-keys", () => `1:${randomBytes(32).toString("base64")}`),
  );
  return ring;
}

export function serverSecret(): Buffer {
  secret ??= Buffer.from(env().VIGIL_SECRET ?? generatedFile("secret", () => randomBytes(32).toString("base64url")), "utf8");
  return secret;
}

const derived = new Map<string, Buffer>();

/** A key for one purpose, derived from the server secret (once per purpose), so purposes never share a key. */
export function derivedKey(purpose: string): Buffer {
  let key = derived.get(purpose);
  if (!key) derived.set(purpose, (key = Buffer.from(hkdfSync("sha256", serverSecret(), Buffer.alloc(0), `vigil:${purpose}`, 32))));
  // A copy: a caller that fills or changes its buffer cannot change the key.
  return Buffer.from(key);
}

/** HMAC-SHA-256 of a value under a purpose key, hex: for IP addresses and user agents in logs. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(value, "utf8").digest("hex");
}

/** Tests only: forget cached keys after changing the environment. */
export function resetKeysForTests(): void {
  ring = undefined;
  secret = undefined;
  derived.clear();
}
