// Which links a plan's Markdown may carry, on screen and in the PDF alike: http(s) and mailto
// only. Anything else (javascript:, data:, file:, relative paths) renders as plain text.

const ALLOWED_PROTOCOLS = ["http:", "https:", "mailto:"];

/** The URL when it is an absolute http(s) or mailto link, else null. */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    return ALLOWED_PROTOCOLS.includes(parsed.protocol) ? trimmed : null;
  } catch {
    return null;
  }
}
