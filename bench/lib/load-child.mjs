// The load generator's own process (so it does not share the API's event loop): reads a plan from the file named
// in argv[2] and runs autocannon against it on loopback, closed-loop, `connections` keep-alive connections for
// `seconds` (or, when `maxRequests` is set, for exactly that many requests), each the next of the plan's requests. Prints every latency
// (from autocannon's response events, so p95 is exact), the error count and the elapsed time as JSON on stdout.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import autocannon from 'autocannon';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const targets = plan.requests.map((r) => {
  const url = new URL(r.url);
  return {
    origin: url.origin,
    path: url.pathname + url.search,
    method: r.init?.method ?? 'GET',
    headers: r.init?.headers ?? {},
    body: r.init?.body,
  };
});
let sent = 0;
const latencies = [];
let errors = 0;
const start = performance.now();
const instance = autocannon({
  url: targets[0].origin,
  connections: plan.connections,
  duration: plan.seconds,
  ...(plan.maxRequests < 1_000_000 ? { amount: plan.maxRequests } : {}),
  requests: [
    {
      setupRequest: (req) => {
        const t = targets[sent++ % targets.length];
        return {
          ...req,
          method: t.method,
          path: t.path,
          headers: t.headers,
          ...(t.body ? { body: t.body } : {}),
        };
      },
    },
  ],
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  if (statusCode >= 400) errors++;
});
const result = await instance;
errors += result.errors; // connection errors, timeouts included
process.stdout.write(JSON.stringify({ latencies, errors, seconds: (performance.now() - start) / 1000 }));
