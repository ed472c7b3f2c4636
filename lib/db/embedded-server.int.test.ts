// The embedded PostgreSQL server (lib/db/embedded-server.ts) for real: each case runs servers
// of its own in temporary data folders (enterable by others: as root, PostgreSQL runs as the
// user postgres). The run's test database is not used.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { exitOf, spawnOwner } from "@/test/support/embedded-owner-process";
import { embeddedDatabaseUrl, embeddedPaths, startEmbeddedServer, type TEmbeddedServer } from "./embedded-server";
import { deployMigrations } from "./migrations";

const folders: string[] = [];
const servers: TEmbeddedServer[] = [];

function dataFolder(mode = 0o755): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-embedded-"));
  fs.chmodSync(dir, mode);
  folders.push(dir);
  return path.join(dir, "data");
}

async function start(dataDir: string): Promise<TEmbeddedServer> {
  const server = await startEmbeddedServer({ dataDir });
  servers.push(server);
  return server;
}

afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL server", () => {
  it("creates the database on first start, keeps a row across a restart, and listens on 127.0.0.1 only", async () => {
    const dataDir = dataFolder();
    expect(() => embeddedDatabaseUrl({ dataDir })).toThrow(/the embedded database in .* is not running: start Vigil with npm start/);

    const first = await start(dataDir);
    expect(first.url).toMatch(new RegExp(`^postgresql://vigil:[^@]+@127\\.0\\.0\\.1:${first.port}/vigil$`));
    expect(embeddedDatabaseUrl({ dataDir })).toBe(first.url);
    const { applied } = await deployMigrations({ databaseUrl: first.url });
    expect(applied.length).toBeGreaterThanOrEqual(1);
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: first.url }) });
    await client.setting.create({ data: { key: "organisation.name", value: { name: "Example Ltd" } } });
    const settings = await client.$queryRaw<{ name: string; setting: string }[]>`
      SELECT name, setting FROM pg_settings WHERE name IN ('listen_addresses', 'server_version_num', 'password_encryption')`;
    expect(Object.fromEntries(settings.map((s) => [s.name, s.setting]))).toMatchObject({
      listen_addresses: "127.0.0.1",
      password_encryption: "scram-sha-256",
    });
    await client.$disconnect();

    // The password is asked for and kept private.
    const paths = embeddedPaths({ dataDir });
    expect(fs.statSync(paths.passwordFile).mode & 0o777).toBe(0o600);
    const noPassword = new pg.Client({ connectionString: first.url.replace(/:[^:@/]+@/, "@") });
    await expect(noPassword.connect()).rejects.toThrow(/password/);

    await first.stop();
    expect(() => embeddedDatabaseUrl({ dataDir })).toThrow(/not running/);

    const second = await start(dataDir);
    expect(second.port).toBe(first.port);
    expect((await deployMigrations({ databaseUrl: second.url })).applied).toEqual([]);
    const again = new PrismaClient({ adapter: new PrismaPg({ connectionString: second.url }) });
    const setting = await again.setting.findUnique({ where: { key: "organisation.name" } });
    expect(setting?.value).toEqual({ name: "Example Ltd" });
    await again.$disconnect();
    await second.stop();

    // A server that cannot start says why in one line, from its log.
    fs.appendFileSync(path.join(paths.pgData, "postgresql.auto.conf"), "shared_buffers = 'plenty'\n");
    const failure = await startEmbeddedServer({ dataDir }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^the embedded PostgreSQL server did not start: configuration file .*postgresql\.auto\.conf.* contains errors \(log: .*postgres\.log\)$/);
    expect((failure as Error).message).not.toContain("\n");
  });

  it("lets one of two starters own the server and refuses the other in one plain line", async () => {
    const dataDir = dataFolder();
    const app = "http://localhost:3999";
    const a = spawnOwner(dataDir, app);
    const b = spawnOwner(dataDir, app);
    try {
      const results = await Promise.all([a.result, b.result]);
      const ready = results.flatMap((r) => ("ready" in r ? [r.ready] : []));
      const refused = results.flatMap((r) => ("refused" in r ? [r] : []));
      expect(ready).toHaveLength(1);
      expect(refused).toEqual([{ refused: `Vigil is already running (process ${ready[0]!.pid}, ${app})`, code: 1 }]);
      // Others attach to the owner's server through the data folder.
      expect(embeddedDatabaseUrl({ dataDir })).toBe(ready[0]!.url);
    } finally {
      for (const owner of [a, b]) owner.child.kill("SIGTERM");
    }
    // The owner stops its server, removes its lock and exits 0; the refused one had exited 1.
    const exits = await Promise.all([exitOf(a.child), exitOf(b.child)]);
    const lockFile = embeddedPaths({ dataDir }).lockFile;
    const lock = fs.existsSync(lockFile) ? fs.readFileSync(lockFile, "utf8") : "(none)";
    const report = `exits ${JSON.stringify(exits)}; lock ${lock}; stderr:\n${a.stderr()}\n---\n${b.stderr()}`;
    expect(exits.map((e) => e.code).sort(), report).toEqual([0, 1]);
    expect(fs.existsSync(lockFile), report).toBe(false);
  });

  it("names the folder the postgres user cannot enter, in one line, when Vigil runs as root", async () => {
    const dataDir = dataFolder(0o700);
    const parent = path.dirname(dataDir);
    if (process.getuid?.() === 0) {
      await expect(startEmbeddedServer({ dataDir })).rejects.toThrow(
        `PostgreSQL may not run as root, so Vigil runs it as the user postgres, who cannot enter ${parent} (mode 0700). ` +
          "Move Vigil to a folder other users can enter (for example /srv/vigil), or run it as an unprivileged user.",
      );
      expect(fs.existsSync(embeddedPaths({ dataDir }).lockFile)).toBe(false);
    } else {
      // Not root: PostgreSQL runs as this user, who can enter its own private folder.
      const server = await start(dataDir);
      await server.stop();
    }
  });
});
