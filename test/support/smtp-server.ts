// A real SMTP server for tests: smtp-server with a fresh self-signed certificate, offering
// STARTTLS on a random loopback port, collecting what it receives. Modes:
//   "accept"              takes every message
//   "refuse-then-accept"  answers the first `refusals` messages with 451 (temporary), then accepts
//   "no-tls"              hides STARTTLS, so a client that insists on TLS must send nothing
//   "reject"              refuses every recipient for good (550), as for an address that does not exist
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from "smtp-server";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { smtpOptionsFrom, type TSmtpOptions } from "@/lib/mail/transport";

export type TSmtpMode = "accept" | "refuse-then-accept" | "no-tls" | "reject";

export interface TReceivedMessage {
  envelopeFrom: string;
  envelopeTo: string[];
  /** The connection was upgraded to TLS before the message was sent. */
  secure: boolean;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TTestSmtpServer {
  host: string;
  port: number;
  /** PEM of the self-signed certificate: trust it as the CA (SMTP_CA_FILE). */
  certificate: string;
  messages: TReceivedMessage[];
  /** Messages refused so far (mode refuse-then-accept). */
  refused: number;
  /** Every AUTH attempt and every MAIL FROM, whether over TLS or not. */
  events: { type: "auth" | "mail-from" | "data"; secure: boolean }[];
  user: string;
  password: string;
  /** Vigil's settings (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_CA_FILE) for this server. */
  settings(): Record<string, string>;
  /** Vigil's transport options from those settings (smtpOptionsFrom), trusting this server's certificate. */
  smtpOptions(): TSmtpOptions;
  setMode(mode: TSmtpMode, refusals?: number): void;
  /** Resolves when `count` messages have arrived (or rejects after the timeout). */
  waitForMessages(count: number, timeoutMs?: number): Promise<TReceivedMessage[]>;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { mode?: TSmtpMode; refusals?: number } = {}): Promise<TTestSmtpServer> {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    extensions: [
      { name: "basicConstraints", cA: true },
      { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] },
    ],
  });
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vigil-smtp-")), "ca.pem");
  fs.writeFileSync(caFile, pems.cert);
  let mode: TSmtpMode = options.mode ?? "accept";
  let refusalsLeft = options.refusals ?? 1;
  const user = "vigil-test";
  const password = "not-a-real-password";

  const state = {
    messages: [] as TReceivedMessage[],
    refused: 0,
    events: [] as TTestSmtpServer["events"],
  };

  const server = new SMTPServer({
    key: pems.private,
    cert: pems.cert,
    secure: false,
    hideSTARTTLS: mode === "no-tls",
    // Accept AUTH only after STARTTLS (the package default) and log nothing.
    allowInsecureAuth: false,
    logger: false,
    disabledCommands: mode === "no-tls" ? ["STARTTLS"] : [],
    authMethods: ["PLAIN", "LOGIN"],
    onAuth(auth: SMTPServerAuthentication, session: SMTPServerSession, callback) {
      state.events.push({ type: "auth", secure: session.secure });
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(new Error("Invalid username or password"));
    },
    onRcptTo(_address, _session, callback) {
      if (mode !== "reject") return callback();
      const error = new Error("5.1.1 Mailbox unavailable") as Error & { responseCode: number };
      error.responseCode = 550;
      return callback(error);
    },
    onMailFrom(_address, session, callback) {
      state.events.push({ type: "mail-from", secure: session.secure });
      callback();
    },
    onData(stream, session, callback) {
      state.events.push({ type: "data", secure: session.secure });
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (mode === "refuse-then-accept" && refusalsLeft > 0) {
          refusalsLeft -= 1;
          state.refused += 1;
          const error = new Error("4.3.0 Temporary failure, try again later") as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        state.messages.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          ...parseMessage(raw),
          raw,
        });
        callback();
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.server.address() as AddressInfo).port));
  });

  const api: TTestSmtpServer = {
    host: "127.0.0.1",
    port,
    certificate: pems.cert,
    get messages() {
      return state.messages;
    },
    get refused() {
      return state.refused;
    },
    get events() {
      return state.events;
    },
    user,
    password,
    settings() {
      return { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_USER: user, SMTP_PASSWORD: password, SMTP_CA_FILE: caFile };
    },
    smtpOptions() {
      // Built by Vigil's own code from the settings, so the TLS rules under test are Vigil's.
      return { ...smtpOptionsFrom(parseEnv(api.settings()))!, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };
    },
    setMode(next, refusals = 1) {
      mode = next;
      refusalsLeft = refusals;
      // smtp-server reads these options per command, so the change applies to the next connection.
      // Hiding STARTTLS is not enough (a client may try it anyway): the command is disabled too.
      const serverOptions = (server as unknown as { options: { hideSTARTTLS: boolean; disabledCommands: string[] } }).options;
      serverOptions.hideSTARTTLS = next === "no-tls";
      serverOptions.disabledCommands = next === "no-tls" ? ["STARTTLS"] : [];
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${state.messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return state.messages;
    },
    close: () =>
      new Promise<void>((resolve) => server.close(() => resolve())).then(() => fs.rmSync(path.dirname(caFile), { recursive: true, force: true })),
  };
  return api;
}

// A small MIME reader, enough for nodemailer's output: headers, and the text/plain and
// text/html parts of a multipart/alternative body in 7bit, quoted-printable or base64.
export function parseMessage(raw: string): Pick<TReceivedMessage, "headers" | "subject" | "text" | "html"> {
  const { headers, body } = splitHeaders(raw);
  const parts: { type: string; content: string }[] = [];
  collectParts(headers, body, parts);
  return {
    headers,
    subject: decodeWords(headers["subject"] ?? ""),
    text: parts.find((p) => p.type === "text/plain")?.content ?? "",
    html: parts.find((p) => p.type === "text/html")?.content ?? "",
  };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, "\n");
  const end = normalised.indexOf("\n\n");
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? "" : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function collectParts(headers: Record<string, string>, body: string, out: { type: string; content: string }[]): void {
  const contentType = headers["content-type"] ?? "text/plain";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return;
    for (const section of body.split(`--${boundary}`).slice(1)) {
      if (section.startsWith("--")) break;
      const part = splitHeaders(section.replace(/^\n/, ""));
      collectParts(part.headers, part.body, out);
    }
    return;
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  let content = body;
  if (encoding === "quoted-printable") content = decodeQuotedPrintable(body);
  else if (encoding === "base64") content = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  out.push({ type, content: content.replace(/\n$/, "") });
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
