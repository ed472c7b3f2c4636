import "server-only";
import { env } from "@/lib/env";
import { smtpOptionsFrom } from "./transport";

/** Is a mail server configured? Without one, every email is held in the outbox, unsent. */
export function mailServerConfigured(): boolean {
  const config = env();
  return Boolean(config.SMTP_URL || config.SMTP_HOST) && smtpOptionsFrom(config, () => "") !== null;
}
