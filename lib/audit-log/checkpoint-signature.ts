// What a checkpoint signature covers, and its check. Kept free of database imports so that an
// auditor's copy of exported checkpoints can be checked with this file alone.
import { createPublicKey, sign, verify } from "node:crypto";
import { keyIdOf, type TSigningKey } from "./signing-key";

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

/** True when the signature is valid for these fields under the stored public key. */
export function checkpointSignatureValid(checkpoint: TSignedCheckpoint): boolean {
  try {
    const publicKey = createPublicKey(checkpoint.publicKey);
    if (keyIdOf(publicKey) !== checkpoint.keyId) return false;
    return verify(null, checkpointMessage(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    return false;
  }
}
