import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, invitations } from '../../src/db/schema/index.js';
import { WriteBatch } from '../../src/services/write-batch.js';
import { invitationFrom } from '../../src/services/journey/invitation-steps.js';
import { SYSTEM_AUDIT } from '../../src/services/audit.js';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

// Decision 0505: a change, its notices and its audit row go out as one statement of data-modifying CTEs.
describe('WriteBatch: one statement for a change and everything written with it', () => {
  it('returns the kept rows with drizzle types (timestamps as Dates, version bumped in SQL)', async () => {
    const [mentee, mentor] = [await makeEmployee(ctx.app), await makeEmployee(ctx.app)];
    const sentAt = new Date('2026-11-30T10:00:00.123Z');
    const id = randomUUID();
    const created = await ctx.app.db.transaction(async (tx) => {
      const batch = new WriteBatch(tx);
      const name = batch.insert(
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
        true,
      );
      batch.audit(SYSTEM_AUDIT, {
        action: 'test.create',
        objectType: 'invitation',
        objectId: id,
        opdivs: [mentee.opdiv, mentee.opdiv],
      });
      return invitationFrom(await batch.run(), name);
    });
    expect(created).toMatchObject({
      id,
      state: 'pending',
      version: 1,
      alreadyAgreed: false,
      answeredAt: null,
    });
    expect(created.sentAt).toBeInstanceOf(Date);
    expect(created.sentAt.getTime()).toBe(sentAt.getTime());

    const answeredAt = new Date('2026-12-01T09:30:00Z');
    const updated = await ctx.app.db.transaction(async (tx) => {
      const batch = new WriteBatch(tx);
      const name = batch.update(
        invitations,
        id,
        { state: 'accepted', answeredAt, updatedAt: answeredAt },
        { bumpVersion: true },
        true,
      );
      return invitationFrom(await batch.run(), name);
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
    const batch = new WriteBatch(ctx.app.db); // no transaction: only a single statement keeps the audit row out
    batch.audit(SYSTEM_AUDIT, { action: 'test.self', objectType: 'invitation', objectId: id });
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
