// Where the sign-in page sends someone after signing in (pure, unit-tested).

// Any origin does: the callback is resolved against it only to see whether it stays there.
const BASE = new URL("http://vigil.invalid");

/**
 * A path of this site, or "/" (no open redirect). Control characters and backslashes are
 * refused outright (browsers drop tabs and newlines and read "\" as "/", so "/\t/evil.example"
 * would become "//evil.example"); the rest is resolved against a base URL and must keep its
 * origin. What is returned is the resolved path, never the raw text.
 */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  const target = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  return url.origin === BASE.origin && !target.startsWith("//") ? target : "/";
}
