import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, invitations, notifications, relationships } from '../../src/db/schema/index.js';
import { retryableCode, transactionWithRetry } from '../../src/db/retry.js';
import { Problem } from '../../src/lib/problem.js';
import { WriteBatch } from '../../src/db/write-batch.js';
import type { Db } from '../../src/db/client.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { mentee, mentor } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const abort = (code: string) =>
  Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access'), { code });

/**
 * The database aborts the next `times` transactions at their last statement (the write batch that goes out with
 * COMMIT, decision 0505), as PostgreSQL does to a deadlock victim: nothing the attempt did is kept. Returns a spy
 * counting the attempts (transactions begun).
 */
function abortNextTransactions(db: Db, code: string, times: number) {
  const real = WriteBatch.prototype.runAsLast;
  let left = times;
  vi.spyOn(WriteBatch.prototype, 'runAsLast').mockImplementation(function (this: WriteBatch) {
    return left-- > 0 ? Promise.reject(abort(code)) : real.call(this);
  });
  return vi.spyOn(db, 'transaction');
}

async function acceptedInvitation() {
  const me = await mentee(ctx.app);
  const them = await mentor(ctx.app);
  const inv = await clientFor(ctx.app, me).POST('/api/v1/invitations', {
    body: { mentorId: them.employee.id, message: 'Hello' },
  });
  expect(
    (
      await clientFor(ctx.app, them).POST('/api/v1/invitations/{id}/accept', {
        params: { path: { id: inv.data!.id } },
      })
    ).response.status,
  ).toBe(200);
  return { me, them, id: inv.data!.id as string };
}

describe('transactions retried after a deadlock or serialization failure (decision 0250)', () => {
  it('finds the SQLSTATE through the driver error wrapped in cause', () => {
    expect(retryableCode(new Error('x', { cause: abort('40P01') }))).toBe('40P01');
    expect(retryableCode(abort('40001'))).toBe('40001');
    expect(retryableCode(Object.assign(new Error('dup'), { code: '23505' }))).toBeUndefined();
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const failure = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(
      transactionWithRetry(ctx.app.db, async () => {
        calls++;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
  });

  it('R-CAP-1/R-CAP-2: a confirmation aborted as a deadlock victim (40P01) is retried and confirms exactly once', async () => {
    const { me, them, id } = await acceptedInvitation();
    const spy = abortNextTransactions(ctx.app.db, '40P01', 1);
    const res = await clientFor(ctx.app, me).POST('/api/v1/invitations/{id}/confirm', {
      params: { path: { id } },
    });
    expect(res.response.status).toBe(200);
    expect(res.data!.state).toBe('confirmed');
    expect(spy).toHaveBeenCalledTimes(2);
    const rels = await ctx.app.db
      .select()
      .from(relationships)
      .where(eq(relationships.menteeId, me.employee.id));
    expect(rels).toHaveLength(1);
    const notices = await ctx.app.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, them.employee.id));
    expect(notices.filter((n) => n.kind === 'invitation.confirmed')).toHaveLength(1);
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audits.filter((a) => a.action === 'invitation.confirm')).toHaveLength(1);
  });

  it('answers 409 "please try again" when every attempt fails with 40001, and changes nothing', async () => {
    const { me, id } = await acceptedInvitation();
    const spy = abortNextTransactions(ctx.app.db, '40001', 100);
    const res = await clientFor(ctx.app, me).POST('/api/v1/invitations/{id}/confirm', {
      params: { path: { id } },
    });
    const attempts = spy.mock.calls.length;
    spy.mockRestore();
    expect(res.response.status).toBe(409);
    expect(res.response.headers.get('content-type')).toContain('application/problem+json');
    expect(res.error!.detail).toMatch(/try again/);
    expect(attempts).toBe(4);
    const [inv] = await ctx.app.db.select().from(invitations).where(eq(invitations.id, id));
    expect(inv!.state).toBe('accepted');
    expect(
      await ctx.app.db.select().from(relationships).where(eq(relationships.menteeId, me.employee.id)),
    ).toHaveLength(0);
  });

  it('returns the Problem the work threw without retrying it', async () => {
    let calls = 0;
    await expect(
      transactionWithRetry(ctx.app.db, async () => {
        calls++;
        throw new Problem(409, 'conflict', 'Conflict', 'no');
      }),
    ).rejects.toBeInstanceOf(Problem);
    expect(calls).toBe(1);
  });
});
