import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations } from '../../src/db/schema/index.js';
import { eq, sql } from 'drizzle-orm';
import { preparedRows, preparedSql, queryRows } from '../../src/db/client.js';
import { SealedTransactionError } from '../../src/db/seal.js';
import { WriteBatch } from '../../src/db/write-batch.js';
import { ChangeBatch } from '../../src/services/platform/change-batch.js';
import { SYSTEM_AUDIT } from '../../src/services/platform/audit.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
}, 300_000);
afterAll(async () => ctx?.close());

// Decision 0505: a change, its notices and its audit row go out as one statement of data-modifying CTEs.
describe('WriteBatch: one statement for a change and everything written with it', () => {
  it('returns the kept rows with drizzle types (timestamps as Dates, version bumped in SQL)', async () => {
    const [mentee, mentor] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
    const sentAt = new Date('2026-11-30T10:00:00.123Z');
    const id = randomUUID();
    const inserted = await ctx.app.db.transaction(async (tx) => {
      const batch = new ChangeBatch(tx);
      const created = batch.insert(
        invitations,
        {
          id,
          menteeId: mentee.id,
          mentorId: mentor.id,
          platform: 's2j',
          message: 'Hello',
          state: 'pending',
          sentAt,
          expiresAt: new Date('2026-12-14T10:00:00Z'),
          updatedAt: sentAt,
        },
        { keep: true },
      );
      batch.audit(SYSTEM_AUDIT, {
        action: 'invitation.create',
        objectType: 'invitation',
        objectId: id,
        opdivs: [mentee.opdiv, mentee.opdiv],
      });
      return (await batch.run()).one(created);
    });
    expect(inserted).toMatchObject({
      id,
      state: 'pending',
      version: 1,
      alreadyAgreed: false,
      answeredAt: null,
    });
    expect(inserted.sentAt).toBeInstanceOf(Date);
    expect(inserted.sentAt.getTime()).toBe(sentAt.getTime());

    const answeredAt = new Date('2026-12-01T09:30:00Z');
    const updated = await ctx.app.db.transaction(async (tx) => {
      const batch = new WriteBatch(tx);
      const part = batch.update(
        invitations,
        id,
        { state: 'accepted', answeredAt, updatedAt: answeredAt },
        { bumpVersion: true, keep: true },
      );
      return (await batch.run()).one(part);
    });
    expect(updated).toMatchObject({ state: 'accepted', version: 2 });
    expect(updated.answeredAt?.getTime()).toBe(answeredAt.getTime());
    const audits = await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.opdivs).toEqual([mentee.opdiv]); // an array column, de-duplicated
  });

  it('R-INV-1: is one statement — when one part breaks a constraint no part is written, even outside a transaction', async () => {
    const person = await makeEmployee(ctx.app);
    const id = randomUUID();
    const batch = new ChangeBatch(ctx.app.db); // no transaction: only a single statement keeps the audit row out
    batch.audit(SYSTEM_AUDIT, { action: 'invitation.create', objectType: 'invitation', objectId: id });
    batch.insert(invitations, {
      id,
      menteeId: person.id,
      mentorId: person.id,
      platform: 's2j',
      state: 'pending',
      expiresAt: new Date(),
    });
    await expect(batch.run()).rejects.toThrow(/invitations_not_self_ck/);
    expect(await ctx.app.db.select().from(auditLog).where(eq(auditLog.objectId, id))).toHaveLength(0);
    expect(await ctx.app.db.select().from(invitations).where(eq(invitations.id, id))).toHaveLength(0);
  });
});

/** The error a promise rejected with, unwrapped from drizzle's DrizzleQueryError when drizzle sent the statement. */
const rejection = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e,
  )) as { cause?: unknown };
  return error instanceof SealedTransactionError ? error : (error.cause ?? error);
};

