// Where the sign-in page sends someone after signing in (pure, unit-tested).

/** Only same-site paths: never an absolute address (no open redirect). */
export function safeCallbackUrl(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}
