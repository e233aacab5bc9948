import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';

// The built web app as the API serves it (plugins/external/web.ts). WEB_DIST is given relative to the working
// folder, as an operator might write it: the plugin resolves it.
let ctx: TestContext;
const web = mkdtempSync(join(tmpdir(), 'hhs-web-'));
beforeAll(async () => {
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(web, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  ctx = await makeTestApp({ WEB_DIST: relative(process.cwd(), web) });
});
afterAll(async () => {
  await ctx?.close();
  rmSync(web, { recursive: true, force: true });
});

describe('the web app as served by the API', () => {
  it('lets a browser keep a content-hashed asset for a year without asking again', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the browser check index.html and other files on every load, deep links included', async () => {
    for (const url of ['/', '/index.html', '/favicon.svg', '/relationships/some-pair/idp']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a missing asset with a problem, not the page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/assets/gone-000000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
