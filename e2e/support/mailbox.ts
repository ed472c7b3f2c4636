// The messages the run's SMTP server received (scripts/run-e2e.ts writes them to a file).
import fs from "node:fs";

export interface TMailboxMessage {
  to: string[];
  subject: string;
  text: string;
  /** Sent after STARTTLS. */
  secure: boolean;
  /** The Message-ID header, e.g. "<…@example.test>". */
  messageId: string;
}

export function mailbox(): TMailboxMessage[] {
  const file = process.env.E2E_SMTP_MESSAGES;
  if (!file) throw new Error("E2E_SMTP_MESSAGES is not set: run the e2e tests with `npm run test:e2e`.");
  return JSON.parse(fs.readFileSync(file, "utf8")) as TMailboxMessage[];
}

/** Waits until a message matching `match` has arrived. */
export async function waitForMail(match: (m: TMailboxMessage) => boolean, timeoutMs = 15_000): Promise<TMailboxMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailbox().find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("No matching email reached the test SMTP server in time.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
