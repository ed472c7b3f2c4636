// Loaded with `node --import` (through tsx) by `npm run worker` and `npm run bench`: maps the "server-only" marker
// package to an empty module in this process.
//
// Why this is safe: "server-only" exists to stop a module from being bundled into code sent to a
// browser. The worker is never bundled and never runs in a browser; it is server code by
// definition, running the same services as the web server's own in-process sweep. What the
// marker guards against cannot happen here, so it may be a no-op, exactly as it is inside
// Next.js's server build. Only the worker and the benchmark (which times the services themselves) load this file: other command-line scripts still may
// not import server-only modules (CONVENTIONS.md).
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`);
