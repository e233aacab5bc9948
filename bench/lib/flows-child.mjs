// The flows benchmark's load generator in its own Node process (so it does not share the API's event loop): reads a
// plan from the file named in argv[2] — base URL, pairs, their tokens (mentee 2i, mentor 2i+1), concurrency, seconds — runs
// invite → accept → confirm flows closed-loop on loopback, prints {done, latencies, errors, seconds} as JSON.
/* global fetch */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = {};
const auth = (i) => ({ authorization: `Bearer ${plan.tokens[i]}`, 'content-type': 'application/json' });
async function post(url, who, body) {
  const res = await fetch(`${plan.base}/api/v1${url}`, { method: 'POST', headers: auth(who), body: JSON.stringify(body ?? {}) });
  const json = await res.json();
  if (res.status >= 300) {
    const key = `${res.status} ${json.title ?? ''}`;
    errors[key] = (errors[key] ?? 0) + 1;
  }
  return { status: res.status, json };
}
async function flow(i) {
  const p = plan.pairs[i];
  const inv = await post('/invitations', 2 * i, { mentorId: p.mentor, message: 'Would you mentor me this year?' });
  if (inv.status !== 201) return false;
  if ((await post(`/invitations/${inv.json.id}/accept`, 2 * i + 1)).status !== 200) return false;
  return (await post(`/invitations/${inv.json.id}/confirm`, 2 * i)).status === 200;
}

// Closed-loop flows until the time or the pairs run out.
let next = 0;
let done = 0;
const latencies = [];
const start = performance.now();
const end = start + plan.seconds * 1000;
await Promise.all(
  Array.from({ length: plan.concurrency }, async () => {
    while (performance.now() < end && next < plan.pairs.length) {
      const i = next++;
      const t = performance.now();
      if (await flow(i)) done++;
      latencies.push(performance.now() - t);
    }
  }),
);
process.stdout.write(JSON.stringify({ done, latencies, errors, seconds: (performance.now() - start) / 1000 }));
