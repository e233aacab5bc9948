import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port the system says is free just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().pop() : undefined;
  if (!version)
    throw new Error('PostgreSQL server binaries are not installed (/usr/lib/postgresql/<version>/bin)');
  return join(root, version, 'bin', name);
}

const asRoot = process.getuid?.() === 0;
/** initdb and pg_ctl refuse to run as root: as root they run as the postgres user. */
function run(bin: string, args: string[]) {
  const [cmd, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', pgBin(bin), ...args]]
    : [pgBin(bin), args];
  return execFileSync(cmd as string, argv as string[], { stdio: 'pipe' }).toString();
}

/**
 * A throwaway PostgreSQL cluster of the test's own (never the shared server on 5432): initdb into a temporary
 * folder, a free port, the socket in the folder. `kill()` is a `kill -9` of the postmaster, as a crash or a
 * failover would be; `start()` brings it back on the same port and data.
 */
export async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'hhs-fault-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const cluster = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      run('pg_ctl', [
        '-D',
        data,
        '-o',
        `-p ${port} -k ${dir} -c fsync=off -c max_connections=100`,
        '-l',
        join(dir, 'log'),
        '-w',
        '-t',
        '60',
        'start',
      ]);
    },
    /** kill -9 of the postmaster (its backends notice and exit). */
    kill() {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
    },
    isReady(): boolean {
      return spawnSync(pgBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']).status === 0;
    },
    remove() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped (killed by the test)
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
export type Cluster = Awaited<ReturnType<typeof startCluster>>;
