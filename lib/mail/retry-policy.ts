// When to try an email again, and when to give up. Pure functions of the attempt and `now`.

const MINUTE = 60_000;

/** Wait after the nth failed attempt (1-based): 1, 2, 4, 8, 16, 32 minutes, then hourly. */
export function backoffAfter(attempt: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempt - 1), 60 * MINUTE);
}

export interface TSendFailure {
  /** nodemailer's error code: ETLS, EAUTH, EENVELOPE, ECONNECTION, ETIMEDOUT, EMESSAGE... */
  code?: string;
  responseCode?: number;
  command?: string;
}

/** A 5xx answer to the recipient or the message itself will not change by retrying. */
export function isPermanent(failure: TSendFailure): boolean {
  const code = failure.responseCode ?? 0;
  return code >= 500 && code < 600 && /^(RCPT TO|DATA)/i.test(failure.command ?? "");
}

export type TRetryDecision = { kind: "retry"; nextAttemptAt: Date } | { kind: "give-up" };

export function decideAfterFailure(failure: TSendFailure, attempt: number, now: Date, giveUpAt: Date): TRetryDecision {
  if (isPermanent(failure) || now.getTime() >= giveUpAt.getTime()) return { kind: "give-up" };
  // The last try happens at the give-up time itself, not a backoff step after it.
  const next = Math.min(now.getTime() + backoffAfter(attempt), giveUpAt.getTime());
  return { kind: "retry", nextAttemptAt: new Date(next) };
}

/** Error text for the outbox: the server's answer with any email address masked. */
export function describeFailure(error: unknown): { text: string; responseCode?: number; failure: TSendFailure } {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown; response?: unknown; message?: unknown };
  const failure: TSendFailure = {
    code: typeof e.code === "string" ? e.code : undefined,
    responseCode: typeof e.responseCode === "number" ? e.responseCode : undefined,
    command: typeof e.command === "string" ? e.command : undefined,
  };
  const message = typeof e.message === "string" ? e.message : String(error);
  const response = typeof e.response === "string" ? e.response : "";
  const raw = !response || message.includes(response) ? message : `${message}: ${response}`;
  const text = `${failure.code ? `${failure.code}: ` : ""}${maskAddresses(raw)}`.replace(/\s+/g, " ").slice(0, 500);
  return { text, responseCode: failure.responseCode, failure };
}

export function maskAddresses(text: string): string {
  return text.replace(/[^\s<>@"',;:()[\]]+@[^\s<>@"',;:()[\]]+/g, "<address>");
}
