import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { freshDatabase } from '../helpers/app.js';

let app: FastifyInstance;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  app = await buildApp({ config: testConfig(), database: fresh.database });
  app.get('/api/v1/test-only/boom', async () => {
    throw new Error('secret internal detail: connection string postgres://u:p@host');
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('errors', () => {
  it('answers a 5xx as problem+json with the request id and no internals', async () => {
    const res = await app.inject({ url: '/api/v1/test-only/boom', headers: { 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 500, requestId: 'req-123' });
    expect(body.detail).toContain('req-123');
    expect(res.body).not.toContain('secret internal detail');
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
