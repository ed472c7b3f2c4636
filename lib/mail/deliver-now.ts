import "server-only";
import { now } from "@/lib/clock";
import { log } from "@/lib/http/log";
import { deliverOutbox } from "./deliver-outbox";

/**
 * Hands what is due in the outbox to the mail server right after an urgent change commits (the
 * notice to Amazon), instead of waiting for the next minute's sweep. A failure is only logged:
 * the row stays in the outbox and the sweep retries it.
 */
export async function deliverNow(): Promise<void> {
  try {
    await deliverOutbox(now(), { maxPerRun: 20 });
  } catch (error) {
    log.warn("mail: immediate delivery failed; the sweep will retry", { error: error instanceof Error ? error.message : String(error) });
  }
}
