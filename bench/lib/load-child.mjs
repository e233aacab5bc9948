// The load generator's own process (so it does not share the API's event loop): reads a plan from the file named
// in argv[2], runs a closed loop on loopback, prints the raw latencies as JSON on stdout. Bounded in count and time.
/* global fetch */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const latencies = [];
let errors = 0;
let sent = 0;
const end = performance.now() + plan.seconds * 1000;
const start = performance.now();
await Promise.all(
  Array.from({ length: plan.connections }, async () => {
    while (performance.now() < end && sent < plan.maxRequests) {
      const r = plan.requests[sent++ % plan.requests.length];
      const t = performance.now();
      try {
        const res = await fetch(r.url, r.init);
        await res.arrayBuffer();
        if (res.status >= 400) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }),
);
process.stdout.write(JSON.stringify({ latencies, errors, seconds: (performance.now() - start) / 1000 }));
