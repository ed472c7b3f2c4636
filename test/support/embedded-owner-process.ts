// Starts test/support/embedded-owner.ts as a process of its own and waits for its first line.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type TOwnerResult = { ready: { pid: number; port: number; url: string } } | { refused: string; code: number | null };

const script = path.resolve(import.meta.dirname, "embedded-owner.ts");

export type TOwner = {
  child: ChildProcess;
  result: Promise<TOwnerResult>;
  /** Everything the process printed on stderr so far. */
  stderr(): string;
};

export function spawnOwner(dataDir: string, app?: string): TOwner {
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, ...(app ? [app] : [])], {
    stdio: ["ignore", "pipe", "pipe"],
    cwd: path.resolve(import.meta.dirname, "../.."),
    // A clean environment: earlier test files in the same worker may have left settings in
    // process.env (a production NODE_ENV, a database URL) that are no concern of this owner.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "test" },
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<TOwnerResult>((resolve) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && line) resolve({ ready: JSON.parse(line) as { pid: number; port: number; url: string } });
    });
    // "close": stderr has been read to its end.
    child.on("close", (code) => resolve({ refused: stderr.trim(), code }));
  });
  return { child, result, stderr: () => stderr };
}

/** Waits for the process to end with its output read; its exit code (null when a signal ended it). */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
}
