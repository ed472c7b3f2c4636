// AES-256-GCM for personal data at rest. A token names its key version, so keys can be
// rotated: new writes use the current key, old tokens still decrypt. The associated data
// binds a token to its place (e.g. "incident:inc_123:piiDetails"): a token copied to
// another record or field does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keyRing, type TKeyRing } from "./keys";

const PREFIX = "enc1";
/** GCM's full tag: pinned on both sides, so a token with a shorter tag is refused, never checked on fewer bits. */
const TAG_BYTES = 16;

export function encryptField(plaintext: string, associatedData: string, ring: TKeyRing = keyRing()): string {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, ring.current, iv.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptField(token: string, associatedData: string, ring: TKeyRing = keyRing()): string {
  const [prefix, version, ivText, bodyText] = token.split(".");
  if (prefix !== PREFIX || !version || !ivText || !bodyText) throw new Error("Not an encrypted field");
  const key = ring.keys.get(Number(version));
  if (!key) throw new Error(`Encryption key version ${version} is not configured`);
  const body = Buffer.from(bodyText, "base64url");
  if (body.length < TAG_BYTES) throw new Error(`The encrypted field is shorter than its ${TAG_BYTES}-byte authentication tag`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** Key version a token was written with: lets a rotation job find what to re-encrypt. */
export function keyVersionOf(token: string): number {
  return Number(token.split(".")[1]);
}
