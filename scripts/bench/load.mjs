// A second process for `npm run bench`: puts load on one URL with autocannon and prints
// {requests, rps, p50, p95, errors, non2xx} as JSON. Latencies are kept per response, so p95 is
// exact (autocannon's own summary has p90 and p97.5, not p95).
//   node scripts/bench/load.mjs <url> <connections> <seconds>     (BENCH_COOKIE: the session)
import autocannon from "autocannon";

const [url, connections, seconds] = process.argv.slice(2);
const latencies = [];
const instance = autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  headers: { cookie: process.env.BENCH_COOKIE ?? "" },
  timeout: 30,
});
instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
instance.on("done", (result) => {
  latencies.sort((a, b) => a - b);
  const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
  process.stdout.write(
    JSON.stringify({ requests: latencies.length, rps: latencies.length / Number(seconds), p50: at(50), p95: at(95), errors: result.errors + result.timeouts, non2xx: result.non2xx }),
  );
});
