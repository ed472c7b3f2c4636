// The Node.js flags Vigil's web server runs with, shared by `npm start`, the end-to-end tests
// and the bench so that all three measure and serve the same process.
//
// A heap budget: without one, V8 sizes the heap from the machine's memory (about 4 GB on 24 GiB)
// and collects lazily, so one process under 50 concurrent requests grew to 700-800 MB resident
// of which about 110 MB was live. With the old generation held to 256 MB the same load peaked at
// 335-390 MB at the same throughput, except the compliance map's (about a fifth less at 50
// connections; docs/performance.md). An operator who sets their own --max-old-space-size in
// NODE_OPTIONS keeps theirs.
export const WEB_HEAP_MB = 256;

/** @param {string | undefined} nodeOptions the NODE_OPTIONS the server will be started with */
export function webServerNodeArgs(nodeOptions = process.env.NODE_OPTIONS) {
  return /--max-old-space-size\b/.test(nodeOptions ?? "") ? [] : [`--max-old-space-size=${WEB_HEAP_MB}`];
}
