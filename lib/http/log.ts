// Structured log lines (JSON on one line). No personal data: ids, codes and field names only.
import { env } from "@/lib/env";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < LEVELS[env().VIGIL_LOG_LEVEL]) return;
  const out: Record<string, unknown> = { level, time: new Date().toISOString(), message };
  for (const [key, value] of Object.entries(fields)) {
    // Errors: the class and first line only (messages of unexpected errors may carry input).
    out[key] = value instanceof Error ? { name: value.name, message: value.message.split("\n")[0]?.slice(0, 300), stack: value.stack?.split("\n").slice(1, 6).join("\n") } : value;
  }
  const line = JSON.stringify(out);
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
