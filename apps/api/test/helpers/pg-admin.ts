import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const randomSuffix = () => `${process.pid}_${randomBytes(4).toString('hex')}`;

/** Runs fn with a connection to the server's maintenance database (TEST_DATABASE_URL). */
export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
