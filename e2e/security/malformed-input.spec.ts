// Malformed input at every boundary (issue 14 item 2): every server action and every route
// handler, listed from the code and the build (e2e/support/surfaces.ts), is sent ill-formed
// Unicode (lone surrogates), NUL characters, over-long strings, wrong types (a string where a
// form is expected, a form where a string is) and deep nesting, as a signed-in security lead (who
// holds most permissions) and as a responder (who lacks many). Property-based with fast-check: a
// fixed seed, a bounded number of runs per action and a time cap. No answer may be a 5xx, an
// internal-error message or a stack trace, and the audit chain verifies afterwards.
import fc from "fast-check";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { pgAuditReader, verifyAuditLog } from "@/lib/audit-log/verify-audit-log";
import { testDb } from "../support/db";
import { actionsInBuild, routesInCode, serverActionsInCode, urlOf } from "../support/surfaces";
import { createUser, signIn } from "../support/users";

const SEED = 20261201;
const RUNS_PER_ACTION = 6;
const TIME_CAP_PER_ACTION_MS = 8_000;

const NASTY_STRINGS = [
  "\ud800",
  "x\udc00y",
  "\udfff\ud800",
  "a\u0000b",
  "\u0000",
  "INC-2026-0001\u0000",
  "x".repeat(70_000),
  "\u202eevil",
  "../../etc/passwd",
  "2026-02-30T25:61",
  "-1",
  "1e309",
  "__proto__",
];
// Names the forms use, so a nasty value reaches the services' parsers, not only the boundary.
const FIELD_NAMES = ["title", "summary", "reference", "id", "alarmId", "taskId", "note", "email", "displayName", "name", "dueDate", "ownerId", "status", "severity", "typeId", "detectedAt", "timeZone", "roles", "reason", "password", "code", "token", "retentionDays", "controlId", "format", "transferId", "event", "body"];

const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: "binary", maxLength: 24 }));

type TArg = { form: Record<string, string> } | { json: unknown };

function deep(depth: number): unknown {
  let value: unknown = "bottom\ud800";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(deep(64)),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyString, { maxKeys: 4 }),
  fc.array(nastyString, { maxLength: 3 }),
);
const formArg: fc.Arbitrary<TArg> = fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyString, { minKeys: 1, maxKeys: 8 }).map((form) => ({ form }));
const arg: fc.Arbitrary<TArg> = fc.oneof(formArg, jsonValue.map((json) => ({ json })));
// As Vigil's forms call them: bound arguments first (a reference, an id), then the previous
// state, then the form; and any list of anything.
const boundArg = fc.oneof(fc.constantFrom("INC-2026-0001", "EV-2026-0001", "FND-2026-0001", "usr_probe"), nastyString);
const shapedArgs: fc.Arbitrary<TArg[]> = fc
  .tuple(fc.array(boundArg, { maxLength: 2 }), jsonValue, formArg)
  .map(([bound, prev, form]) => [...bound.map((json) => ({ json })), { json: prev }, form]);
const argList = fc.oneof(shapedArgs, fc.array(arg, { minLength: 0, maxLength: 5 }));

/** React's reply encoding: a string starting with "$" is escaped as "$$". */
function encodeJson(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeJson(v)]));
  return value;
}

/** Calls a server action the way React's client does: JSON text, or multipart when a form is among the arguments. */
function callAction(request: APIRequestContext, page: string, id: string, args: TArg[]): Promise<APIResponse> {
  const headers = { "Next-Action": id, Accept: "text/x-component" };
  if (!args.some((a) => "form" in a)) {
    return request.post(page, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args.map((a) => encodeJson((a as { json: unknown }).json))), maxRedirects: 0 });
  }
  const multipart: Record<string, string> = {};
  let nextId = 1;
  const root = args.map((a) => {
    if ("json" in a) return encodeJson(a.json);
    const refId = nextId++;
    for (const [name, value] of Object.entries(a.form)) multipart[`${refId}_${name}`] = value;
    return `$K${refId.toString(16)}`;
  });
  multipart["0"] = JSON.stringify(root);
  return request.post(page, { headers, multipart, maxRedirects: 0 });
}

