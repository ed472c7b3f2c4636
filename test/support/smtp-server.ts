// A real SMTP server for tests: smtp-server with a fresh self-signed certificate, offering
// STARTTLS on a random loopback port, collecting what it receives. Modes:
//   "accept"              takes every message
//   "refuse-then-accept"  answers the first `refusals` messages with 451 (temporary), then accepts
//   "no-tls"              hides STARTTLS, so a client that insists on TLS must send nothing
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from "smtp-server";
import type { TSmtpOptions } from "@/lib/mail/transport";

export type TSmtpMode = "accept" | "refuse-then-accept" | "no-tls";

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
  /** nodemailer options for Vigil's transport, trusting this server's certificate. */
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
  let mode: TSmtpMode = options.mode ?? "accept";
  let refusalsLeft = options.refusals ?? 1;
  const user = "vigil-test";
  const password = "not-a-real-password";

  const state = {
    messages: [] as TReceivedMessage[],
    refused: 0,
    events: [] as TTestSmtpServer["events"],
  };

  const make = (hide: boolean) =>
    new SMTPServer({
      key: pems.private,
      cert: pems.cert,
      secure: false,
      hideSTARTTLS: hide,
      // Accept AUTH only after STARTTLS (the package default) and log nothing.
      allowInsecureAuth: false,
      logger: false,
      disabledCommands: [],
      authMethods: ["PLAIN", "LOGIN"],
      onAuth(auth: SMTPServerAuthentication, session: SMTPServerSession, callback) {
        state.events.push({ type: "auth", secure: session.secure });
        if (auth.username === user && auth.password === password) return callback(null, { user });
        return callback(new Error("Invalid username or password"));
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

  let server = make(mode === "no-tls");
  const listen = (s: SMTPServer, port: number) =>
    new Promise<number>((resolve, reject) => {
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => resolve((s.server.address() as AddressInfo).port));
    });
  const port = await listen(server, 0);
  const close = (s: SMTPServer) => new Promise<void>((resolve) => s.close(() => resolve()));

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
    smtpOptions() {
      return {
        host: "127.0.0.1",
        port,
        secure: false,
        requireTLS: true,
        auth: { user, pass: password },
        tls: { ca: pems.cert, rejectUnauthorized: true, minVersion: "TLSv1.2" },
        connectionTimeout: 5_000,
        greetingTimeout: 5_000,
        socketTimeout: 10_000,
        logger: false,
      };
    },
    setMode(next, refusals = 1) {
      const tlsChanged = (next === "no-tls") !== (mode === "no-tls");
      mode = next;
      refusalsLeft = refusals;
      if (tlsChanged) {
        // hideSTARTTLS is fixed per server instance: restart on the same port.
        const old = server;
        server = make(next === "no-tls");
        void close(old).then(() => listen(server, port));
      }
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${state.messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return state.messages;
    },
    close: () => close(server),
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
