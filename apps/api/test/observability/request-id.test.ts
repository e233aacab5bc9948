import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { JobRunner, type ScheduledJob } from '../../src/jobs/runner.js';
import { testConfig } from '../../src/config.js';
import { freshDatabase } from '../helpers/app.js';
import type { FastifyInstance } from 'fastify';

// Rule ids OPS-LOG-n: docs/decisions/0607-request-ids-and-logs.md.
let app: FastifyInstance;
const PARAMETER = 'SECRET-PARAM-jane.doe@hhs.gov';
let drop: () => Promise<void>;
const lines: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  app = await buildApp({ config: testConfig({ LOG_LEVEL: 'info' }), database: fresh.database });
  // Capture the app's log lines (pino writes JSON to stdout in tests): swap the stream of the root logger.
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const symbols = Object.getOwnPropertySymbols(app.log);
  const streamSymbol = symbols.find((s) => s.toString() === 'Symbol(pino.stream)');
  (app.log as unknown as Record<symbol, unknown>)[streamSymbol!] = stream;
  // A route whose query fails with a recognisable parameter (OPS-LOG-2): division by zero after binding it.
  app.get('/test/failing-query', async () => {
    await app.db.execute(sql`select 1/0 as boom where ${PARAMETER}::text is not null`);
    return {};
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('request ids', () => {
  it('OPS-LOG-1: a valid X-Request-Id is honoured, echoed, put in problem+json and in every log line of the request', async () => {
    const id = 'b7e1c2d4-5f60-4a7b-8c9d-0e1f2a3b4c5d';
    const response = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': id } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['x-request-id']).toBe(id);
    expect(response.json().requestId).toBe(id);
    const ofRequest = lines.filter((l) => l.reqId === id);
    expect(ofRequest.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('OPS-LOG-1: an invalid X-Request-Id is replaced by a fresh one, echoed on success too', async () => {
    const forged = 'abc\n{"level":60}';
    const response = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': encodeURIComponent(forged) + ' x'.repeat(100) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const plain = await app.inject({ method: 'GET', url: '/healthz' });
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.headers['x-request-id']).not.toBe(response.headers['x-request-id']);
  });

  it('OPS-LOG-2: log lines carry the route, never the query, the path parameters, tokens or passwords', async () => {
    const id = 'log-check-1';
    await app.inject({
      method: 'GET',
      url: '/api/v1/directory/employees?q=Jordan%20Rivera%20my%20private%20note',
      headers: { 'x-request-id': id, authorization: 'Bearer secret-token-value' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-request-id': 'log-check-2' },
      payload: { email: 'someone@hhs.gov', password: 'Hunter2-Password!' },
    });
    await app.inject({
      method: 'GET',
      url: '/api/v1/invitations/6d3f3f0e-4c1a-4b8e-9a50-0f6f0e9d1a11',
      headers: { 'x-request-id': 'log-check-3' },
    });
    const text = JSON.stringify(lines.filter((l) => String(l.reqId).startsWith('log-check')));
    expect(text).toContain('"route":"/api/v1/invitations/:id"');
    for (const secret of [
      'Jordan',
      'private',
      'secret-token-value',
      'Hunter2',
      'someone@hhs.gov',
      '6d3f3f0e',
    ])
      expect(text).not.toContain(secret);
  });

  it('OPS-LOG-2: a failed query logs its SQL text and error code, never its parameter values (requests and jobs)', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/test/failing-query',
      headers: { 'x-request-id': 'log-check-query' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('SECRET-PARAM');
    const failing = (name: string, query: ReturnType<typeof sql>): ScheduledJob => ({
      name,
      everyMs: 60_000,
      scope: 'once',
      run: async () => {
        await app.db.execute(query);
      },
    });
    // A data exception puts the value itself in PostgreSQL's message (22P02); a 'once' job also records its error.
    const jobs = [
      failing('log-check-division', sql`select 1/0 where ${PARAMETER}::text is not null`),
      failing('log-check-uuid', sql`select ${PARAMETER}::uuid`),
    ];
    const runner = new JobRunner(app.db, jobs, app.log);
    for (const job of jobs) expect(await runner.tick(job)).toBe(true);

    const ofRequest = lines.filter((l) => l.reqId === 'log-check-query' && l.msg === 'unhandled error');
    const ofJobs = lines.filter((l) => l.msg === 'scheduled job failed');
    expect(ofRequest).toHaveLength(1);
    expect(ofJobs.map((l) => l.job)).toEqual(['log-check-division', 'log-check-uuid']);
    const err = ofRequest[0]!.err as Record<string, unknown>;
    expect(err.query).toBe('select 1/0 as boom where $1::text is not null');
    expect((err.cause as Record<string, unknown>).code).toBe('22012');
    expect(err.stack).toMatch(/\n {4}at /);
    expect(((ofJobs[1]!.err as Record<string, unknown>).cause as Record<string, unknown>).code).toBe('22P02');
    expect(JSON.stringify(lines)).not.toContain('SECRET-PARAM');
    expect(JSON.stringify(lines)).not.toContain('jane.doe');
    const recorded = await app.db.execute(
      sql`select error from job_runs where job in ('log-check-division', 'log-check-uuid') order by job`,
    );
    const errors = (recorded as unknown as { rows: Array<{ error: string }> }).rows.map((r) => r.error);
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toContain('Failed query: select 1/0');
    expect(errors.join('\n')).not.toContain('SECRET-PARAM');
  });
});
