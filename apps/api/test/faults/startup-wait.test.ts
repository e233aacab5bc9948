import { afterAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from './api-process.js';
import { freePort, startCluster, type Cluster } from './cluster.js';

// A pod scheduled while PostgreSQL is down (decision 0612): start-up waits for it, one line per attempt, instead of
// exiting and crash-looping; it gives up with a clear message once DATABASE_STARTUP_WAIT_MS has passed.
const PASSWORD = 'Sekret-Pw-0612';
let cluster: Cluster | undefined;
let api: ApiProcess | undefined;
afterAll(async () => {
  api?.kill('SIGTERM');
  await api?.exited;
  cluster?.remove();
});

describe('start-up while PostgreSQL is down', () => {
  it('waits for PostgreSQL that comes up seconds after the API started waiting, logging each attempt without the password, and becomes ready without exiting', async () => {
    cluster = await startCluster();
    cluster.kill();
    while (cluster.isReady()) await new Promise((resolve) => setTimeout(resolve, 100));
    const url = cluster.url.replace('postgres@', `postgres:${PASSWORD}@`);
    // PostgreSQL comes up 3 s after the API's first failed attempt (the process itself takes a while to start).
    let firstWait = 0;
    let resolveUp: (at: number) => void = () => {};
    const comesBack = new Promise<number>((resolve) => (resolveUp = resolve));
    api = await startApiProcess(url, { DATABASE_STARTUP_WAIT_MS: '60000' }, (output) => {
      if (firstWait || !output.includes('Waiting for PostgreSQL')) return;
      firstWait = Date.now();
      setTimeout(() => {
        cluster!.start();
        resolveUp(Date.now());
      }, 3_000);
    });
    const upAt = await comesBack;
    const upAfterMs = upAt - firstWait;
    const readyAfterMs = Date.now() - firstWait;
    expect(api.alive()).toBe(true);
    expect(readyAfterMs).toBeGreaterThanOrEqual(upAfterMs);
    const waits =
      api.output().match(/^Waiting for PostgreSQL \(attempt \d+: .*DATABASE_STARTUP_WAIT_MS\)\.$/gm) ?? [];
    expect(waits.length, api.output()).toBeGreaterThanOrEqual(2);
    expect(waits[0]).toMatch(/attempt 1: connect ECONNREFUSED 127\.0\.0\.1:\d+\); trying again in 0\.5 s/);
    expect(api.output()).not.toContain(PASSWORD);
    expect(api.output()).not.toContain('Cannot start');
    const ready = await fetch(`${api.base}/readyz`);
    expect(ready.status).toBe(200);
    console.log(
      `PostgreSQL up after ${upAfterMs} ms; API ready after ${readyAfterMs} ms, ${waits.length} waits`,
    );
  }, 90_000);

  it('gives up after DATABASE_STARTUP_WAIT_MS with one sentence naming the setting', async () => {
    const port = await freePort();
    const started = Date.now();
    const failure = await startApiProcess(`postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, {
      DATABASE_STARTUP_WAIT_MS: '2000',
    }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toMatch(
      /Cannot start: Cannot connect to PostgreSQL at DATABASE_URL: connect ECONNREFUSED 127\.0\.0\.1:\d+ \(waited \d s over \d+ attempts, DATABASE_STARTUP_WAIT_MS\)/,
    );
    expect(failure).not.toContain(PASSWORD);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  }, 60_000);
});
