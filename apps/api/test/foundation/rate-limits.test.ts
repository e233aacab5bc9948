import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { randomBytes } from 'node:crypto';
import { loadConfig, testConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { postgresRateLimitStore } from '../../src/plugins/external/rate-limit-store.js';
import { pruneRateLimitCounters } from '../../src/db/rate-limits.js';
import { freshDatabase } from '../helpers/app.js';

// Two API processes on ONE database (two pools on PostgreSQL; on PGlite the one embedded database).
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let second: Database | undefined;
let apps: FastifyInstance[];
beforeAll(async () => {
  fresh = await freshDatabase();
  second = fresh.url ? await openDatabase({ databaseUrl: fresh.url, poolSize: 2 }) : undefined;
  apps = [];
  for (const database of [fresh.database, second ?? fresh.database]) {
    const app = await buildApp({ config: testConfig(), database });
    app.get('/limited', { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } }, async () => ({
      ok: true,
    }));
    await app.ready();
    apps.push(app);
  }
});
afterAll(async () => {
  for (const a of apps ?? []) await a.close();
  await second?.close();
  await fresh?.drop();
});

type Store = InstanceType<ReturnType<typeof postgresRateLimitStore>>;
const incr = (store: Store, key: string, windowMs: number) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), windowMs),
  );

describe('rate limits shared by every replica (decision 0010)', () => {
  it('counts one window across two processes on the same database, per route', async () => {
    const [a, b] = [new (postgresRateLimitStore(apps[0]!.db))(), new (postgresRateLimitStore(apps[1]!.db))()];
    const routeA = a.child({ routeInfo: { method: 'POST', url: '/x' } } as never);
    const routeB = b.child({ routeInfo: { method: 'POST', url: '/x' } } as never);
    const other = b.child({ routeInfo: { method: 'POST', url: '/y' } } as never);
    expect((await incr(routeA, '10.0.0.1', 60_000)).current).toBe(1);
    expect((await incr(routeB, '10.0.0.1', 60_000)).current).toBe(2);
    const third = await incr(routeA, '10.0.0.1', 60_000);
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(55_000);
    expect(third.ttl).toBeLessThanOrEqual(60_000);
    expect((await incr(other, '10.0.0.1', 60_000)).current).toBe(1);
    expect((await incr(routeA, '10.0.0.2', 60_000)).current).toBe(1);
  });

  it('starts a new window once the old one has passed, and the prune job forgets old windows', async () => {
    const store = new (postgresRateLimitStore(apps[0]!.db))().child({
      routeInfo: { method: 'GET', url: '/w' },
    } as never);
    // A window long enough that the second hit lands in it even on a busy machine; then wait until it has passed.
    const first = await incr(store, 'k', 1_000);
    expect(first.current).toBe(1);
    expect((await incr(store, 'k', 1_000)).current).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, first.ttl + 50));
    expect((await incr(store, 'k', 1_000)).current).toBe(1);
    expect(await pruneRateLimitCounters(apps[0]!.db, new Date(Date.now() + 2 * 3_600_000))).toBeGreaterThan(
      0,
    );
    expect((await incr(store, 'k', 50)).current).toBe(1);
  });

  if (process.env.DB_KIND === 'postgres')
    it('a limit of 3 a minute holds across two API processes: the 4th request gets 429 with Retry-After', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await apps[i % 2]!.inject('/limited')).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const refused = await apps[1]!.inject('/limited');
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.headers['content-type']).toContain('application/problem+json');
    });

  if (process.env.DB_KIND === 'postgres')
    it('R-SEC-9: the real sign-in limit (10 a minute per address, production settings) holds across two API processes', async () => {
      // Production settings: the test configuration raises the sign-in route's limit for test files.
      const secret = randomBytes(48).toString('base64');
      const production: FastifyInstance[] = [];
      for (const database of [fresh.database, second!]) {
        const app = await buildApp({
          database,
          config: loadConfig({
            NODE_ENV: 'production',
            DATABASE_URL: fresh.url!,
            LOG_LEVEL: 'silent',
            SEED: 'none',
            JOBS: 'off',
            JWT_SECRET: secret,
          }),
        });
        await app.ready();
        production.push(app);
      }
      try {
        // A new email each time, so the per-email throttle (R-SEC-7) is not what answers.
        const login = (i: number) =>
          production[i % 2]!.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: `nobody-${i}@test.hhs.gov`, password: 'not a password anyone has' },
            remoteAddress: '192.0.2.44',
          });
        const codes: number[] = [];
        for (let i = 0; i < 12; i++) codes.push((await login(i)).statusCode);
        expect(codes).toEqual([...Array(10).fill(401), 429, 429]);
        const refused = await login(12);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        // Another address is counted on its own, on either process.
        expect(
          (
            await production[1]!.inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { email: 'nobody-else@test.hhs.gov', password: 'not a password anyone has' },
              remoteAddress: '192.0.2.45',
            })
          ).statusCode,
        ).toBe(401);
      } finally {
        for (const app of production) await app.close();
      }
    }, 60_000);
});
