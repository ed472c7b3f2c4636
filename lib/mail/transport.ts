// The SMTP transport. STARTTLS (or implicit TLS on 465) is required: nodemailer's requireTLS
// makes a server that offers no TLS fail the send before anything (credentials included)
// crosses the wire in clear. Certificates are verified unless a non-production setting says not.
import fs from "node:fs";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { TEnv } from "@/lib/env";

export type TSmtpOptions = SMTPTransport.Options;

type TMailEnv = Pick<
  TEnv,
  "SMTP_URL" | "SMTP_HOST" | "SMTP_PORT" | "SMTP_USER" | "SMTP_PASSWORD" | "SMTP_CA_FILE" | "SMTP_TLS_REJECT_UNAUTHORIZED"
>;

/** The nodemailer options for the configured server, or null when no SMTP server is configured. */
export function smtpOptionsFrom(config: TMailEnv, readFile: (file: string) => string = (f) => fs.readFileSync(f, "utf8")): TSmtpOptions | null {
  let host: string | undefined;
  let port: number | undefined;
  let user: string | undefined;
  let password: string | undefined;
  let implicitTls = false;
  if (config.SMTP_URL) {
    const url = new URL(config.SMTP_URL);
    implicitTls = url.protocol === "smtps:";
    host = url.hostname.replace(/^\[|\]$/g, "");
    port = url.port ? Number(url.port) : implicitTls ? 465 : 587;
    user = url.username ? decodeURIComponent(url.username) : undefined;
    password = url.password ? decodeURIComponent(url.password) : undefined;
  } else if (config.SMTP_HOST) {
    host = config.SMTP_HOST;
    port = config.SMTP_PORT ?? 587;
    implicitTls = port === 465;
  } else {
    return null;
  }
  user = config.SMTP_USER || user;
  password = config.SMTP_PASSWORD || password;
  return {
    host,
    port,
    secure: implicitTls,
    requireTLS: true,
    ignoreTLS: false,
    ...(user ? { auth: { user, pass: password ?? "" } } : {}),
    tls: {
      minVersion: "TLSv1.2",
      rejectUnauthorized: config.SMTP_TLS_REJECT_UNAUTHORIZED,
      ...(config.SMTP_CA_FILE ? { ca: readFile(config.SMTP_CA_FILE) } : {}),
    },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    // Never log: messages and credentials must not reach the logs.
    logger: false,
    debug: false,
  };
}

export interface TMailTransport {
  send(message: { from: string; to: string; subject: string; text: string; html: string; messageId?: string }): Promise<{
    response: string;
    messageId: string;
  }>;
  close(): void;
}

export function createMailTransport(options: TSmtpOptions): TMailTransport {
  // Refuse any option set that could send in clear, whoever built it.
  const safe = { ...options, requireTLS: true, ignoreTLS: false };
  // One sweep sends its batch over a few reused TLS connections, closed at the end of the run.
  const transporter = nodemailer.createTransport({ ...safe, pool: true, maxConnections: 2, maxMessages: 100 });
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      return { response: info.response, messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}
