import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { freshDatabase } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from './helpers.js';

// Two API processes on ONE database (two pools on PostgreSQL; on PGlite the one embedded database, whose counters
// stay in each process's memory — decision 0010 — so the across-replicas case runs on PostgreSQL only).
const LIMIT = 4;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let second: Database | undefined;
const apps: FastifyInstance[] = [];
beforeAll(async () => {
  fresh = await freshDatabase();
  second = fresh.url ? await openDatabase({ databaseUrl: fresh.url, poolSize: 2 }) : undefined;
  for (const database of [fresh.database, second ?? fresh.database]) {
    const app = await buildApp({ config: testConfig({ SYSTEM_CLIENT_RATE_LIMIT: LIMIT }), database });
    await app.ready();
    apps.push(app);
  }
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await second?.close();
  await fresh?.drop();
});

const feed = (app: FastifyInstance, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: '/api/v1/changes/relationships', headers });

describe('per-client rate limits for system clients (R-API-8)', () => {
  it('R-API-8: every answer carries RateLimit-Limit, -Remaining and -Reset; past the limit a 429 problem with Retry-After', async () => {
    const client = await makeSystemClient(apps[0]!, ['reports:read'], 'Warehouse one');
    const headers = await client.token();
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await feed(apps[0]!, headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
      remaining.push(String(res.headers['ratelimit-remaining']));
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    const refused = await feed(apps[0]!, headers);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(refused.json<{ detail: string }>().detail).toContain('R-API-8');
  });

  it('R-API-8: counted per client id, not per address: another client from the same address goes on; people are not counted', async () => {
    const busy = await makeSystemClient(apps[0]!, ['reports:read'], 'Busy warehouse');
    const busyHeaders = await busy.token();
    for (let i = 0; i <= LIMIT; i++) await feed(apps[0]!, busyHeaders);
    expect((await feed(apps[0]!, busyHeaders)).statusCode).toBe(429);
    const calm = await makeSystemClient(apps[0]!, ['reports:read'], 'Calm warehouse');
    const res = await feed(apps[0]!, await calm.token());
    expect(res.statusCode).toBe(200);
    expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
    const person = await makeUser(apps[0]!);
    for (let i = 0; i <= LIMIT; i++) {
      const me = await apps[0]!.inject({ url: '/api/v1/me', headers: person.auth });
      expect(me.statusCode).toBe(200);
      expect(me.headers['ratelimit-limit']).toBeUndefined();
    }
  });

  it("R-API-8: a forged token spends nobody's budget", async () => {
    const client = await makeSystemClient(apps[0]!, ['reports:read'], 'Target warehouse');
    const headers = await client.token();
    const [head, body] = headers.authorization!.slice('Bearer '.length).split('.');
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await feed(apps[0]!, { authorization: `Bearer ${head}.${body}.forged` });
      expect(res.statusCode).toBe(401);
    }
    expect((await feed(apps[0]!, headers)).headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
  });

  if (process.env.DB_KIND === 'postgres')
    it('R-API-8: the limit holds across two API processes on one database', async () => {
      const client = await makeSystemClient(apps[0]!, ['reports:read'], 'Replicated warehouse');
      const headers = await client.token();
      const codes: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) codes.push((await feed(apps[i % 2]!, headers)).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 429, 429]);
    });
});
