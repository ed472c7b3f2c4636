// What a checkpoint signature covers, and its check. Kept free of database imports so that an
// auditor's copy of exported checkpoints can be checked with this file alone.
import { sign, verify } from "node:crypto";
import type { TSigningKey, TTrustedKey } from "./signing-key";

export interface TCheckpointFields {
  sequence: bigint;
  hash: string;
  signedAt: Date;
  keyId: string;
}

export interface TSignedCheckpoint extends TCheckpointFields {
  publicKey: string;
  signature: string;
}

export function checkpointMessage(fields: TCheckpointFields): Buffer {
  return Buffer.from(
    ["vigil-audit-checkpoint/v1", fields.sequence.toString(), fields.hash, fields.signedAt.toISOString(), fields.keyId].join("\n"),
    "utf8",
  );
}

export function signCheckpoint(key: TSigningKey, fields: Omit<TCheckpointFields, "keyId">): TSignedCheckpoint {
  const full = { ...fields, keyId: key.keyId };
  const signature = sign(null, checkpointMessage(full), key.privateKey).toString("base64");
  return { ...full, publicKey: key.publicKeyPem, signature };
}

/**
 * Why the checkpoint cannot be trusted, or null when it is signed by one of the trusted keys.
 * The public key stored with the checkpoint is never used: whoever can write the row can put
 * their own key there.
 */
export function checkpointSignatureProblem(checkpoint: TSignedCheckpoint, trusted: readonly TTrustedKey[]): string | null {
  const key = trusted.find((k) => k.keyId === checkpoint.keyId);
  if (!key) return `signed by a key that is neither the signing key nor a configured retired key (${checkpoint.keyId.slice(0, 16)}…)`;
  try {
    if (verify(null, checkpointMessage(checkpoint), key.publicKey, Buffer.from(checkpoint.signature, "base64"))) return null;
  } catch {
    // a malformed signature: not valid
  }
  return "the signature is not valid";
}
