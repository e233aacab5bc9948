import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { percentile } from './report.js';

export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};
type Request = { url: string; init?: { headers?: Record<string, string>; method?: string; body?: string } };

const child = fileURLToPath(new URL('./load-child.mjs', import.meta.url));
const run = promisify(execFile);

/**
 * Closed-loop load on loopback from autocannon in a separate Node process (bench/lib/load-child.mjs): `connections`
 * keep-alive connections send requests back to back for `seconds` (bounded by `maxRequests`), cycling through
 * `request(0..n)`. Every latency is recorded, so p95 is exact. Stops by itself.
 */
export async function load(opts: {
  connections: number;
  seconds: number;
  maxRequests?: number;
  request: (i: number) => Request;
  /** How many distinct requests to prepare (they are cycled). */
  distinct?: number;
}): Promise<LoadResult> {
  const distinct = opts.distinct ?? 5000;
  const dir = mkdtempSync(join(tmpdir(), 'hhs-load-'));
  try {
    const file = join(dir, 'plan.json');
    const requests = Array.from({ length: distinct }, (_, i) => opts.request(i));
    writeFileSync(
      file,
      JSON.stringify({
        connections: opts.connections,
        seconds: opts.seconds,
        maxRequests: opts.maxRequests ?? 1_000_000,
        requests,
      }),
    );
    const { stdout } = await run(process.execPath, [child, file], {
      maxBuffer: 256 * 1024 * 1024,
      timeout: (opts.seconds + 60) * 1000,
    });
    const { latencies, errors, seconds } = JSON.parse(stdout) as {
      latencies: number[];
      errors: number;
      seconds: number;
    };
    return {
      requests: latencies.length,
      errors,
      seconds,
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