// Decision 0013: the fast path's rules are enforced in code, not in a comment.
describe('WriteBatch guards itself', () => {
  const pendingInvitation = (menteeId: string, mentorId: string) => ({
    id: randomUUID(),
    menteeId,
    mentorId,
    platform: 's2j' as const,
    state: 'pending' as const,
    expiresAt: new Date('2027-01-01T00:00:00Z'),
  });

  it('throws when a write is added to a batch after runAsLast, and nothing of it is sent', async () => {
    const [a, b] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
    const late = pendingInvitation(a.id, b.id);
    await expect(
      ctx.app.db.transaction(async (tx) => {
        const batch = new WriteBatch(tx);
        batch.insert(invitations, pendingInvitation(a.id, b.id));
        await batch.runAsLast();
        batch.insert(invitations, late);
      }),
    ).rejects.toThrow(/after COMMIT, outside the transaction/);
    expect(await ctx.app.db.select().from(invitations).where(eq(invitations.id, late.id))).toHaveLength(0);
  });

  it('throws when any statement is sent through the transaction after runAsLast', async () => {
    type TxOf = Parameters<Parameters<typeof ctx.app.db.transaction>[0]>[0];
    // Fresh people each time: on PostgreSQL the first write committed (its COMMIT left with it).
    const attempts: ((tx: TxOf, a: string, b: string) => Promise<unknown>)[] = [
      (tx, a, b) => {
        const second = new WriteBatch(tx);
        second.insert(invitations, pendingInvitation(b, a));
        return second.run();
      },
      (tx) => queryRows(tx, sql`select 1`),
      (tx) =>
        preparedRows(
          tx,
          preparedSql('write_batch_test_select_one', () => sql`select 1 as one`),
          {},
        ),
    ];
    for (const after of attempts) {
      const [a, b] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
      const error = await rejection(
        ctx.app.db.transaction(async (tx) => {
          const batch = new WriteBatch(tx);
          batch.insert(invitations, pendingInvitation(a.id, b.id));
          await batch.runAsLast();
          await after(tx, a.id, b.id);
        }),
      );
      expect(error).toBeInstanceOf(SealedTransactionError);
    }
  });

  // On PostgreSQL the COMMIT left with the last write: the transaction's connection refuses whatever sends next.
  if (process.env.DB_KIND === 'postgres')
    it('throws when a drizzle query goes through a pipelined transaction after runAsLast', async () => {
      const [a, b] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
      const error = await rejection(
        ctx.app.db.transaction(async (tx) => {
          const batch = new WriteBatch(tx);
          batch.insert(invitations, pendingInvitation(a.id, b.id));
          await batch.runAsLast();
          await tx.select().from(invitations).limit(1);
        }),
      );
      expect(error).toBeInstanceOf(SealedTransactionError);
    });

  it('throws when a batch is sent twice, or runAsLast is used outside a transaction', async () => {
    const [a, b] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
    const outside = new WriteBatch(ctx.app.db);
    outside.insert(invitations, pendingInvitation(a.id, b.id));
    expect(() => outside.runAsLast()).toThrow(/not in one: use run\(\)/);
    await outside.run();
    expect(() => outside.run()).toThrow(/already sent with run\(\)/);
  });

  it('throws when a prepared statement name is reused with different SQL', () => {
    const first = preparedSql('write_batch_test_reused', () => sql`select 1 as n`);
    // The same name and SQL (a module loaded twice) is the same statement.
    expect(preparedSql('write_batch_test_reused', () => sql`select 1 as n`)).toEqual(first);
    expect(() => preparedSql('write_batch_test_reused', () => sql`select 2 as n`)).toThrow(
      /"write_batch_test_reused" is already used by other SQL/,
    );
  });

  it('types the rows of each kept part by its table, and throws when a part expected to write one wrote none', async () => {
    const batch = new WriteBatch(ctx.app.db);
    const none = batch.update(invitations, randomUUID(), { message: 'nobody' }, { keep: true });
    const result = await batch.run();
    expect(result.rows(none)).toEqual([]);
    expect(() => result.one(none)).toThrow(/returned no row/);
  });
});
