import { performance } from 'node:perf_hooks';
import { percentile } from './report.js';

export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p95: number; p99: number };

/**
 * Closed-loop load on loopback: `connections` workers each send requests back to back for `seconds` (bounded by
 * `maxRequests`), recording every latency. Stops by itself.
 */
export async function load(opts: {
  connections: number;
  seconds: number;
  maxRequests?: number;
  request: (i: number) => { url: string; init?: RequestInit };
  ok?: (status: number) => boolean;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const end = performance.now() + opts.seconds * 1000;
  const max = opts.maxRequests ?? 1_000_000;
  const ok = opts.ok ?? ((s: number) => s < 400);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end && sent < max) {
        const { url, init } = opts.request(sent++);
        const t = performance.now();
        try {
          const res = await fetch(url, init);
          await res.arrayBuffer();
          if (!ok(res.status)) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
