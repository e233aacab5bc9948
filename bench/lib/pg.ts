import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new, uniquely named PostgreSQL database for one benchmark run; drop() removes it. */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hhs_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // pool.end() resolves before its sockets close; forcing out a backend still saying goodbye surfaces as an
  // uncaught "terminating connection" error in the benchmark, so wait (briefly) for them to leave first.
  const drop = async () => {
    for (let i = 0; i < 50; i++) {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      const n = (await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]))
        .rows[0]?.n;
      await c.end();
      if (n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await admin(`drop database if exists ${name} with (force)`);
  };
  return { url: url.toString(), drop };
}
