import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { EXAMPLES } from '../../src/lib/openapi/examples.js';

// R-API-6: the document tells the truth about errors, names every operation, has the single sign-on routes, and its
// request examples are requests the API accepts. (Redocly lints the committed copy: packages/api-client.)

type Media = Record<string, { schema?: { $ref?: string } }>;
type Operation = { operationId?: string; tags?: string[]; responses: Record<string, { content?: Media }> };
type Doc = { paths: Record<string, Record<string, Operation>> };

let ctx: TestContext;
let doc: Doc;
beforeAll(async () => {
  ctx = await makeTestApp();
  doc = (await ctx.app.inject('/api/openapi.json')).json<Doc>();
});
afterAll(() => ctx?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe('R-API-6: the OpenAPI document', () => {
  it('R-API-6: types every problem response as application/problem+json with the Problem schema', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations())
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        // RFC 6749 §5.2 errors of the token endpoint are application/json (decision 0402).
        if (key === 'POST /api/v1/oauth/token' && ['400', '401'].includes(status)) continue;
        const media = Object.keys(response.content ?? {});
        const schema = response.content?.['application/problem+json']?.schema;
        if (media.join() !== 'application/problem+json' || schema?.$ref !== '#/components/schemas/Problem')
          wrong.push(`${key} ${status}: ${media.join()}`);
      }
    expect(wrong).toEqual([]);
  });

  it('R-API-6: every operation has a unique operationId, a tag and a 4xx problem response', () => {
    const ops = operations();
    const ids = ops.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.filter((o) => !o.op.tags?.length).map((o) => o.key)).toEqual([]);
    expect(
      ops.filter((o) => !Object.keys(o.op.responses).some((s) => s.startsWith('4'))).map((o) => o.key),
    ).toEqual([]);
  });

  it('R-API-6: declares the single sign-on routes, which answer a 404 problem where it is not set up', async () => {
    for (const path of [
      '/api/v1/auth/oidc/login',
      '/api/v1/auth/oidc/callback',
      '/api/v1/auth/oidc/logout',
    ]) {
      expect(doc.paths[path]?.get?.responses['302'], path).toBeDefined();
      const res = await ctx.app.inject(path);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('R-API-6: declares 429 exactly on the routes that limit their callers', async () => {
    const limited = operations()
      .filter((o) => o.op.responses['429'])
      .map((o) => o.key);
    expect(limited).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'POST /api/v1/oauth/token',
        'GET /api/v1/directory',
      ]),
    );
    expect(limited).not.toContain('GET /api/v1/me');
  });

  it('R-API-6: the request examples are accepted by their routes', async () => {
    const hr = await makeSystemClient(ctx.app, ['directory:write', 'training:write'], 'examples client');
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ...(EXAMPLES['POST /api/v1/oauth/token']!.request as Record<string, string>),
        client_id: hr.id,
        client_secret: hr.secret,
      }).toString(),
    });
    expect(token.statusCode).toBe(200);
    expect(token.json().scope).toBe('directory:write');
    const headers = await hr.token();
    for (const key of [
      'POST /api/v1/integrations/hr/employees',
      'POST /api/v1/integrations/lms/completions',
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: key.split(' ')[1]!,
        headers,
        payload: EXAMPLES[key]!.request as object,
      });
      expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
      expect(Object.keys(res.json()).sort()).toEqual(
        Object.keys(EXAMPLES[key]!.responses![200] as object).sort(),
      );
    }
  });
});
