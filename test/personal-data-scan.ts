// Reusable checks for "no personal data in the audit log or the server's logs": drive a flow with
// known personal data (a name, an email, an IP address), then look for those strings.
import { format } from "node:util";

export interface TFinding {
  where: string;
  needle: string;
}

/** Case-insensitive search for each needle in a text; returns what was found. */
export function findNeedles(text: string, needles: readonly string[], where = "text"): TFinding[] {
  const lower = text.toLowerCase();
  return needles.filter((n) => n && lower.includes(n.toLowerCase())).map((needle) => ({ where, needle }));
}

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * Every AuditEvent row (all columns, details included) searched for the needles in the
 * database: where = "AuditEvent <sequence>". Pass a pg Pool/Client on the test database.
 */
export async function findPersonalDataInAuditLog(database: Queryable, needles: readonly string[]): Promise<TFinding[]> {
  const wanted = needles.filter(Boolean);
  if (!wanted.length) return [];
  const result = await database.query(
    `SELECT e."sequence"::text AS "sequence", n AS "needle"
     FROM "AuditEvent" e, unnest($1::text[]) AS n
     WHERE strpos(lower(row_to_json(e)::text), lower(n)) > 0
     ORDER BY e."sequence"`,
    [wanted],
  );
  return result.rows.map((r) => ({ where: `AuditEvent ${String(r.sequence)}`, needle: String(r.needle) }));
}

/**
 * Captures everything this process writes to stdout, stderr and the console until stop() is
 * called (the output still goes through). For a server started as a child process, search its
 * piped output with findNeedles instead.
 */
export function captureLogs(): { text(): string; stop(): void } {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const originals = methods.map((m) => console[m]);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return (out as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return (err as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      (originals[i] as (...a: unknown[]) => void)(...args);
    };
  });
  return {
    text: () => chunks.join(""),
    stop() {
      process.stdout.write = out;
      process.stderr.write = err;
      methods.forEach((m, i) => {
        console[m] = originals[i] as (typeof console)[typeof m];
      });
    },
  };
}
