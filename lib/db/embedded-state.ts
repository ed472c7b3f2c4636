// What the running embedded PostgreSQL server of a data folder is, read from its files only
// (postgres.lock, postgres.json, keys/postgres-password): the part of lib/db/embedded-server.ts
// the web server needs to connect, without the code that starts and stops servers.
// Not "server-only" and free of Next imports: the command-line scripts use this file.
import fs from "node:fs";
import path from "node:path";

export const EMBEDDED_DATABASE = "vigil";
export const EMBEDDED_USER = "vigil";

export type TEmbeddedConfig = { dataDir: string };
export type TLock = { pid: number; app?: string; command?: string };
export type TState = { port: number; pid: number; postmasterPid: number };

/** A failure to start or reach the embedded database; its message is one line meant for people. */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddedDatabaseError";
  }
}

export function embeddedPaths(config: TEmbeddedConfig) {
  const dataDir = path.resolve(config.dataDir);
  return {
    dataDir,
    pgData: path.join(dataDir, "postgres"),
    keysDir: path.join(dataDir, "keys"),
    passwordFile: path.join(dataDir, "keys", "postgres-password"),
    lockFile: path.join(dataDir, "postgres.lock"),
    stateFile: path.join(dataDir, "postgres.json"),
    logFile: path.join(dataDir, "postgres.log"),
  };
}
export type TPaths = ReturnType<typeof embeddedPaths>;

export function connectionUrl(port: number, password: string, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The running server of this data folder (its owner alive), or null. Reads files only. */
export function runningEmbeddedServer(config: TEmbeddedConfig): { port: number; ownerPid: number; url: string } | null {
  const paths = embeddedPaths(config);
  const lock = readJson<TLock>(paths.lockFile);
  const state = readJson<TState>(paths.stateFile);
  if (!lock || !state || state.pid !== lock.pid || !isOwnerAlive(lock.pid)) return null;
  const password = readPassword(paths);
  if (!password) return null;
  return { port: state.port, ownerPid: lock.pid, url: connectionUrl(state.port, password, EMBEDDED_DATABASE) };
}

/** The URL of the running embedded database, for the app's Prisma client. */
export function embeddedDatabaseUrl(config: TEmbeddedConfig): string {
  const running = runningEmbeddedServer(config);
  if (!running) {
    throw new EmbeddedDatabaseError(
      `the embedded database in ${embeddedPaths(config).pgData} is not running: start Vigil with npm start (or set DATABASE_URL)`,
    );
  }
  return running.url;
}

export function readPassword(paths: TPaths): string | null {
  return readText(paths.passwordFile)?.trim() || null;
}

/** Alive and (where /proc tells) a Node process, so a recycled pid does not hold the lock. */
export function isOwnerAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!isAlive(pid)) return false;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (cmdline === null) return true;
  return /node|tsx/.test(cmdline.split("\0")[0] ?? "") || cmdline.includes("tsx");
}

/** The process exists and is not a zombie (an exited child its parent has not reaped yet). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = readText(`/proc/${pid}/stat`);
  return stat === null || !/^\d+ \(.*\) Z/s.test(stat);
}

export function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export function parseJson<T>(raw: string | null): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function readJson<T>(file: string): T | null {
  return parseJson<T>(readText(file));
}
