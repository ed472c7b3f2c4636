// Security headers for every response (pure; proxy.ts applies them). The CSP carries a fresh
// nonce per request; Next.js reads it from the request's CSP header and puts it on its scripts.
import { isLoopbackHost } from "@/lib/env";

export function contentSecurityPolicy(nonce: string, isProduction: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? "" : " 'unsafe-eval'"}`,
    // React style attributes are inline styles; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Setup and invitation links carry tokens: never send the address to anyone.
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

/** HSTS only in production and never for loopback (it would force HTTPS on every local port). */
export function wantsHsts(isProduction: boolean, hostname: string): boolean {
  return isProduction && !isLoopbackHost(hostname);
}

/** Host header without the port ("[::1]:3000" -> "::1"). */
export function hostnameOf(hostHeader: string | null): string {
  if (!hostHeader) return "";
  if (hostHeader.startsWith("[")) return hostHeader.slice(1, hostHeader.indexOf("]"));
  return hostHeader.split(":")[0]!.toLowerCase();
}
