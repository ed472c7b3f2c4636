import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { WEB_HEAP_MB, webServerNodeArgs } from "./web-node-args.mjs";

describe("the web server's Node.js flags", () => {
  it("hold the heap to the budget when the operator set none", () => {
    expect(webServerNodeArgs(undefined)).toEqual([`--max-old-space-size=${WEB_HEAP_MB}`]);
    expect(webServerNodeArgs("--enable-source-maps")).toEqual([`--max-old-space-size=${WEB_HEAP_MB}`]);
  });

  it("leave an operator's own heap limit in NODE_OPTIONS alone", () => {
    expect(webServerNodeArgs("--max-old-space-size=1024")).toEqual([]);
    expect(webServerNodeArgs("--enable-source-maps --max-old-space-size=512")).toEqual([]);
  });

  it("give a process that Node starts with that heap limit", () => {
    const run = spawnSync(process.execPath, [...webServerNodeArgs(""), "-e", "process.stdout.write(String(require('node:v8').getHeapStatistics().heap_size_limit))"], { encoding: "utf8" });
    const limitMb = Number(run.stdout) / 1024 / 1024;
    // The limit covers the old generation and the young one beside it.
    expect(limitMb).toBeGreaterThanOrEqual(WEB_HEAP_MB);
    expect(limitMb).toBeLessThan(WEB_HEAP_MB + 100);
  });
});
