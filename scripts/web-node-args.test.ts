import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { WEB_HEAP_MB, WEB_MALLOC_ARENAS, WEB_SEMI_SPACE_MB, webServerEnv, webServerNodeArgs } from "./web-node-args.mjs";

const heap = `--max-old-space-size=${WEB_HEAP_MB}`;
const young = `--max-semi-space-size=${WEB_SEMI_SPACE_MB}`;

describe("the web server's Node.js flags", () => {
  it("hold the heap and the young generation to the budget when the operator set neither", () => {
    expect(webServerNodeArgs(undefined)).toEqual([heap, young]);
    expect(webServerNodeArgs("--enable-source-maps")).toEqual([heap, young]);
  });

  it("leave an operator's own limits in NODE_OPTIONS alone, each on its own", () => {
    expect(webServerNodeArgs("--max-old-space-size=1024")).toEqual([young]);
    expect(webServerNodeArgs("--enable-source-maps --max-semi-space-size=32")).toEqual([heap]);
    expect(webServerNodeArgs("--max-semi-space-size=32 --max-old-space-size=512")).toEqual([]);
  });

  it("give a process that Node starts with that heap limit and young generation", () => {
    const limitMb = (args: string[]) => {
      const run = spawnSync(process.execPath, [...args, "-e", "process.stdout.write(String(require('node:v8').getHeapStatistics().heap_size_limit))"], { encoding: "utf8" });
      return Number(run.stdout) / 1024 / 1024;
    };
    // V8's limit is the old generation plus three semi-spaces of the young one (16 MB each by
    // default on 64-bit, so 304 MB with the heap flag alone).
    expect(limitMb(webServerNodeArgs(""))).toBe(WEB_HEAP_MB + 3 * WEB_SEMI_SPACE_MB);
    expect(limitMb([heap])).toBeGreaterThan(WEB_HEAP_MB + 3 * WEB_SEMI_SPACE_MB);
  });
});

describe("the web server's environment", () => {
  it("limits glibc's malloc arenas and keeps everything else", () => {
    expect(webServerEnv({ PORT: "3000" })).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: WEB_MALLOC_ARENAS });
  });

  it("keeps an operator's own MALLOC_ARENA_MAX", () => {
    expect(webServerEnv({ MALLOC_ARENA_MAX: "4" }).MALLOC_ARENA_MAX).toBe("4");
  });

  it("reaches the process it starts", () => {
    const run = spawnSync(process.execPath, ["-e", "process.stdout.write(process.env.MALLOC_ARENA_MAX ?? 'unset')"], { encoding: "utf8", env: webServerEnv({ PATH: process.env.PATH, NODE_ENV: "test" as const }) });
    expect(run.stdout).toBe(WEB_MALLOC_ARENAS);
  });
});
