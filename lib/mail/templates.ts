// Email templates in Vigil's look: a plain-text part and an HTML part with the same words and
// one link to the record. Callers pass text with no personal data the recipient's role may not
// read; links carry no secret other than a one-time token.

export interface TEmailContent {
  subject: string;
  /** Optional first line in bold, e.g. "Incident INC-2026-0001". */
  heading?: string;
  /** A warning shown first, in red: something that did not happen (a notice to Amazon not delivered). */
  alert?: string;
  /** Plain-text paragraphs. */
  lines: string[];
  /** Absolute URL, or a path inside Vigil that is joined to the base URL. Omitted only for
   *  emails to people outside Vigil (the notice to Amazon). */
  link?: string;
  linkLabel?: string;
  /** Small print at the bottom, e.g. why the person receives this email. */
  footer?: string;
}

export interface TRenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function absoluteLink(link: string, baseUrl: string): string {
  if (/^https?:\/\//.test(link)) return link;
  return `${baseUrl.replace(/\/$/, "")}/${link.replace(/^\//, "")}`;
}

const DEFAULT_FOOTER = "You receive this email because of your role in Vigil. Sign in to see the details.";

/** One line, no control characters: a subject can never inject a header. */
export function cleanSubject(subject: string): string {
  return subject.replace(/[\r\n\t]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);
}

export function renderEmail(content: TEmailContent, baseUrl: string): TRenderedEmail {
  const subject = cleanSubject(content.subject);
  const url = content.link === undefined ? null : absoluteLink(content.link, baseUrl);
  const label = content.linkLabel ?? "Open in Vigil";
  const footer = content.footer ?? DEFAULT_FOOTER;

  const text = [
    ...(content.alert ? [`!! ${content.alert}`, ""] : []),
    ...(content.heading ? [content.heading, ""] : []),
    ...content.lines.flatMap((line) => [line, ""]),
    ...(url ? [`${label}: ${url}`, ""] : []),
    "-- ",
    `Vigil · ${footer}`,
    "",
  ].join("\n");

  const paragraphs = content.lines
    .map((line) => `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;color:#1b2430">${escapeHtml(line)}</p>`)
    .join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f7f9;padding:24px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #dfe3e8;border-radius:6px">
<tr><td style="background:#15202e;color:#ffffff;padding:12px 20px;font-weight:700;font-size:16px;border-radius:6px 6px 0 0">Vigil</td></tr>
<tr><td style="padding:20px">
${content.alert ? `<p role="alert" style="margin:0 0 16px;padding:10px 12px;font-size:15px;font-weight:600;line-height:1.5;color:#8a1c13;background:#fdecea;border:1px solid #f5c2bd;border-radius:6px">${escapeHtml(content.alert)}</p>\n` : ""}${content.heading ? `<h1 style="margin:0 0 12px;font-size:18px;font-weight:600;color:#1b2430">${escapeHtml(content.heading)}</h1>\n` : ""}${paragraphs}
${url ? `<p style="margin:20px 0 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#1f4e8c;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">${escapeHtml(label)}</a></p>
<p style="margin:16px 0 0;font-size:13px;color:#5b6675">Or copy this address: ${escapeHtml(url)}</p>` : ""}
</td></tr>
<tr><td style="padding:12px 20px;border-top:1px solid #dfe3e8;font-size:12px;color:#5b6675">${escapeHtml(footer)}</td></tr>
</table></td></tr></table>
</body></html>
`;
  return { subject, text, html };
}
