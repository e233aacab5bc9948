import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freePort } from './cluster.js';

/** A random secret per run: production refuses a guessable one (R-SEC-6). */
export const FAULT_JWT_SECRET = randomBytes(32).toString('base64url');
const apiRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A real API process (the server entry, as the image runs it, through tsx so the test needs no build) on the given
 * database, with jobs on. `exited` settles when the process ends, with its exit code or signal.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  /** Told of the output as it comes, before the process is ready (start-up tests). */
  onOutput?: (output: string) => void,
) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED: 'none',
      LOG_LEVEL: 'warn',
      JOBS: 'on',
      JWT_SECRET: FAULT_JWT_SECRET,
      DATABASE_POOL_SIZE: '8',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const take = (c: Buffer) => {
    output += c.toString();
    onOutput?.(output);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  // 'exit' can come before the last output is read, and 'close' may never come (tsx's esbuild helper can hold the
  // pipes): after 'exit', wait a moment for the output to end.
  const ended = (stream: NodeJS.ReadableStream) => new Promise((resolve) => stream.once('end', resolve));
  const drained = Promise.all([ended(child.stdout!), ended(child.stderr!)]);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) =>
      Promise.race([drained, new Promise((r) => setTimeout(r, 1_000))]).then(() => resolve({ code, signal })),
    ),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited at start-up:\n${output}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the API process did not become ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    base,
    child,
    exited,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal: NodeJS.Signals = 'SIGKILL') => child.kill(signal),
  };
}
export type ApiProcess = Awaited<ReturnType<typeof startApiProcess>>;
