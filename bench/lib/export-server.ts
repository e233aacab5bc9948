// The API alone in its own process for the export benchmark (bench/exports.bench.ts): memory is sampled here, in the
// process that serves the exports, so neither the seeding nor the reading client is counted. Driven over IPC.
import { startApi } from './api.js';
import { systemClientToken } from './tokens.js';

const MB = 1024 * 1024;
const { app, base } = await startApi(process.env.BENCH_DATABASE_URL!);
const token = await systemClientToken(app, base, 'Benchmark warehouse', ['reports:read']);
let sampler: NodeJS.Timeout | undefined;
let collector: NodeJS.Timeout | undefined;
let before = process.memoryUsage();
let peak = { rss: before.rss, heap: before.heapUsed, live: before.heapUsed };

process.on('message', (message: string) => {
  if (message === 'start') {
    global.gc?.();
    before = process.memoryUsage();
    peak = { rss: before.rss, heap: before.heapUsed, live: before.heapUsed };
    sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = { ...peak, rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
    }, 5);
    // What the export really holds: the heap right after a full collection, every 250 ms while it streams.
    collector = setInterval(() => {
      global.gc?.();
      peak = { ...peak, live: Math.max(peak.live, process.memoryUsage().heapUsed) };
    }, 250);
    process.send!({ started: true });
  } else if (message === 'stop') {
    clearInterval(sampler);
    clearInterval(collector);
    global.gc?.();
    const after = process.memoryUsage();
    process.send!({
      rssMb: (peak.rss - before.rss) / MB,
      heapMb: (peak.heap - before.heapUsed) / MB,
      liveMb: (peak.live - before.heapUsed) / MB,
      retainedMb: (after.heapUsed - before.heapUsed) / MB,
      baseRssMb: before.rss / MB,
    });
  } else if (message === 'close') {
    void app.close().then(() => process.exit(0));
  }
});
process.send!({ base, token });
