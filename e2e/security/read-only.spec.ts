// An auditor changes nothing: every mutation Vigil has, listed here from the code itself (each
// server action and each state-changing route handler), is refused with 403 and written to the
// audit log as denied. A new action or route is picked up without editing this file.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { READ_ONLY_OPEN_PATHS } from "@/lib/http/read-only-guard";
import { testDb } from "../support/db";
import { actionIds, mutatingRoutesInCode, serverActionsInCode } from "../support/surfaces";
import { createUser, signIn, type TTestUser } from "../support/users";

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
