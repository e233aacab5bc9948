// The first start of the demo (issue 17 §6): `pnpm start`'s server on a fresh PGlite folder with SEED=demo, timed from
// the process start to the first 200 of /readyz (migrations, the whole demo seed and the jobs' first pass included).
// Needs the built API (`pnpm --filter @hhs-mentoring/api build`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, writeSection } from './lib/report.js';

const apiDir = fileURLToPath(new URL('../apps/api/', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);
const TARGET_S = 60;

const ok = (url: string) =>
  new Promise<boolean>((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });

/** CPU seconds (user + system) the process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function firstStart(port: number): Promise<{ wall: number; cpu: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hhs-demo-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: join(dir, 'pglite'),
      SEED: 'demo',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
      if (await ok(`http://127.0.0.1:${port}/readyz`))
        return { wall: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid!) };
      if (performance.now() - started > 180_000) throw new Error('no answer within 3 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs: { wall: number; cpu: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await firstStart(3900 + i));
  console.log(`run ${i + 1}: ${runs.at(-1)!.wall.toFixed(1)} s, ${runs.at(-1)!.cpu.toFixed(1)} s of CPU`);
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const row = (label: string, values: number[], target: string) =>
  `| ${label} | ${Math.min(...values).toFixed(1)} s | ${percentile(values, 50).toFixed(1)} s | ${Math.max(...values).toFixed(1)} s | ${target} |`;
const wallMedian = percentile(
  runs.map((r) => r.wall),
  50,
);
writeSection(
  'demo-start',
  'First start of the demo: fresh PGlite folder, SEED=demo, until /readyz answers (issue 17 §6)',
  `${RUNS} runs of the built server (\`node dist/server.js\`, what \`pnpm start\` runs after its build) on a new
data folder each: migrations, the synthetic workforce, the demo accounts, the second-year program (decision 1004)
and the jobs' first pass. The server's own CPU time is the steadier figure on a shared machine (load average
${load} on 2 cores at the end).

| measure | min | median | max | target (median) |
|---|---|---|---|---|
${row(
  'wall time to /readyz',
  runs.map((r) => r.wall),
  `≤ ${TARGET_S} s: ${wallMedian <= TARGET_S ? 'meets' : 'MISSES'}`,
)}
${row(
  'server CPU (user + system)',
  runs.map((r) => r.cpu),
  '',
)}`,
);
