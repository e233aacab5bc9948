// The flows benchmark's load generator in its own Node process (so it does not share the API's event loop): reads a
// plan from the file named in argv[2] — base URL, pairs, their tokens (mentee 2i, mentor 2i+1), concurrency, seconds — runs
// invite → accept → confirm flows closed-loop on loopback, prints {done, latencies, errors, seconds} as JSON.
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import http from 'node:http';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = {};
// node:http with a keep-alive agent, one socket per flow in flight: a load generator costing a fraction of what
// fetch costs per request, so more of the shared CPUs go to the API and PostgreSQL being measured.
const base = new URL(plan.base);
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
function request(path, token, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, method: 'POST', agent,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function post(url, who, body) {
  const res = await request(`/api/v1${url}`, plan.tokens[who], JSON.stringify(body ?? {}));
  const json = JSON.parse(res.text);
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
agent.destroy();
process.stdout.write(JSON.stringify({ cpu: process.cpuUsage(), done, latencies, errors, seconds: (performance.now() - start) / 1000 }));