async function expectHandled(response: APIResponse, what: string): Promise<void> {
  const body = (await response.text()).slice(0, 20_000);
  const shown = `${what} answered ${response.status()}: ${body.slice(0, 300)}`;
  expect(response.status(), shown).toBeLessThan(500);
  expect(body, shown).not.toMatch(/Something went wrong \(reference/);
  expect(body, shown).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
}

const PATH_PROBES = ["%00", "INC-2026-0001%00", "%ED%A0%80", "%F0%9F", "x".repeat(3000), "%C0%AF", "..%2F..%2Fetc"];
const QUERY_PROBES = ["?format=%00&q=%ED%A0%80&page=-1&pageSize=1e309&sort=__proto__&dir=%00", `?q=${"%F0%9F%98%80".repeat(500)}&from=2026-13-45`, "?status=%00&status=open&limit=NaN"];

test.describe("malformed input at every boundary", () => {
  test("no server action or route answers 5xx or leaks an internal error, and the audit chain verifies afterwards", async ({ browser }) => {
    test.setTimeout(900_000);
    const actions = serverActionsInCode();
    const built = actionsInBuild();
    expect(actions.length).toBeGreaterThan(40);
    const people = [
      await createUser({ roles: ["security_lead"], displayName: "Fuzz Lead" }),
      await createUser({ roles: ["responder"], displayName: "Fuzz Responder" }),
    ];

    for (const [p, person] of people.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, person);
      const request = page.request;

      for (const [i, action] of actions.entries()) {
        const inBuild = built.get(`${action.file}#${action.name}`);
        expect(inBuild, `${action.file} ${action.name} is in the build`).toBeTruthy();
        const target = inBuild!.pages[0] ? urlOf(inBuild!.pages[0]) : "/";
        const what = `${person.roles.join(",")}: ${action.name} (${action.file}) via ${target}`;
        // The cases a browser never sends but an attacker does, then fast-check's own.
        for (const args of [[], [{ json: "\ud800" }], [{ json: null }, { form: { title: "a\u0000b", note: "x".repeat(70_000) } }], [{ json: "INC-2026-0001" }, { json: null }, { form: { title: "a\u0000b" } }], [{ json: "\ud800" }, { json: null }, { form: { title: "a\u0000b", id: "\udc00" } }], [{ json: null }, { json: "not a form" }], [{ form: { x: "1" } }, { form: { y: "2" } }, { form: { z: "3" } }]] as TArg[][]) {
          await expectHandled(await callAction(request, target, inBuild!.id, args), `${what} with ${JSON.stringify(args).slice(0, 120)}`);
        }
        await fc.assert(
          fc.asyncProperty(argList, async (args) => {
            await expectHandled(await callAction(request, target, inBuild!.id, args), `${what} with ${JSON.stringify(args).slice(0, 200)}`);
          }),
          { seed: SEED + i + p * 1000, numRuns: RUNS_PER_ACTION, interruptAfterTimeLimit: TIME_CAP_PER_ACTION_MS, endOnFailure: true },
        );
      }

      for (const route of routesInCode()) {
        if (route.url.startsWith("/api/auth/")) continue; // next-auth's own handler; its sign-in form is fuzzed through the sign-in page's action.
        const dynamic = /\[/.test(route.dir);
        const urls = [
          ...QUERY_PROBES.map((q) => `${route.url}${q}`),
          ...(dynamic ? PATH_PROBES.map((probe) => `${urlOf(route.dir, { probe, reference: probe, label: probe })}${QUERY_PROBES[0]}`) : []),
        ];
        for (const url of urls) {
          const body = route.method === "GET" || route.method === "HEAD" ? undefined : JSON.stringify({ title: "a\u0000b", id: "\ud800", nested: deep(64) });
          const response = await request.fetch(url, {
            method: route.method,
            headers: { "Content-Type": "application/json", "x-evidence-meta": Buffer.from(JSON.stringify({ fileName: "a\u0000b", description: "\ud800" })).toString("base64") },
            data: body,
            maxRedirects: 0,
          });
          await expectHandled(response, `${person.roles.join(",")}: ${route.method} ${url.slice(0, 120)} (${route.file})`);
        }
      }
      await context.close();
    }

    // Signing in (next-auth's credentials callback): the same malformed text in every field.
    const visitor = await browser.newContext();
    const csrf = (await (await visitor.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (const [i, value] of ["a\u0000b@example.com", "\ud800@example.com", "x".repeat(70_000), "\u0000"].entries()) {
      const response = await visitor.request.post("/api/auth/callback/credentials", {
        form: { csrfToken: csrf.csrfToken, email: value, password: i % 2 ? value : "a\u0000", code: i % 2 ? "\u0000" : value, json: "true" },
        maxRedirects: 0,
      });
      await expectHandled(response, `sign-in with ${JSON.stringify(value).slice(0, 40)}`);
    }
    await visitor.close();

    const verification = await verifyAuditLog(pgAuditReader(testDb()));
    expect(verification.summary).toMatch(/^intact/);
  });
});
