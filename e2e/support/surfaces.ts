// Every surface a client can call, read from the code itself (each server action and each route
// handler) and from the production build under test (the server-action ids), so that a new
// action or route is picked up by the specs that walk them without editing those specs.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

const ROOT = process.cwd();
export const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
export const ALL_METHODS = ["GET", "HEAD", ...MUTATING_METHODS] as const;
// Values for dynamic segments: the refusal must not depend on whether the record exists.
export const SAMPLE_PARAMS: Record<string, string> = { reference: "INC-2026-0001", label: "EV-2026-0001", token: "probe" };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** Every exported function of a "use server" module, and every inline "use server" function. */
export function serverActionsInCode(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const file of ["app", "lib", "components"].flatMap((dir) => walk(path.join(ROOT, dir)))) {
    const source = fs.readFileSync(file, "utf8");
    if (/^\s*["']use server["'];?/.test(source)) {
      for (const match of source.matchAll(/^export\s+(?:async\s+function|const|function)\s+([A-Za-z0-9_$]+)/gm)) found.push({ file: relative(file), name: match[1]! });
    } else if (/\{\s*["']use server["']/.test(source)) {
      throw new Error(`${relative(file)} has an inline "use server" function: this test cannot name it; move it to an actions module.`);
    }
  }
  return found;
}

/** Route handlers exporting a state-changing method, as URL paths with sample parameters. */
/** A path in app/ as a URL, dynamic segments filled from `params` (route groups dropped). */
export function urlOf(dir: string, params: Record<string, string> = SAMPLE_PARAMS): string {
  return (
    "/" +
    dir
      .replace(/^app\/?/, "")
      .split("/")
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      .map((segment) => {
        const dynamic = /^\[\.{0,3}(.+)\]$/.exec(segment);
        return dynamic ? (params[dynamic[1]!] ?? params.probe ?? "probe") : segment;
      })
      .join("/")
  );
}

export interface TRouteInCode {
  file: string;
  /** The route's folder below the project, e.g. "app/api/evidence/[label]/download". */
  dir: string;
  url: string;
  method: string;
}

/** Route handlers exporting one of `methods`, as URL paths with sample parameters. */
export function routesInCode(methods: readonly string[] = ALL_METHODS): TRouteInCode[] {
  const routes: TRouteInCode[] = [];
  for (const file of walk(path.join(ROOT, "app")).filter((f) => /\/route\.ts$/.test(f))) {
    const source = fs.readFileSync(file, "utf8");
    const dir = relative(path.dirname(file));
    for (const method of methods) {
      const exported =
        new RegExp(`^export\\s+(?:async\\s+)?(?:function|const)\\s+${method}\\b`, "m").test(source) ||
        new RegExp(`^export\\s*\\{[^}]*\\bas\\s+${method}\\b[^}]*\\}`, "m").test(source) ||
        new RegExp(`^export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`, "m").test(source);
      if (exported) routes.push({ file: relative(file), dir, url: urlOf(dir), method });
    }
  }
  return routes;
}

/** Route handlers exporting a state-changing method. */
export function mutatingRoutesInCode(): TRouteInCode[] {
  return routesInCode(MUTATING_METHODS);
}

export interface TActionInBuild {
  id: string;
  /** The app/ folders of the pages whose bundles carry it, e.g. "app/(app)/audit-log/alarms". */
  pages: string[];
}

/** The server actions of the production build under test, by "module#export". */
export function actionsInBuild(): Map<string, TActionInBuild> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const actions = new Map<string, TActionInBuild>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    expect(entry.filename && entry.exportedName, `manifest entry ${id} names its module and export`).toBeTruthy();
    const pages = Object.keys(entry.workers)
      .filter((worker) => worker.endsWith("/page"))
      .map((worker) => worker.replace(/\/page$/, ""));
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, pages });
  }
  return actions;
}

/** The server-action ids of the production build under test, by module and export name. */
export function actionIds(): Map<string, string> {
  return new Map([...actionsInBuild()].map(([key, action]) => [key, action.id]));
}
