import pg from 'pg';

/**
 * The top statements by total execution time from `pg_stat_statements`, reset before the measured run, when the
 * server preloads it (shared_preload_libraries); otherwise says so. The extension is created in the bench database.
 */
export async function statementStats(
  url: string,
): Promise<{ reset(): Promise<void>; top(count?: number): Promise<string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const preload = (
    await client.query<{ s: string }>(`select current_setting('shared_preload_libraries') as s`)
  ).rows[0]!.s;
  const on = preload.split(',').some((l) => l.trim() === 'pg_stat_statements');
  if (on) await client.query('create extension if not exists pg_stat_statements');
  await client.end();
  const query = async <R extends pg.QueryResultRow>(sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<R>(sql)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    reset: async () => {
      if (on) await query('select pg_stat_statements_reset()');
    },
    top: async (count = 8) => {
      if (!on)
        return `\`pg_stat_statements\` is not loaded on this server (shared_preload_libraries = '${preload}'); the shared server is not restarted to load it, so no statement statistics.\n`;
      const rows = await query<{ q: string; calls: string; total: number; mean: number; share: number }>(
        `select left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q, calls, total_exec_time as total, mean_exec_time as mean,
           100 * total_exec_time / nullif(sum(total_exec_time) over (), 0) as share
         from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
         order by total_exec_time desc limit ${Number(count)}`,
      );
      return `Top statements by total execution time (\`pg_stat_statements\`):\n\n| statement | calls | total | mean | share |\n|---|---|---|---|---|\n${rows
        .map(
          (r) =>
            `| \`${r.q.replace(/\|/g, '\\|')}\` | ${r.calls} | ${r.total.toFixed(0)} ms | ${r.mean.toFixed(2)} ms | ${r.share.toFixed(1)} % |`,
        )
        .join('\n')}\n`;
    },
  };
}
