import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { deprecationHeaders } from '../../src/lib/deprecation.js';
import { Paged, PageQuery, sendPage } from '../../src/lib/pagination.js';
import { responses } from '../../src/lib/responses.js';
import { freshDatabase } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

// R-API-7: a route declared deprecated says so on every response and in the OpenAPI document. The route here is
// registered by the test only, on the real app, as a v1 route being replaced would be.

const deprecated = {
  since: '2026-12-01',
  sunset: '2027-06-30',
  link: 'https://mentoring.hhs.gov/docs/api#versioning',
};

let app: FastifyInstance;
let drop: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  app = await buildApp({ config: testConfig(), database: fresh.database });
  app.get(
    '/api/v1/test-only/old-list',
    {
      onRequest: app.guards.user,
      config: { deprecated },
      schema: {
        tags: ['system'],
        summary: 'A list on its way out (test only)',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: responses({ 200: Paged(Type.String()) }),
      },
    },
    async (request, reply) => sendPage(request, reply, { items: ['a'], nextCursor: 'WyJ2MSIsImEiXQ' }),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('R-API-7: deprecation and sunset', () => {
  it('R-API-7: a deprecated route sends Deprecation (RFC 9745), Sunset (RFC 8594) and their links, keeping the page link', async () => {
    const person = await makeUser(app);
    const res = await app.inject({ url: '/api/v1/test-only/old-list', headers: person.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers.deprecation).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
    expect(res.headers.sunset).toBe('Wed, 30 Jun 2027 23:59:59 GMT');
    const link = String(res.headers.link);
    expect(link).toContain(`<${res.json().next}>; rel="next"`);
    expect(link).toContain(`<${deprecated.link}>; rel="deprecation"`);
    expect(link).toContain(`<${deprecated.link}>; rel="sunset"`);
  });

  it('R-API-7: the headers come with its refusals too', async () => {
    const res = await app.inject({ url: '/api/v1/test-only/old-list' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers.sunset).toBe('Wed, 30 Jun 2027 23:59:59 GMT');
    expect(res.headers.deprecation).toMatch(/^@\d+$/);
  });

  it('R-API-7: the OpenAPI document marks it deprecated with its sunset; other operations are not', async () => {
    const doc = app.swagger() as {
      paths: Record<string, Record<string, { deprecated?: boolean; description?: string }>>;
    };
    const op = doc.paths['/api/v1/test-only/old-list']!.get!;
    expect(op.deprecated).toBe(true);
    expect(op.description).toContain('2027-06-30');
    expect(doc.paths['/api/v1/directory']!.get!.deprecated).toBeUndefined();
    const other = await app.inject({ url: '/healthz' });
    expect(other.headers.deprecation).toBeUndefined();
    expect(other.headers.sunset).toBeUndefined();
  });

  it('R-API-7: refuses, at start-up, a sunset less than 6 months after the deprecation or a malformed day', () => {
    expect(() => deprecationHeaders({ ...deprecated, sunset: '2027-03-01' })).toThrow(/6 months/);
    expect(() => deprecationHeaders({ ...deprecated, since: '1 Dec 2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => deprecationHeaders({ ...deprecated, link: 'http://example.org' })).toThrow(/https/);
  });
});
