import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { freshDatabase } from '../helpers/app.js';

let app: FastifyInstance;
let drop: () => Promise<void>;
let written = '';
beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  const destination = new PassThrough();
  destination.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  app = await buildApp({
    config: testConfig({ NODE_ENV: 'development', LOG_LEVEL: 'info' }),
    database: fresh.database,
    logDestination: destination,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('development logs (issue 20: a newcomer’s first minutes)', () => {
  it('writes one line per request, with its method, path, status, time and request id', async () => {
    written = '';
    await app.inject({
      method: 'GET',
      url: '/api/v1/content?x=1',
      headers: { 'x-request-id': 'req-one-line' },
    });
    await app.inject({ method: 'GET', url: '/api/v1/me' });
    const lines = written.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/INFO: GET \/api\/v1\/content 200 \d+ ms .*"reqId":"req-one-line"/);
    expect(lines[1]).toMatch(/GET \/api\/v1\/me 401 \d+ ms/);
  });
});
