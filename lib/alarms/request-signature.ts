// How other systems sign what they POST to /api/alarms:
//   X-Vigil-Source:    the source id (als_...)
//   X-Vigil-Timestamp: Unix time in seconds
//   X-Vigil-Signature: v1=<hex HMAC-SHA-256 of "<timestamp>.<raw body>" under the source's secret>
import { createHmac, timingSafeEqual } from "node:crypto";

export const MAX_CLOCK_SKEW_SECONDS = 300;

export function signAlarmRequest(secret: string, timestamp: number | string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

export function alarmSignatureValid(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signAlarmRequest(secret, timestamp, body), "utf8");
  const given = Buffer.from(signature, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A timestamp is accepted within 5 minutes either side of now. */
export function timestampFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{9,11}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}
