import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './render.js';

// The image's layout without a Docker engine (infra/Dockerfile): `pnpm deploy --prod` of the API into /app/api and
// the web build into /app/web, started as the image starts it. Against PostgreSQL when TEST_DATABASE_URL is set
// (CI), otherwise on embedded PGlite.
const pnpm = process.env.npm_execpath?.includes('pnpm')
  ? [process.execPath, process.env.npm_execpath]
  : ['pnpm'];
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let root: string;
let server: ChildProcess | undefined;
let output = '';
let base: string;
let metricsBase: string;
let dropDatabase = async () => {};
/** The deployed folders' files as they were before the API started (path → size and modification time). */
let deployedTree: Map<string, string>;

/** Every file and folder under `dir` with its size and modification time: what a read-only root would refuse. */
function fileTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path, { throwIfNoEntry: false });
    tree.set(
      path.slice(dir.length),
      stat ? `${entry.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}` : 'gone',
    );
  }
  return tree;
}
const deployedFolders = () => new Map([...fileTree(join(root, 'api')), ...fileTree(join(root, 'web'))]);

async function createDatabase(): Promise<Record<string, string>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { DATA_DIR: join(root, 'pglite') };
  const name = `hhs_layout_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  dropDatabase = () => admin(`drop database if exists ${name} with (force)`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

function run(command: string[], cwd: string, env: Record<string, string> = {}) {
  return execFileSync(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hhs-layout-'));
  run([...pnpm, 'deploy', '--filter=@hhs-mentoring/api', '--prod', '--legacy', join(root, 'api')], repoRoot);
  cpSync(join(repoRoot, 'apps/web/dist'), join(root, 'web'), { recursive: true });
  deployedTree = deployedFolders();
  const [port, metricsPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  metricsBase = `http://127.0.0.1:${metricsPort}`;
  const env = {
    ...(await createDatabase()),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
    WEB_DIST: join(root, 'web'),
    SEED: 'none',
    TMPDIR: join(root, 'tmp'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
  };
  // The migration Job of the manifests (node dist/migrate.js) must be in the build; the API then starts with
  // MIGRATE_ON_START=false, as in production, and would refuse a schema the Job did not bring to head.
  const migrateJs = join(root, 'api/dist/migrate.js');
  if (!existsSync(migrateJs))
    throw new Error(`the deployed API has no ${migrateJs}: the migration Job would fail`);
  run([process.execPath, 'dist/migrate.js'], join(root, 'api'), env);
  Object.assign(env, { MIGRATE_ON_START: 'false' });
  // The image's CMD (node --import ./dist/tracing.js dist/server.js), with this test's node.
  const [, ...args] = JSON.parse(
    /^CMD (\[.*\])$/m.exec(readFileSync(join(repoRoot, 'infra/Dockerfile'), 'utf8'))![1]!,
  );
  server = spawn(process.execPath, args, {
    cwd: join(root, 'api'),
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
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
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the production layout (pnpm deploy --prod)', () => {
  it('OPS-IMG-1: holds the built API and the migrations, and no development dependency', () => {
    const api = join(root, 'api');
    expect(readdirSync(api).sort()).toEqual(['dist', 'drizzle', 'node_modules', 'package.json']);
    expect(readdirSync(join(api, 'drizzle')).some((f) => f.endsWith('.sql'))).toBe(true);
    const installed = readdirSync(join(api, 'node_modules/.pnpm')).join('\n');
    for (const dev of ['@faker-js+faker', 'drizzle-kit', 'vitest', 'tsx', 'pino-pretty', 'oidc-provider'])
      expect(installed, dev).not.toContain(dev);
  });

  it('OPS-IMG-2: starts, migrates and serves the API and the web app', async () => {
    expect(await fetch(`${base}/healthz`).then((r) => r.status)).toBe(200);
    expect(await fetch(`${base}/readyz`).then((r) => r.status)).toBe(200);
    const home = await fetch(`${base}/`);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toMatch(/<div id="root">/);
    const problem = await fetch(`${base}/api/v1/me`);
    expect(problem.status).toBe(401);
    expect(problem.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(output).toMatch(/"msg":"Server listening/);
    const metrics = await fetch(`${metricsBase}/metrics`);
    expect(await metrics.text()).toMatch(/^hhs_program_events_total\{event="invitation_sent"\} 0$/m);
    expect((await fetch(`${base}/metrics`)).headers.get('content-type')).toMatch(
      /application\/problem\+json/,
    );
  });

  it('OPS-IMG-3: resolves the cohort worker thread from the deployed domain package', () => {
    const script = `
      import { createRequire } from 'node:module';
      const filename = createRequire(new URL('./dist/plugins/app/workers.js', import.meta.url)).resolve('@hhs-mentoring/domain/cohort-worker');
      const worker = await import(filename);
      console.log(typeof worker.default);`;
    expect(run([process.execPath, '--input-type=module', '-e', script], join(root, 'api')).trim()).toBe(
      'function',
    );
  });

  it('OPS-IMG-4: loads the tracing SDK from the deployed dependencies when an OTLP endpoint is set (decision 0610)', () => {
    const script = `import { trace } from '@opentelemetry/api'; console.log(trace.getTracer('t').startSpan('s').isRecording());`;
    const traced = ['--import', './dist/tracing.js', '--input-type=module', '-e', script];
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' };
    expect(run([process.execPath, ...traced], join(root, 'api'), env).trim()).toBe('true');
  });

  it('OPS-IMG-5: solves a cohort on a worker thread started from the deployed domain package', () => {
    // The API's own workers plugin (dist/plugins/app/workers.js) in the deployed layout: piscina starts the worker
    // from the deployed @hhs-mentoring/domain/cohort-worker, and the process report lists the live worker thread.
    const script = `
      import Fastify from 'fastify';
      import { DEFAULT_SETTINGS, parseGrade } from '@hhs-mentoring/domain';
      import workers from './dist/plugins/app/workers.js';
      const grade = (g) => parseGrade('GS', g).grade;
      const employee = (id, g) => ({ id, opdiv: 'CDC', supervisorId: null, occupationSeries: '0343',
        occupationTitle: 'Management and Program Analyst', city: 'Atlanta', state: 'GA',
        timeZone: 'America/New_York', grade: grade(g) });
      const mentors = [1, 2].map((n) => ({ employeeId: 'mentor-' + n, employee: employee('mentor-' + n, '14'),
        platforms: ['s2j', 'p2p'], capacity: 2, liveMenteeCount: 0, paused: false, active: true,
        acceptsOtherOpdivs: true, competencies: ['strategic-thinking'], technicalAreas: 'budget',
        careerText: 'Budget policy lead.', communicationMethods: ['video'] }));
      const mentees = [1, 2, 3].map((n) => ({ employeeId: 'mentee-' + n, employee: employee('mentee-' + n, '12'),
        platform: 's2j', developmentalNeeds: ['strategic-thinking'], goalsText: 'Grow into budget policy.',
        locationPreference: 'no_preference', communicationMethods: ['video'], hasLiveRelationship: false,
        openInvitationCount: 0, invitedMentorIds: [], declinedByMentorIds: [] }));
      const app = Fastify();
      await app.register(workers);
      await app.ready();
      const result = await app.solveCohort({ mentees, mentors, settings: DEFAULT_SETTINGS, chains: new Map(), topK: 5 });
      const threads = process.report.getReport().workers.length;
      await app.close();
      console.log(JSON.stringify({ pairs: result.pairs.length, threads }));`;
    const solved = JSON.parse(
      run([process.execPath, '--input-type=module', '-e', script], join(root, 'api'), {
        NODE_ENV: 'production',
      }),
    ) as { pairs: number; threads: number };
    expect(solved).toEqual({ pairs: 3, threads: 1 });
  });

  it('OPS-IMG-6: writes nothing inside its deployed folders while it starts, migrates and serves (read-only root)', async () => {
    for (const path of ['/', '/api/v1/me', '/api/openapi.json', '/healthz', '/readyz', '/no/such/screen'])
      expect((await fetch(`${base}${path}`)).status, path).toBeLessThan(500);
    expect((await fetch(`${metricsBase}/metrics`)).status).toBe(200);
    const after = deployedFolders();
    const changed = [...new Set([...deployedTree.keys(), ...after.keys()])].filter(
      (path) => deployedTree.get(path) !== after.get(path),
    );
    expect(changed).toEqual([]);
    expect(deployedTree.size).toBeGreaterThan(1_000);
  });
});
