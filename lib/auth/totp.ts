// TOTP (RFC 6238): SHA-1, 6 digits, 30-second steps, one step of drift either way. A code is
// accepted once: the step it matched must be later than the last accepted step.
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "Vigil"): TOTP {
  return new TOTP({ issuer: "Vigil", label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, accountLabel: string): string {
  return totp(secret, accountLabel).toString();
}

/** The code for a moment (tests and the e2e fixture). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

export function stepAt(at: Date): bigint {
  return BigInt(Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS));
}

/** The matched time step when the code is right and not used before, else null. */
export function verifyTotp(secret: string, code: string, at: Date, lastStep: bigint | null): bigint | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = stepAt(at) + BigInt(delta);
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
