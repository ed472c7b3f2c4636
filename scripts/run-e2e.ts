// Builds the production bundle, starts a real SMTP server with STARTTLS for the run, then runs
// the Playwright suite against `next start`. Called through scripts/with-test-db.ts, so
// DATABASE_URL is a fresh database. Messages the server receives are written to a JSON file the
// specs read (E2E_SMTP_MESSAGES).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSmtpServer } from "../test/support/smtp-server";

if (!process.env.DATABASE_URL) {
  console.error("run-e2e needs DATABASE_URL: run it as `npm run test:e2e`.");
  process.exit(2);
}
if (process.env.E2E_SKIP_BUILD !== "1") {
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

async function main(): Promise<number> {
  const smtp = await startSmtpServer({ mode: "accept" });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-e2e-smtp-"));
  const messagesFile = path.join(dir, "messages.json");
  fs.writeFileSync(messagesFile, "[]");
  let written = 0;
  const dump = setInterval(() => {
    if (smtp.messages.length === written) return;
    written = smtp.messages.length;
    const view = smtp.messages.map((m) => ({ to: m.envelopeTo, subject: m.subject, text: m.text, secure: m.secure, messageId: m.headers["message-id"] ?? "" }));
    fs.writeFileSync(`${messagesFile}.tmp`, JSON.stringify(view));
    fs.renameSync(`${messagesFile}.tmp`, messagesFile);
  }, 100);
  const settings = smtp.settings();
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
        stdio: "inherit",
        env: {
          ...process.env,
          E2E_SMTP_HOST: settings.SMTP_HOST,
          E2E_SMTP_PORT: settings.SMTP_PORT,
          E2E_SMTP_USER: settings.SMTP_USER,
          E2E_SMTP_PASSWORD: settings.SMTP_PASSWORD,
          E2E_SMTP_CA_FILE: settings.SMTP_CA_FILE,
          E2E_SMTP_MESSAGES: messagesFile,
        },
      });
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    clearInterval(dump);
    await smtp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
