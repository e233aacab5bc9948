import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A folder of this run, deleted after it (saved sign-in sessions). */
    runDir: string;
  }
}

const apiDir = fileURLToPath(new URL('../../api', import.meta.url));
const webDist = fileURLToPath(new URL('../dist', import.meta.url));

/** Starts the built API on a free port with a fresh PGlite folder and the demo seed; serves the built web app. */
export default async function setup(project: TestProject) {
  const needed: [string, string][] = [
    [join(apiDir, 'dist/server.js'), 'pnpm --filter @hhs-mentoring/api build'],
    [join(webDist, 'index.html'), 'pnpm --filter @hhs-mentoring/web build'],
  ];
  for (const [path, hint] of needed)
    if (!existsSync(path)) throw new Error(`${path} is missing: run ${hint} first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'hhs-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/server.js'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: join(dataDir, 'pglite'),
      SEED: 'demo',
      LOG_LEVEL: 'warn',
      JOBS: 'off',
      WEB_DIST: webDist,
      APP_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/readyz`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('runDir', dataDir);
  return stop;
}

/** A port the system says is free now (the API is told it up front: APP_URL names it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode} before it was ready`);
    if (await answersOk(url)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API did not answer ${url} within 3 minutes`);
}

/** One GET without keep-alive (a pooled socket would keep the test runner alive after the run). */
function answersOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}
