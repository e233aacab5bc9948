import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../../src/db/client.js';
import {
  claimNextDelivery,
  deliverDueWebhooks,
  type WebhookDeliveryOptions,
} from '../../src/jobs/webhook-delivery.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { changeInvitations, deliveryStates, subscribe } from './helpers.js';
import { makeReceiver } from './receiver.js';

// Two "API processes" on one database: on PostgreSQL two connection pools, on PGlite the one instance.
let ctx: TestContext;
let second: Database;
beforeAll(async () => {
  ctx = await makeTestApp();
  second = ctx.url ? await openDatabase({ databaseUrl: ctx.url, poolSize: 5 }) : ctx.database;
});
afterAll(async () => {
  if (ctx?.url) await second?.close();
  await ctx?.close();
});

const options: WebhookDeliveryOptions = {
  policy: { allowPrivate: true },
  appUrl: 'http://localhost:3000',
  timeoutMs: 2_000,
  maxAttempts: 1_000,
  disableAfter: 1_000,
  backoffMs: 5,
  maxBackoffMs: 50,
};
const eventIds = async (subscriptionId: string) =>
  (
    await queryRows<{ event_id: string }>(
      ctx.app.db,
      sql`select event_id from webhook_deliveries where subscription_id = ${subscriptionId}`,
    )
  ).map((r) => r.event_id);

// Real sockets, two processes' workers and a crash: seconds alone, longer on a loaded machine.
describe(
  'R-HOOK-2/R-HOOK-4: at least once through a receiver crash, once per attempt across replicas',
  { timeout: 120_000 },
  () => {
    it('R-HOOK-2: a receiver killed mid-stream and restarted still gets every event at least once', async () => {
      const receiver = makeReceiver();
      await receiver.start();
      const hook = await subscribe(ctx.app, receiver.url);
      const total = 60;
      await changeInvitations(ctx.app.db, total, 'crash');
      let killed = false;
      let restarted: Promise<void> | undefined;
      receiver.state.onRequest = () => {
        // The 21st request arrives: the process dies before answering it (and the ones beside it), then comes back.
        if (!killed && receiver.received.length === 20) {
          killed = true;
          restarted = receiver
            .kill()
            .then(() => new Promise((resolve) => setTimeout(resolve, 300)))
            .then(() => receiver.start());
        }
      };
      const deadline = Date.now() + 60_000;
      // Two processes' workers, each delivering several at once, as the job runner would every few seconds.
      const workers = [ctx.database, second].map(async (database) => {
        while (Date.now() < deadline) {
          await deliverDueWebhooks(database.db, options);
          const states = await deliveryStates(database.db, hook.id);
          if (states.length === 1 && states[0]!.status === 'delivered') return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      await Promise.all(workers);
      await restarted;
      try {
        expect(killed).toBe(true);
        const failures = await queryRows<{ n: number }>(
          ctx.app.db,
          sql`select count(*)::int as n from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id
            where d.subscription_id = ${hook.id} and a.outcome = 'failed'`,
        );
        expect(failures[0]!.n).toBeGreaterThan(0); // the crash really cut deliveries off
        expect(await deliveryStates(ctx.app.db, hook.id)).toEqual([{ status: 'delivered', n: total }]);
        const expected = (await eventIds(hook.id)).sort();
        expect(expected).toHaveLength(total);
        expect([...new Set(receiver.ids())].sort()).toEqual(expected);
      } finally {
        await receiver.kill();
        await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
      }
    });

    it('R-HOOK-4: two processes delivering concurrently make each attempt once (no delivery sent twice)', async () => {
      const receiver = makeReceiver();
      await receiver.start();
      const hook = await subscribe(ctx.app, receiver.url);
      await changeInvitations(ctx.app.db, 40, 'replicas');
      try {
        const runs = await Promise.all(
          [ctx.database, second, ctx.database, second].map((d) => deliverDueWebhooks(d.db, options)),
        );
        expect(runs.reduce((n, r) => n + r.delivered, 0)).toBe(40);
        if (ctx.url) expect(runs.filter((r) => r.delivered > 0).length).toBeGreaterThan(1); // both really worked
        expect(receiver.received).toHaveLength(40);
        expect(new Set(receiver.ids()).size).toBe(40);
        const attempts = await queryRows<{ attempt: number; n: number }>(
          ctx.app.db,
          sql`select a.attempt, count(*)::int as n from webhook_attempts a
            join webhook_deliveries d on d.id = a.delivery_id where d.subscription_id = ${hook.id} group by 1`,
        );
        expect(attempts).toEqual([{ attempt: 1, n: 40 }]);
      } finally {
        await receiver.kill();
        await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
      }
    });

    it('R-HOOK-4: a claimed delivery is nobody else’s until its lease lapses; then the next attempt is a new one', async () => {
      const receiver = makeReceiver();
      await receiver.start();
      const hook = await subscribe(ctx.app, receiver.url);
      await changeInvitations(ctx.app.db, 1, 'lease');
      const [id] = await eventIds(hook.id);
      try {
        const t0 = new Date(Date.now() + 1_000);
        const mine = await claimNextDelivery(ctx.app.db, t0, 10_000, []);
        expect(mine).toMatchObject({ event_id: id, attempts: 1 });
        expect(
          await claimNextDelivery(second.db, new Date(t0.getTime() + 9_000), 10_000, []),
        ).toBeUndefined();
        const theirs = await claimNextDelivery(second.db, new Date(t0.getTime() + 10_001), 10_000, []);
        expect(theirs).toMatchObject({ event_id: id, attempts: 2 });
      } finally {
        await receiver.kill();
        await ctx.app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${hook.id}`, headers: hook.auth });
      }
    });
  },
);
