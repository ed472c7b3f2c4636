import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { backoffAfter, decideAfterFailure, describeFailure, maskAddresses } from "./retry-policy";
import { cleanSubject, renderEmail } from "./templates";
import { smtpOptionsFrom } from "./transport";

const MINUTE = 60_000;

describe("retry policy", () => {
  it("backs off exponentially, then hourly", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffAfter)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((m) => m * MINUTE));
  });

  it("retries a temporary failure and gives up once 24 hours have passed", () => {
    const queued = new Date("2026-03-01T00:00:00Z");
    const giveUpAt = new Date(queued.getTime() + 24 * 60 * MINUTE);
    const temporary = { responseCode: 451, command: "DATA" };
    expect(decideAfterFailure(temporary, 1, queued, giveUpAt)).toEqual({ kind: "retry", nextAttemptAt: new Date(queued.getTime() + MINUTE) });
    // The last retry lands on the give-up time itself.
    const late = new Date(giveUpAt.getTime() - 10 * MINUTE);
    expect(decideAfterFailure(temporary, 20, late, giveUpAt)).toEqual({ kind: "retry", nextAttemptAt: giveUpAt });
    expect(decideAfterFailure(temporary, 21, giveUpAt, giveUpAt)).toEqual({ kind: "give-up" });
  });

  it("gives up at once when the server refuses the recipient or message for good", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    expect(decideAfterFailure({ responseCode: 550, command: "RCPT TO" }, 1, at, new Date(at.getTime() + MINUTE)).kind).toBe("give-up");
    expect(decideAfterFailure({ code: "ETLS" }, 1, at, new Date(at.getTime() + MINUTE)).kind).toBe("retry");
  });

  it("keeps the server's answer but masks addresses in it", () => {
    const error = Object.assign(new Error("Can't send mail"), {
      code: "EENVELOPE",
      responseCode: 550,
      command: "RCPT TO",
      response: "550 5.1.1 <jane.doe@example.com>: Recipient address rejected",
    });
    expect(describeFailure(error)).toMatchObject({ text: "EENVELOPE: Can't send mail: 550 5.1.1 <<address>>: Recipient address rejected", responseCode: 550 });
    expect(maskAddresses("to bob@example.org, ok")).toBe("to <address>, ok");
  });
});

describe("templates", () => {
  const email = renderEmail(
    { subject: "Alarm:\r\nBcc: x@y.z", heading: "A <b>heading</b>", lines: ["First & second", "Third"], link: "/alarms/alm_1" },
    "https://vigil.example.com/",
  );

  it("puts the same words and the absolute link in both parts", () => {
    expect(email.text).toContain("First & second");
    expect(email.text).toContain("Open in Vigil: https://vigil.example.com/alarms/alm_1");
    expect(email.html).toContain('href="https://vigil.example.com/alarms/alm_1"');
    expect(email.html).toContain("First &amp; second");
  });

  it("escapes HTML and keeps the subject on one line", () => {
    expect(email.html).toContain("A &lt;b&gt;heading&lt;/b&gt;");
    expect(email.subject).toBe("Alarm: Bcc: x@y.z");
    expect(cleanSubject("a\nb")).toBe("a b");
  });
});

describe("SMTP settings", () => {
  const base = parseEnv({});

  it("sends nothing when no server is configured", () => {
    expect(smtpOptionsFrom(base)).toBeNull();
  });

  it("reads SMTP_URL and always requires TLS", () => {
    const options = smtpOptionsFrom({ ...base, SMTP_URL: "smtp://mailer:p%40ss@mail.example.com:2525" })!;
    expect(options).toMatchObject({ host: "mail.example.com", port: 2525, secure: false, requireTLS: true, ignoreTLS: false, auth: { user: "mailer", pass: "p@ss" } });
    expect(options.tls).toMatchObject({ rejectUnauthorized: true, minVersion: "TLSv1.2" });
    expect(smtpOptionsFrom({ ...base, SMTP_URL: "smtps://mail.example.com" })).toMatchObject({ port: 465, secure: true, requireTLS: true });
  });

  it("reads host, port, user and password, and a private CA file", () => {
    const options = smtpOptionsFrom(
      { ...base, SMTP_HOST: "mail.internal", SMTP_USER: "u", SMTP_PASSWORD: "p", SMTP_CA_FILE: "/etc/ca.pem" },
      () => "PEM",
    )!;
    expect(options).toMatchObject({ host: "mail.internal", port: 587, requireTLS: true, auth: { user: "u", pass: "p" } });
    expect(options.tls).toMatchObject({ ca: "PEM" });
  });

  it("refuses to turn certificate checks off in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SMTP_TLS_REJECT_UNAUTHORIZED: "false" })).toThrow(/SMTP_TLS_REJECT_UNAUTHORIZED/);
    expect(parseEnv({ SMTP_TLS_REJECT_UNAUTHORIZED: "false" }).SMTP_TLS_REJECT_UNAUTHORIZED).toBe(false);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL/);
  });
});
