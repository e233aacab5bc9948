// The flows benchmark's load generator in its own Node process (so it does not share the API's event loop): reads a
// plan from the file named in argv[2] — base URL, pairs, their tokens (mentee 2i, mentor 2i+1), concurrency, seconds —
// and runs invite → accept → confirm flows closed-loop on loopback with autocannon: each keep-alive connection runs the
// three requests in sequence for the next unused pair, carrying the invitation id in autocannon's per-connection
// context. A failed step restarts the connection's sequence with a fresh pair (setupRequest returning nothing).
// Prints {done, latencies (per complete flow), errors, seconds, cpu} as JSON.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import autocannon from 'autocannon';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = {};
const latencies = [];
let next = 0;
let done = 0;
let exhausted = false;
let lastFlowAt = 0;
const body = JSON.stringify({});
const headers = (who) => ({
  authorization: `Bearer ${plan.tokens[who]}`,
  'content-type': 'application/json',
});
/** Counts a refused step by status and problem title; a step answered as expected returns true. */
function expect(status, text, wanted) {
  if (status === wanted) return true;
  let title = '';
  try {
    title = JSON.parse(text).title ?? '';
  } catch {
    /* not JSON */
  }
  const key = `${status} ${title}`;
  errors[key] = (errors[key] ?? 0) + 1;
  return false;
}

const start = performance.now();
const instance = autocannon({
  url: plan.base,
  connections: plan.concurrency,
  duration: plan.seconds,
  requests: [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        if (next >= plan.pairs.length) {
          // Every pair used: the run ends here. The request still has to be something (returning nothing would
          // restart this same step at once); a health check, not counted.
          context.exhausted = true;
          if (!exhausted) setImmediate(() => instance.stop());
          exhausted = true;
          return { ...req, method: 'GET', path: '/healthz', headers: {}, body: undefined };
        }
        const i = next++;
        Object.assign(context, { i, t0: performance.now(), ok: false });
        return {
          ...req,
          path: '/api/v1/invitations',
          headers: headers(2 * i),
          body: JSON.stringify({ mentorId: plan.pairs[i].mentor, message: 'Would you mentor me this year?' }),
        };
      },
      onResponse: (status, text, context) => {
        if (context.exhausted) return;
        context.ok = expect(status, text, 201);
        if (context.ok) context.invitation = JSON.parse(text).id;
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) =>
        context.ok
          ? {
              ...req,
              path: `/api/v1/invitations/${context.invitation}/accept`,
              headers: headers(2 * context.i + 1),
              body,
            }
          : undefined,
      onResponse: (status, text, context) => {
        context.ok = expect(status, text, 200);
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) =>
        context.ok
          ? {
              ...req,
              path: `/api/v1/invitations/${context.invitation}/confirm`,
              headers: headers(2 * context.i),
              body,
            }
          : undefined,
      onResponse: (status, text, context) => {
        if (!expect(status, text, 200)) return;
        done++;
        lastFlowAt = performance.now();
        latencies.push(lastFlowAt - context.t0);
      },
    },
  ],
});
const result = await instance;
// Connection errors and timeouts never reach onResponse (autocannon moves to the next step): count them here.
if (result.errors > 0) errors['connection error or timeout'] = result.errors;
// Once the pairs run out, the connections idle on health checks until autocannon's next tick stops them: the run
// ends with the last complete flow.
const seconds = ((exhausted ? lastFlowAt : performance.now()) - start) / 1000;
process.stdout.write(JSON.stringify({ cpu: process.cpuUsage(), done, latencies, errors, seconds }));
