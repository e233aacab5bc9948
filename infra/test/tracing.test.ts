import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './render.js';

// Rule ids OPS-TRC-n: docs/decisions/0610-tracing.md. The built API is started with the image's own command
// (infra/Dockerfile's CMD) and exports over OTLP/HTTP (JSON) to a receiver in this process. pg spans need
// PostgreSQL: TEST_DATABASE_URL, as .ci/run sets it.
const apiDir = join(repoRoot, 'apps/api');
const imageCommand = JSON.parse(
  /^CMD (\[.*\])$/m.exec(readFileSync(join(repoRoot, 'infra/Dockerfile'), 'utf8'))![1]!,
);
const adminUrl = process.env.TEST_DATABASE_URL;

type Attribute = { key: string; value: Record<string, unknown> };
type Span = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Attribute[];
};
const spans: Span[] = [];
const resources: Attribute[][] = [];
const attr = (span: Span, key: string) =>
  Object.values(span.attributes.find((a) => a.key === key)?.value ?? {})[0];

let receiver: Server;
let server: ChildProcess | undefined;
let output = '';
let base: string;
let dropDatabase = async () => {};

const admin = async (sql: string) => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
};

beforeAll(async () => {
  if (!adminUrl)
    throw new Error('the tracing test needs PostgreSQL for pg spans: set TEST_DATABASE_URL (.ci/run does)');
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        for (const rs of JSON.parse(body).resourceSpans) {
          resources.push(rs.resource.attributes);
          for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const otlp = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;

  const name = `hhs_tracing_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  dropDatabase = () => admin(`drop database if exists ${name} with (force)`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const port = 20000 + Math.floor(Math.random() * 20000);
  base = `http://127.0.0.1:${port}`;
  const [command, ...args] = imageCommand as string[];
  expect(command).toBe('node');
  server = spawn(process.execPath, args, {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: url.toString(),
      SEED: 'none',
      JOBS: 'off',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (server.exitCode !== null) throw new Error(`the API exited (${server.exitCode}):\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not become ready:\n${output}`);
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await dropDatabase();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function spansOf(requestId: string): Promise<{ root: Span; trace: Span[] }> {
  for (let i = 0; i < 100; i++) {
    const root = spans.find((s) => s.kind === 2 && attr(s, 'http.request.id') === requestId);
    const trace = spans.filter((s) => s.traceId === root?.traceId);
    if (root && trace.some((s) => attr(s, 'db.query.text'))) return { root, trace };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no trace with a pg span for request ${requestId}:\n${output}`);
}

describe('tracing (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  it('OPS-TRC-1: a request gives a server span named by its route template, with the request id, and child pg spans', async () => {
    const slug = `page-${randomBytes(6).toString('hex')}`;
    const response = await fetch(`${base}/api/v1/content/${slug}`, {
      headers: { 'x-request-id': 'trace-test-1' },
    });
    expect(response.status).toBe(404);
    const { root, trace } = await spansOf('trace-test-1');
    expect(root.name).toBe('GET /api/v1/content/:slug');
    expect(attr(root, 'http.route')).toBe('/api/v1/content/:slug');
    expect(attr(root, 'http.response.status_code')).toBe(404);
    const fastify = trace.find(
      (s) => s.parentSpanId === root.spanId && attr(s, 'fastify.root') === '@fastify/otel',
    );
    expect(fastify && attr(fastify, 'http.request.id')).toBe('trace-test-1');
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const descendsFromRoot = (s: Span): boolean =>
      s.parentSpanId === root.spanId ||
      (!!s.parentSpanId && !!byId.get(s.parentSpanId) && descendsFromRoot(byId.get(s.parentSpanId)!));
    const query = trace.find((s) => String(attr(s, 'db.query.text')).includes('"content_versions"'));
    expect(query && descendsFromRoot(query)).toBe(true);
    expect(query!.kind).toBe(3); // CLIENT
    expect(attr(query!, 'db.system.name')).toBe('postgresql');
    expect(resources.at(-1)?.find((a) => a.key === 'service.name')?.value).toEqual({
      stringValue: 'hhs-mentoring-api',
    });
  });

  it('OPS-TRC-2: spans carry the statement but never its parameter values, nor the query string', async () => {
    const slug = `secret-${randomBytes(6).toString('hex')}`;
    await fetch(`${base}/api/v1/content/${slug}?q=private-words`, {
      headers: { 'x-request-id': 'trace-test-2' },
    });
    const { root, trace } = await spansOf('trace-test-2');
    const queries = trace.filter((s) => attr(s, 'db.query.text'));
    expect(queries.map((s) => attr(s, 'db.query.text'))).toContainEqual(
      expect.stringMatching(/"page_slug" = \$1/),
    );
    for (const span of queries) {
      expect(JSON.stringify(span.attributes)).not.toContain(slug);
      expect(span.attributes.map((a) => a.key)).not.toContain('db.postgresql.values');
    }
    expect(JSON.stringify(trace)).not.toContain('private-words');
    expect(attr(root, 'url.path')).toBe(`/api/v1/content/${slug}`);
  });
});

describe('tracing (no endpoint)', () => {
  // The image's --import flags, then a script that loads pg and fastify as the app does and reports what it sees.
  const probe = (env: Record<string, string>) => {
    const script = `
      import { trace } from '@opentelemetry/api';
      import pg from 'pg';
      import Fastify from 'fastify';
      const span = trace.getTracer('probe').startSpan('probe');
      console.log(JSON.stringify({ recording: span.isRecording(), pgPatched: '__wrapped' in pg.Client.prototype.query,
        fastify: typeof Fastify }));`;
    const flags = (imageCommand as string[]).slice(1, -1);
    return JSON.parse(
      execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
        cwd: apiDir,
        env: { PATH: process.env.PATH ?? '', ...env },
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    );
  };

  it('OPS-TRC-3: registers nothing without OTEL_EXPORTER_OTLP_ENDPOINT (and does with it)', () => {
    expect(probe({})).toEqual({ recording: false, pgPatched: false, fastify: 'function' });
    expect(probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual({
      recording: true,
      pgPatched: true,
      fastify: 'function',
    });
  });

  it('OPS-TRC-4: refuses to start with an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    );
  });
});
