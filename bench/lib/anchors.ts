import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchDatabase } from './pg.js';

const run = promisify(execFile);

/**
 * Issue 21's anchor for the flows: `pgbench` TPC-B (scale 10, 20 clients, 15 s) on the same PostgreSQL server, in a
 * database created for it and dropped afterwards. Returns transactions per second (without connection time).
 */
export async function pgbenchTps(opts = { scale: 10, clients: 20, seconds: 15 }): Promise<number> {
  const db = await benchDatabase();
  try {
    await run('pgbench', ['-i', '-q', '-s', String(opts.scale), db.url], { timeout: 600_000 });
    const { stdout } = await run(
      'pgbench',
      ['-c', String(opts.clients), '-j', '2', '-T', String(opts.seconds), '-n', db.url],
      { timeout: (opts.seconds + 120) * 1000 },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(tps[1]);
  } finally {
    await db.drop();
  }
}
