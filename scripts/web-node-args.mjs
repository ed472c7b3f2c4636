// The Node.js flags and environment Vigil's web server runs with, shared by `npm start`, the
// end-to-end tests and the bench so that all three measure and serve the same process.
//
// A heap budget: without one, V8 sizes the heap from the machine's memory (about 4 GB on 24 GiB)
// and collects lazily, so one process under 50 concurrent requests grew to 700-800 MB resident
// of which about 110 MB was live. With the old generation held to 256 MB the same load peaked at
// 335-390 MB at the same throughput, except the compliance map's (about a fifth less at 50
// connections; docs/performance.md). An operator who sets their own --max-old-space-size in
// NODE_OPTIONS keeps theirs.
//
// A young generation of 8 MB semi-spaces (V8's default lets them grow to 16 MB) and glibc's malloc
// held to 2 arenas (it makes up to 8 per core, one per thread that allocates at once: the
// libuv pool, V8's collector threads) took the peak under the same load from 378-453 MB (median 409) to
// 333-371 MB (median 354), at the same throughput within the machine's noise, except perhaps the
// compliance map alone at one connection (7.4 against 8.6 views/s on average, runs of either
// spread over 6.3-9.6; docs/performance.md, "Sixth step"). An operator's own
// --max-semi-space-size or MALLOC_ARENA_MAX wins.
export const WEB_HEAP_MB = 256;
export const WEB_SEMI_SPACE_MB = 8;
export const WEB_MALLOC_ARENAS = "2";

/** @param {string | undefined} nodeOptions the NODE_OPTIONS the server will be started with */
export function webServerNodeArgs(nodeOptions = process.env.NODE_OPTIONS) {
  const set = (flag) => new RegExp(`--${flag}\\b`).test(nodeOptions ?? "");
  return [
    ...(set("max-old-space-size") ? [] : [`--max-old-space-size=${WEB_HEAP_MB}`]),
    ...(set("max-semi-space-size") ? [] : [`--max-semi-space-size=${WEB_SEMI_SPACE_MB}`]),
  ];
}

/**
 * The web server's environment: the one given, with glibc's malloc arenas limited unless it sets
 * MALLOC_ARENA_MAX itself (read by the C library when the process starts, so it must be in the
 * environment the server is spawned with).
 * @param {Record<string, string | undefined>} environment
 */
export function webServerEnv(environment = process.env) {
  return { ...environment, MALLOC_ARENA_MAX: environment.MALLOC_ARENA_MAX || WEB_MALLOC_ARENAS };
}
