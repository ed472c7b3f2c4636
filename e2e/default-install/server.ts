// Starts Vigil the way the README's quick start does (`npm start`, i.e. `tsx scripts/start.ts`
// from the repository root) on the embedded default database, reads the one-time setup link it
// prints, and stops it again the way a person does (SIGTERM), checking that nothing is left
// behind. No DATABASE_URL and no other setting: see defaultInstallEnv().
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface TDefaultInstall {
  baseURL: string;
  port: number;
  dataDir: string;
  setupLink: string;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then waits for the process tree to end; throws when anything is left (port or process) after 15 s. */
  stop(): Promise<void>;
}

const STOP_LIMIT_MS = 15_000;

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The environment of a person who just cloned Vigil and typed `npm start`: the runner's own
 * environment without DATABASE_URL and without any VIGIL_*, SMTP_*, MAIL_* or E2E_* variable (and
 * without what the test runner itself set: NODE_ENV, NODE_OPTIONS, PW_*, PLAYWRIGHT_*, TEST_*).
 * Only two things are set:
 * - PORT: a free port, so the walk does not collide with the other e2e server or a developer's Vigil;
 * - VIGIL_DATA_DIR: a fresh temporary folder, so the run starts from an empty embedded database
 *   and never touches a developer's ./.data. This is the only setting the walk gives Vigil.
 */
export function defaultInstallEnv(port: number, dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key === "DATABASE_URL" || key === "TEST_DATABASE_URL" || key === "PORT" || key === "NODE_ENV" || key === "NODE_OPTIONS") continue;
    if (/^(VIGIL_|SMTP_|MAIL_|E2E_|PW_|PLAYWRIGHT_|TEST_)/.test(key)) continue;
    env[key] = value;
  }
  env.PORT = String(port);
  env.VIGIL_DATA_DIR = dataDir;
  return env;
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** The link printed by scripts/start.ts (printSetupLink): the announcement, then the link on its own line. */
export function findSetupLink(output: string): string | null {
  const match = /Open this one-time link[^\n]*\n(?:[ \t]*\n)*[ \t]+(https?:\/\/\S+\/setup\?token=\S+)[ \t]*\n/.exec(stripAnsi(output));
  return match ? match[1]! : null;
}

function isListening(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function portInUse(port: number): Promise<boolean> {
  return (await isListening(port, "127.0.0.1")) || (await isListening(port, "::1"));
}

/** Processes still alive in the server's process group, or whose command line names its data folder (an embedded database server). */
function leftovers(pgid: number, dataDir: string): string[] {
  const found: string[] = [];
  if (!fs.existsSync("/proc")) {
    try {
      process.kill(-pgid, 0);
      found.push(`process group ${pgid}`);
    } catch {
      // none left
    }
    return found;
  }
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const state = fields[0];
      const group = Number(fields[2]);
      if (state === "Z") continue; // already exited, waiting to be reaped
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      if (group === pgid || cmdline.includes(dataDir)) found.push(`${entry}: ${cmdline.slice(0, 160)}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start ended (${child.exitCode ?? child.signalCode}) before answering:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s:\n${output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** `npm start` in the repository root, as the README says, on an empty data folder. */
export async function startDefaultInstall(options: { healthTimeoutMs?: number } = {}): Promise<TDefaultInstall> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-default-install-"));
  // mkdtemp makes the folder 0700; a clone's .data is an ordinary folder others may enter (as
  // root, PostgreSQL runs as the user postgres, who must reach its data folder).
  fs.chmodSync(dataDir, 0o755);
  const baseURL = `http://localhost:${port}`;
  // The repository root: Playwright runs from it (scripts/run-e2e.ts, playwright.config.ts).
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, "scripts/start.ts"))) throw new Error(`Run the e2e tests from the repository root (cwd is ${root}).`);
  let output = "";
  // What `npm start` runs (package.json "start": "tsx scripts/start.ts"), from the repository
  // root. Its own process group, so that leftovers can be found (and cleaned up) by group id.
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: root,
    // Without NODE_ENV, as from a shell: start.ts and `next start` choose production themselves.
    env: defaultInstallEnv(port, dataDir) as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pgid = child.pid!;
  // Last resort when the runner itself goes away without afterAll.
  const onExit = () => killGroup(pgid, "SIGKILL");
  process.once("exit", onExit);
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => (output += chunk));
  child.stderr!.on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (): Promise<void> => {
    const startedAt = Date.now();
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_LIMIT_MS))]);
      let inUse = await portInUse(port);
      let left = leftovers(pgid, dataDir);
      while ((inUse || left.length > 0 || (child.exitCode === null && child.signalCode === null)) && Date.now() - startedAt < STOP_LIMIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        inUse = await portInUse(port);
        left = leftovers(pgid, dataDir);
      }
      const stillRunning = child.exitCode === null && child.signalCode === null;
      if (inUse || left.length > 0 || stillRunning) {
        killGroup(pgid, "SIGKILL");
        for (const line of left) {
          const pid = Number(line.split(":")[0]);
          if (pid) killGroup(pid, "SIGKILL");
          try {
            if (pid) process.kill(pid, "SIGKILL");
          } catch {
            // gone
          }
        }
        throw new Error(
          `${STOP_LIMIT_MS / 1000} s after SIGTERM, Vigil had not stopped:` +
            (stillRunning ? "\n- npm start (tsx scripts/start.ts) was still running" : "") +
            (inUse ? `\n- something still listened on port ${port}` : "") +
            left.map((l) => `\n- still running: ${l}`).join(""),
        );
      }
    } finally {
      process.removeListener("exit", onExit);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  try {
    await waitForHealth(baseURL, child, () => output, options.healthTimeoutMs ?? 180_000);
    const setupLink = findSetupLink(output);
    if (!setupLink) throw new Error(`npm start printed no setup link:\n${output.slice(-4000)}`);
    return { baseURL, port, dataDir, setupLink, output: () => output, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
