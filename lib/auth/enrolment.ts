import "server-only";
import QRCode from "qrcode";
import { newTotpSecret, totpUri } from "./totp";

/** A fresh TOTP secret and its QR code (data URL) for an enrolment form. */
export async function newEnrolment(accountLabel: string): Promise<{ secret: string; qrDataUrl: string }> {
  const secret = newTotpSecret();
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, accountLabel), { margin: 1, width: 180 });
  return { secret, qrDataUrl };
}
