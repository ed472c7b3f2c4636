// The only reader of process.env. Configuration is parsed and validated once; in production
// with an external database, a missing required setting stops start-up with its name.
import path from "node:path";
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.startsWith("127.");
}

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const ZRawEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must be a postgres:// or postgresql:// URL",
    }),
  // Without DATABASE_URL, the embedded PostgreSQL server keeps its cluster in <data>/postgres,
  // its password in <data>/keys/postgres-password and its port in <data>/postgres.json.
  VIGIL_DATA_DIR: z.string().trim().min(1).default(".data"),
  // Connections each process keeps to the database. The integration tests run with 1, so a
  // unit of work that asks for a second connection while its transaction is open fails there.
  VIGIL_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  VIGIL_EVIDENCE_DIR: z.string().trim().min(1).optional(),
  // The evidence integrity sweep: every stored file is re-verified at least once per cycle,
  // reading at most this many bytes per second (lib/evidence/integrity-rules.ts).
  VIGIL_INTEGRITY_CYCLE_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  VIGIL_INTEGRITY_BYTES_PER_SECOND: z.coerce.number().int().min(65_536).max(2_000_000_000).default(8 * 1024 * 1024),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  VIGIL_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  VIGIL_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  VIGIL_ENCRYPTION_KEYS: z.string().min(1).optional(),
  VIGIL_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  VIGIL_REMINDERS_IN_PROCESS: boolean.default(true),
  // Identity and network (lib/auth, lib/http, proxy.ts).
  VIGIL_IP_ALLOWLIST: z.string().trim().optional(),
  VIGIL_TRUSTED_PROXIES: z.string().trim().optional(),
  // Mail: SMTP_URL (smtp://user:password@host:587) or SMTP_HOST with the other SMTP_* settings.
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^smtps?:\/\/[^/]+/.test(v), { message: "must be an smtp:// or smtps:// URL" }),
  SMTP_HOST: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().trim().min(3).default("Vigil <vigil@localhost>"),
  SMTP_CA_FILE: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  SMTP_TLS_REJECT_UNAUTHORIZED: boolean.default(true),
  // Ed25519 private key signing audit checkpoints: PEM, or base64 of the PKCS#8 DER.
  VIGIL_AUDIT_SIGNING_KEY: z.string().trim().min(1).optional(),
  // Public keys of replaced signing keys, whose checkpoints stay trusted: inline, or a file of them.
  VIGIL_AUDIT_RETIRED_PUBLIC_KEYS: z.string().trim().optional(),
  VIGIL_AUDIT_RETIRED_PUBLIC_KEYS_FILE: z.string().trim().optional(),
});

export type TEnv = z.infer<typeof ZRawEnv> & {
  /**
   * "embedded" uses the embedded PostgreSQL server of the data folder (<dataDir>/postgres,
   * lib/db/embedded-server.ts); "server" uses PostgreSQL at DATABASE_URL.
   */
  databaseMode: "embedded" | "server";
  baseUrl: string;
  dataDir: string;
  evidenceDir: string;
  isProduction: boolean;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Settings a real deployment (production on PostgreSQL) cannot run without. */
const REQUIRED_IN_SERVER_PRODUCTION = ["VIGIL_SECRET", "VIGIL_ENCRYPTION_KEYS", "VIGIL_BASE_URL"] as const;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZRawEnv.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`Invalid setting ${issue.path.join(".")}: ${issue.message}`);
  }
  const raw = parsed.data;
  const databaseMode = raw.DATABASE_URL ? "server" : "embedded";
  const isProduction = raw.NODE_ENV === "production";

  if (isProduction && databaseMode === "server") {
    const missing = REQUIRED_IN_SERVER_PRODUCTION.filter((name) => !raw[name]);
    if (missing.length > 0) {
      throw new EnvError(`Missing required setting ${missing.join(", ")} (needed in production with DATABASE_URL)`);
    }
    const dbHost = new URL(raw.DATABASE_URL!).hostname;
    const sslmode = new URL(raw.DATABASE_URL!).searchParams.get("sslmode");
    if (!isLoopbackHost(dbHost) && !["require", "verify-ca", "verify-full"].includes(sslmode ?? "")) {
      throw new EnvError(
        "DATABASE_URL must use TLS in production: add ?sslmode=verify-full (or require) for a database that is not on this machine",
      );
    }
  }

  if (isProduction && !raw.SMTP_TLS_REJECT_UNAUTHORIZED) {
    throw new EnvError("SMTP_TLS_REJECT_UNAUTHORIZED=false is not allowed in production: trust a private CA with SMTP_CA_FILE instead");
  }

  return {
    ...raw,
    databaseMode,
    isProduction,
    dataDir: path.resolve(raw.VIGIL_DATA_DIR),
    evidenceDir: path.resolve(raw.VIGIL_EVIDENCE_DIR ?? path.join(raw.VIGIL_DATA_DIR, "evidence")),
    baseUrl: (raw.VIGIL_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ""),
  };
}

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests only: forget the parsed configuration after changing process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
