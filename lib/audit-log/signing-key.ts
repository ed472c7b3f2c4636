// The Ed25519 key that signs audit checkpoints. Production takes it from
// VIGIL_AUDIT_SIGNING_KEY (PEM or base64 PKCS#8 DER); the embedded quick start generates one into
// <data dir>/keys/audit-signing-key.pem on first use. Not "server-only": scripts sign too.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/http/log";

export interface TSigningKey {
  privateKey: KeyObject;
  /** SPKI PEM of the public key, stored with every checkpoint. */
  publicKeyPem: string;
  /** SHA-256 of the public key's SPKI DER, hex. */
  keyId: string;
}

export function parseSigningKey(value: string): TSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = value.includes("-----BEGIN")
      ? createPrivateKey(value)
      : createPrivateKey({ key: Buffer.from(value, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error("VIGIL_AUDIT_SIGNING_KEY must be an Ed25519 private key: PEM, or base64 of the PKCS#8 DER");
  }
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("VIGIL_AUDIT_SIGNING_KEY must be an Ed25519 key");
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  return createHash("sha256").update(key.export({ type: "spki", format: "der" })).digest("hex");
}

function generatedKeyFile(): string {
  const dir = path.join(env().dataDir, "keys");
  const file = path.join(dir, "audit-signing-key.pem");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    log.warn("Vigil generated audit-signing-key.pem: back it up, and keep exported checkpoints elsewhere", { dir });
    return pem;
  } catch {
    return fs.readFileSync(file, "utf8");
  }
}

/** A public key checkpoints may be signed with: the configured signing key's, or a retired one's. */
export interface TTrustedKey {
  keyId: string;
  publicKey: KeyObject;
}

export function trustedKey(publicKey: KeyObject | string): TTrustedKey {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  return { keyId: keyIdOf(key), publicKey: key };
}

function parsePublicKey(text: string): KeyObject {
  const key = text.includes("-----BEGIN") ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text, "base64"), format: "der", type: "spki" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 key");
  return key;
}

/**
 * Public keys of signing keys that were replaced: PEM blocks ("BEGIN PUBLIC KEY"), or base64 of
 * the SPKI DER separated by commas or white space. `source` names the setting in errors.
 */
export function parseRetiredPublicKeys(value: string, source: string): KeyObject[] {
  const pems = value.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  const rest = pems.reduce((text, pem) => text.replace(pem, " "), value);
  const texts = [...pems, ...rest.split(/[\s,]+/).filter(Boolean)];
  return texts.map((text, index) => {
    try {
      return parsePublicKey(text);
    } catch {
      throw new Error(`${source}: key ${index + 1} is not an Ed25519 public key (PEM "BEGIN PUBLIC KEY", or base64 of the SPKI DER)`);
    }
  });
}

/**
 * The only keys an audit checkpoint may be signed with: the configured signing key and the
 * retired public keys from VIGIL_AUDIT_RETIRED_PUBLIC_KEYS and VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE.
 */
export function trustedCheckpointKeys(): TTrustedKey[] {
  const config = env();
  const retired = [
    ...(config.VIGIL_AUDIT_RETIRED_PUBLIC_KEYS ? parseRetiredPublicKeys(config.VIGIL_AUDIT_RETIRED_PUBLIC_KEYS, "VIGIL_AUDIT_RETIRED_PUBLIC_KEYS") : []),
    ...(config.VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE
      ? parseRetiredPublicKeys(fs.readFileSync(config.VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE, "utf8"), "VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE")
      : []),
  ];
  return [trustedKey(signingKey().publicKeyPem), ...retired.map((key) => trustedKey(key))];
}

let cached: TSigningKey | undefined;

export function signingKey(): TSigningKey {
  cached ??= parseSigningKey(env().VIGIL_AUDIT_SIGNING_KEY ?? generatedKeyFile());
  return cached;
}

/** Tests only. */
export function resetSigningKeyForTests(): void {
  cached = undefined;
}
