// An auditor changes nothing: every mutation Vigil has, listed here from the code itself (each
// server action and each state-changing route handler), is refused with 403 and written to the
// audit log as denied. A new action or route is picked up without editing this file.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { READ_ONLY_OPEN_PATHS } from "@/lib/http/read-only-guard";
import { testDb } from "../support/db";
import { createUser, signIn, type TTestUser } from "../support/users";

const ROOT = process.cwd();
const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
// Values for dynamic segments: the refusal must not depend on whether the record exists.
const SAMPLE_PARAMS: Record<string, string> = { reference: "INC-2026-0001", label: "EV-2026-0001", token: "probe" };

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
function serverActionsInCode(): { file: string; name: string }[] {
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
function mutatingRoutesInCode(): { file: string; url: string; method: string }[] {
  const routes: { file: string; url: string; method: string }[] = [];
  for (const file of walk(path.join(ROOT, "app")).filter((f) => /\/route\.ts$/.test(f))) {
    const source = fs.readFileSync(file, "utf8");
    const url =
      "/" +
      relative(path.dirname(file))
        .replace(/^app\/?/, "")
        .split("/")
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
        .map((segment) => {
          const dynamic = /^\[\.{0,3}(.+)\]$/.exec(segment);
          return dynamic ? (SAMPLE_PARAMS[dynamic[1]!] ?? "probe") : segment;
        })
        .join("/");
    for (const method of MUTATING_METHODS) {
      const exported =
        new RegExp(`^export\\s+(?:async\\s+)?(?:function|const)\\s+${method}\\b`, "m").test(source) ||
        new RegExp(`^export\\s*\\{[^}]*\\bas\\s+${method}\\b[^}]*\\}`, "m").test(source) ||
        new RegExp(`^export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`, "m").test(source);
      if (exported) routes.push({ file: relative(file), url, method });
    }
  }
  return routes;
}

/** The server-action ids of the production build under test, by module and export name. */
function actionIds(): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    expect(entry.filename && entry.exportedName, `manifest entry ${id} names its module and export`).toBeTruthy();
    ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

async function deniedCount(userId: string): Promise<number> {
  const { rows } = await testDb().query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorId" = $1 AND outcome = 'denied'`, [userId]);
  return Number(rows[0]!.n);
}

async function expectRefusedAndLogged(request: APIRequestContext, auditor: TTestUser, what: string, send: () => Promise<{ status(): number; text(): Promise<string> }>) {
  const before = await deniedCount(auditor.id);
  const response = await send();
  expect(response.status(), `${what} answers 403 (${(await response.text()).slice(0, 200)})`).toBe(403);
  await expect.poll(() => deniedCount(auditor.id), { message: `${what} is written to the audit log as denied` }).toBe(before + 1);
  void request;
}

test.describe("auditors change nothing", () => {
  test("every server action and every state-changing route is refused with 403 for an auditor, and each refusal is logged", async ({ page }) => {
    test.setTimeout(180_000);
    const actions = serverActionsInCode();
    const routes = mutatingRoutesInCode();
    const ids = actionIds();
    // The lists are read from the code: sanity-check that they found the known surfaces.
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["createIncidentAction", "inviteUserAction", "attestControlAction", "setupAction"]));
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(["POST /api/alarms", "POST /api/incidents/INC-2026-0001/evidence"]));
    // Every action in the code is in the build (so it can be called), and nothing in the build is missing from the code.
    for (const action of actions) expect(ids.has(`${action.file}#${action.name}`), `${action.file} ${action.name} is reachable in the build`).toBe(true);
    expect(ids.size, "the build has no server action the code scan missed").toBe(actions.length);

    const auditor = await createUser({ roles: ["auditor"], displayName: "Ira Auditor", accessEndsAt: new Date(Date.now() + 20 * 86_400_000) });
    await signIn(page, auditor, "/auditor");
    const request = page.request;

    for (const action of actions) {
      const id = ids.get(`${action.file}#${action.name}`)!;
      await expectRefusedAndLogged(request, auditor, `server action ${action.name} (${action.file})`, () =>
        request.post("/incidents", { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" }, data: "[]", maxRedirects: 0 }),
      );
    }

    const open = routes.filter((r) => READ_ONLY_OPEN_PATHS.some((p) => r.url === p.prefix || r.url.startsWith(p.prefix)));
    // Only signing in and out stay open, and those entries still exist in the code.
    expect(open.map((r) => r.url).sort()).toEqual(["/api/auth/probe", "/api/session/sign-out"]);
    for (const route of routes.filter((r) => !open.includes(r))) {
      await expectRefusedAndLogged(request, auditor, `${route.method} ${route.url} (${route.file})`, () =>
        request.fetch(route.url, { method: route.method, headers: { "Content-Type": "application/json", "x-evidence-meta": "e30=" }, data: "{}", maxRedirects: 0 }),
      );
    }

    const { rows } = await testDb().query<{ action: string; n: string }>(
      `SELECT action, count(*) AS n FROM "AuditEvent" WHERE "actorId" = $1 AND outcome = 'denied' GROUP BY action ORDER BY action`,
      [auditor.id],
    );
    expect(rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(actions.length + routes.length - open.length);
    // The portal still reads, and the auditor can still sign out.
    await page.goto("/auditor");
    await expect(page.getByRole("heading", { level: 1, name: "Auditor portal" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the same requests are not refused for a security lead: the refusal comes from the read-only role", async ({ page }) => {
    const lead = await createUser({ roles: ["security_lead"], displayName: "Lou Lead" });
    await signIn(page, lead, "/compliance");
    const ids = actionIds();
    const sign = ids.get("app/(app)/audit-log/actions.ts#signCheckpointAction")!;
    const response = await page.request.post("/audit-log/verify", {
      headers: { "Next-Action": sign, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status()).not.toBe(403);
    const alarms = await page.request.post("/api/alarms", { data: "{}", headers: { "Content-Type": "application/json" } });
    // The alarm intake wants a signature, not a session: refused for its own reason, not as read-only.
    expect(alarms.status()).not.toBe(403);
    const { rows } = await testDb().query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'authorization.read-only-refused'`, [lead.id]);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
