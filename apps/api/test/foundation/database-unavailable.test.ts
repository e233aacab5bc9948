import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { freshDatabase } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';

const onPostgres = process.env.DB_KIND === 'postgres';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('which errors mean the database is unavailable (decision 0009)', () => {
  const sqlError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('counts a refused or broken connection, a server going down, a timeout and a full server', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH'])
      expect(isDatabaseUnavailable(sqlError(code)), code).toBe(true);
    // SQLSTATE 08xxx connection exceptions, 57P01 admin shutdown, 57P03 starting up, 53300 too many connections,
    // 57014 statement timeout, 25P03 idle-in-transaction timeout.
    for (const code of ['08006', '08001', '57P01', '57P02', '57P03', '53300', '57014', '25P03'])
      expect(isDatabaseUnavailable(sqlError(code)), code).toBe(true);
    for (const message of [
      'Connection terminated unexpectedly',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
      'Query read timeout',
      'Cannot use a pool after calling end on the pool',
    ])
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
  });

  it('looks through the causes drizzle wraps the driver error in', () => {
    const wrapped = new Error('Failed query: select 1', { cause: sqlError('ECONNREFUSED') });
    expect(isDatabaseUnavailable(new Error('outer', { cause: wrapped }))).toBe(true);
  });

  it('does not count a bug or a refused statement', () => {
    for (const code of ['23505', '23503', '42P01', '40001', '22P02'])
      expect(isDatabaseUnavailable(sqlError(code, 'refused')), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(undefined)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

/**
 * A TCP proxy in front of the test's PostgreSQL database that can be cut (the port refuses and every open
 * connection drops, as when the postmaster is killed) or turned into a black hole (connections are accepted and
 * never answered, as on a network partition). The shared server itself is never touched.
 */
class Outage {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private blackhole = false;
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open() {
    this.blackhole = false;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private track(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: Socket) {
    this.track(client);
    if (this.blackhole) return;
    const upstream = connect(this.target);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private dropAll() {
    for (const socket of this.sockets) socket.destroy();
  }

  /** The port refuses connections and every open one drops. */
  async cut() {
    const server = this.server;
    this.server = undefined;
    this.dropAll();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Connections are accepted and never answered; open ones drop. */
  async hang() {
    if (!this.server) await this.open();
    this.dropAll();
    this.blackhole = true;
  }

  async restore() {
    if (this.server) {
      this.dropAll();
      this.blackhole = false;
    } else await this.open();
  }
}

if (onPostgres)
  describe('PostgreSQL unavailable (decision 0009)', () => {
    let app: FastifyInstance;
    let outage: Outage;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const fresh = await freshDatabase();
      drop = fresh.drop;
      const direct = new URL(fresh.url!);
      outage = new Outage({ host: direct.hostname, port: Number(direct.port || 5432) });
      await outage.open();
      const throughProxy = new URL(direct);
      throughProxy.hostname = '127.0.0.1';
      throughProxy.port = String(outage.port);
      // Through the environment, as an operator sets them.
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: 'memory://',
        SEED: 'none',
        LOG_LEVEL: 'silent',
        JOBS: 'off',
        DATABASE_URL: throughProxy.toString(),
        DATABASE_POOL_SIZE: '4',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        DATABASE_STATEMENT_TIMEOUT_MS: '1234',
        DATABASE_IDLE_TX_TIMEOUT_MS: '900',
      });
      app = await buildApp({ config });
      await app.ready();
    });
    afterAll(async () => {
      await outage?.restore();
      await app?.close();
      await outage?.cut();
      await drop?.();
    });

    it('every pooled connection runs with DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_IDLE_TX_TIMEOUT_MS', async () => {
      const pool = app.database.pool!;
      // Four connections at once: the pool's whole size, so each is a distinct server session.
      const clients = await Promise.all([1, 2, 3, 4].map(() => pool.connect()));
      try {
        const seen = await Promise.all(
          clients.map((c) =>
            c.query<{ pid: number; statement: string; idle: string }>(
              `select pg_backend_pid() as pid, current_setting('statement_timeout') as statement,
                      current_setting('idle_in_transaction_session_timeout') as idle`,
            ),
          ),
        );
        expect(new Set(seen.map((r) => r.rows[0]!.pid)).size).toBe(4);
        for (const r of seen) expect(r.rows[0]).toMatchObject({ statement: '1234ms', idle: '900ms' });
      } finally {
        clients.forEach((c) => c.release());
      }
      // The defaults when nothing is set.
      const defaults = loadConfig({ NODE_ENV: 'test' });
      expect(defaults.DATABASE_STATEMENT_TIMEOUT_MS).toBe(30_000);
      expect(defaults.DATABASE_IDLE_TX_TIMEOUT_MS).toBe(60_000);
    });

    it('the server ends a statement longer than the statement timeout, and it counts as unavailable', async () => {
      const started = Date.now();
      const error = await app.db.execute(sql`select pg_sleep(5)`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(error).toBeDefined();
      expect(isDatabaseUnavailable(error)).toBe(true);
    });

    it('the server ends a transaction left idle longer than the idle timeout', async () => {
      const client = await app.database.pool!.connect();
      let failure: unknown;
      try {
        await client.query('begin');
        await sleep(1_500);
        await client.query('select 1').catch((e: unknown) => (failure = e));
      } finally {
        client.release(failure instanceof Error ? failure : undefined);
      }
      expect(failure).toBeDefined();
      expect(isDatabaseUnavailable(failure)).toBe(true);
    });

    it('during an outage a request that needs the database gets 503 problem+json with Retry-After, /readyz 503 within 2 s, /healthz 200; then it serves again', async () => {
      const person = await makeUser(app);
      const read = () => app.inject({ url: '/api/v1/settings', headers: person.auth });
      expect((await read()).statusCode).toBe(200);

      const expectUnavailable = async (what: string) => {
        const started = Date.now();
        const res = await read();
        expect(res.statusCode, what).toBe(503);
        expect(res.headers['content-type'], what).toContain('application/problem+json');
        expect(Number(res.headers['retry-after']), what).toBeGreaterThanOrEqual(1);
        expect(res.json(), what).toMatchObject({ status: 503 });
        // Connection timeout 500 ms: never a hang.
        expect(Date.now() - started, what).toBeLessThan(2_000);
        const readyStarted = Date.now();
        const ready = await app.inject('/readyz');
        expect(Date.now() - readyStarted, `${what}: /readyz within 2 s`).toBeLessThan(2_000);
        expect(ready.statusCode, what).toBe(503);
        expect(ready.headers['content-type'], what).toContain('application/problem+json');
        expect(ready.headers['retry-after'], what).toBeDefined();
        expect((await app.inject('/healthz')).statusCode, what).toBe(200);
      };

      await outage.cut();
      await expectUnavailable('connections refused');
      await outage.hang();
      await expectUnavailable('connections never answered');

      await outage.restore();
      const back = Date.now();
      let res = await read();
      while (res.statusCode !== 200 && Date.now() - back < 5_000) {
        await sleep(100);
        res = await read();
      }
      expect(res.statusCode).toBe(200);
      expect((await app.inject('/readyz')).statusCode).toBe(200);
    });
  });
