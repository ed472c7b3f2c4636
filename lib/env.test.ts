import { describe, expect, it } from "vitest";
import { EnvError, isLoopbackHost, parseEnv } from "./env";

const productionServer = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://vigil@db.internal:5432/vigil?sslmode=verify-full",
  VIGIL_SECRET: "s".repeat(32),
  VIGIL_ENCRYPTION_KEYS: "1:key",
  VIGIL_BASE_URL: "https://vigil.example.com",
};

describe("parseEnv", () => {
  it("runs on the embedded database with no settings at all", () => {
    const config = parseEnv({});
    expect(config.databaseMode).toBe("embedded");
    expect(config.PORT).toBe(3000);
    expect(config.baseUrl).toBe("http://localhost:3000");
    expect(config.dataDir.endsWith(".data")).toBe(true);
  });

  it("lets PORT move the default base URL", () => {
    expect(parseEnv({ PORT: "4123" }).baseUrl).toBe("http://localhost:4123");
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/x" }).databaseMode).toBe("server");
  });

  it("refuses a DATABASE_URL that is not a PostgreSQL URL, naming the setting", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL/);
  });

  it("refuses a port out of range", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });

  it("accepts a complete production configuration", () => {
    expect(parseEnv(productionServer).isProduction).toBe(true);
  });

  it.each(["VIGIL_SECRET", "VIGIL_ENCRYPTION_KEYS", "VIGIL_BASE_URL"])(
    "refuses to start in production on PostgreSQL without %s and names it",
    (name) => {
      const config: Record<string, string | undefined> = { ...productionServer, [name]: undefined };
      expect(() => parseEnv(config)).toThrow(EnvError);
      expect(() => parseEnv(config)).toThrow(new RegExp(`Missing required setting ${name}`));
    },
  );

  it("refuses a short secret", () => {
    expect(() => parseEnv({ ...productionServer, VIGIL_SECRET: "short" })).toThrow(/VIGIL_SECRET/);
  });

  it("requires TLS to a remote database in production", () => {
    expect(() => parseEnv({ ...productionServer, DATABASE_URL: "postgres://vigil@db.internal:5432/vigil" })).toThrow(/TLS/);
    expect(parseEnv({ ...productionServer, DATABASE_URL: "postgres://vigil@127.0.0.1:5432/vigil" }).databaseMode).toBe("server");
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.8.0.1", true],
    ["::1", true],
    ["10.0.0.1", false],
    ["vigil.example.com", false],
  ])("%s -> %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
