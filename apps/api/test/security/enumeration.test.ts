import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeEmployee, makeUser } from '../helpers/factories.js';
import { accountTokens, auditLog, emailOutbox, users } from '../../src/db/schema/index.js';
import {
  hashPassword,
  passwordHashing,
  passwordSignIn,
  SIGN_IN_NOTICE_SUBJECT,
  SIGN_IN_THROTTLE,
} from '../../src/services/accounts/accounts.js';
import { countHit } from '../../src/services/platform/counters.js';

// R-SEC-8: timing is measured by bench/enumeration-timing.bench.ts (a timed unit test would be flaky); here the work
// that decides the timing is counted. Before answering, a known and an unknown email must cost the same password
// hashing and the same writes; the work only a known email causes (a link, an email) is handed to afterResponse.

let ctx: TestContext;
const held: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await ctx?.close();
});

const PASSWORD = 'four gentle owls over the meadow';
async function withAccount() {
  const made = await makeUser(ctx.app);
  await ctx.app.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, made.user.id));
  return made.employee.email;
}

/** Counts of the work that takes time: password hashing, and rows written that an answer could wait for. */
async function work() {
  const db = ctx.app.db;
  return {
    hashes: vi.mocked(passwordHashing.hash).mock.calls.length,
    verifies: vi.mocked(passwordHashing.verify).mock.calls.length,
    emails: await db.$count(emailOutbox),
    tokens: await db.$count(accountTokens),
    users: await db.$count(users),
    audit: await db.$count(auditLog),
  };
}
type Work = Awaited<ReturnType<typeof work>>;
const minus = (a: Work, b: Work) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - b[k as keyof Work]])) as Work;

let address = 0;
/** One request: its status and body, the work done before it was answered, then the work handed on. */
async function observe(url: string, payload: object) {
  const start = await work();
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/auth/${url}`,
    payload,
    remoteAddress: `198.51.100.${++address}`,
  });
  const answered = await work();
  const handedOn = held.length;
  await Promise.all(held.splice(0).map((job) => job()));
  const { instance: _i, requestId: _r, ...body } = res.json();
  return {
    answer: { status: res.statusCode, body },
    before: minus(answered, start),
    after: minus(await work(), answered),
    handedOn,
  };
}

describe('finding: account enumeration by timing (R-SEC-8)', () => {
  beforeAll(() => {
    vi.spyOn(passwordHashing, 'hash');
    vi.spyOn(passwordHashing, 'verify');
    // Work handed to afterResponse is held until the answer has been looked at, then run.
    vi.spyOn(ctx.app, 'afterResponse').mockImplementation((_request, job) => void held.push(job));
  });

  it('R-SEC-8: sign-in: a known and an unknown email get the same answer after the same hashing and writes', async () => {
    const known = await withAccount();
    const unknown = `nobody-${address}@test.hhs.gov`;
    for (let attempt = 0; attempt < SIGN_IN_THROTTLE.delayAfter; attempt++) {
      const a = await observe('login', { email: known, password: 'not the passphrase' });
      const b = await observe('login', { email: unknown, password: 'not the passphrase' });
      expect(a.answer).toEqual(b.answer);
      expect(a.answer.status).toBe(401);
      expect(a.before).toEqual(b.before);
      expect(a.before).toMatchObject({ hashes: 0, verifies: 1, emails: 0 });
    }
  });

  it("R-SEC-8: sign-in: the owner's notice after repeated failures is written after answering", async () => {
    const known = await withAccount();
    const unknown = `nobody-${address}@test.hhs.gov`;
    const runs: Record<string, { before: Work; handedOn: number; after: Work }> = {};
    for (const email of [known, unknown]) {
      for (let i = 1; i < SIGN_IN_THROTTLE.notifyAt; i++)
        await countHit(ctx.app.db, `signin|account|${email}`, SIGN_IN_THROTTLE.windowMs);
      const start = await work();
      const attempt = passwordSignIn(
        ctx.app.db,
        email,
        'not the passphrase',
        { actorId: null, actorLabel: 'anonymous', ip: null, requestId: null },
        {
          ip: `203.0.113.${++address}`,
          appUrl: 'http://localhost:3000',
          sleep: async () => undefined,
          afterAnswer: (job) => void held.push(job),
        },
      );
      await expect(attempt).rejects.toMatchObject({ status: 401 });
      const answered = await work();
      const handedOn = held.length;
      await Promise.all(held.splice(0).map((job) => job()));
      runs[email] = { before: minus(answered, start), handedOn, after: minus(await work(), answered) };
    }
    expect(runs[known]!.before).toEqual(runs[unknown]!.before);
    expect([runs[known]!.handedOn, runs[unknown]!.handedOn]).toEqual([1, 0]);
    expect([runs[known]!.after.emails, runs[unknown]!.after.emails]).toEqual([1, 0]);
    const notices = await ctx.app.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.subject, SIGN_IN_NOTICE_SUBJECT));
    expect(notices.map((n) => n.toAddress)).toContain(known);
  });

  it('R-SEC-8: register: in the directory, already with an account, or unknown: the same answer, nothing done before it', async () => {
    const newcomer = (await makeEmployee(ctx.app)).email;
    const existing = await withAccount();
    const unknown = `nobody-${address}@test.hhs.gov`;
    const password = 'seven quiet lanterns by the harbor';
    const [a, b, c] = [
      await observe('register', { email: newcomer, password }),
      await observe('register', { email: existing, password }),
      await observe('register', { email: unknown, password }),
    ];
    expect(a.answer).toEqual(c.answer);
    expect(b.answer).toEqual(c.answer);
    expect(a.answer.status).toBe(202);
    for (const run of [a, b, c]) {
      expect(run.before).toEqual({ hashes: 0, verifies: 0, emails: 0, tokens: 0, users: 0, audit: 0 });
      expect(run.handedOn).toBe(1);
      expect(run.after.hashes).toBe(1); // every email pays for the password's hash, after answering
    }
    // The test can tell: what differs between the three is done after answering.
    expect([a.after.emails, b.after.emails, c.after.emails]).toEqual([1, 1, 0]);
    expect([a.after.tokens, b.after.tokens, c.after.tokens]).toEqual([1, 0, 0]);
  });

  it('R-SEC-8: password reset: a known and an unknown email get the same status and body, nothing done before it', async () => {
    const known = await withAccount();
    const unknown = `nobody-${address}@test.hhs.gov`;
    const a = await observe('password-reset/request', { email: known });
    const b = await observe('password-reset/request', { email: unknown });
    expect(a.answer).toEqual(b.answer);
    expect(a.answer.status).toBe(202);
    expect(a.before).toEqual(b.before);
    expect(a.before).toEqual({ hashes: 0, verifies: 0, emails: 0, tokens: 0, users: 0, audit: 0 });
    expect([a.handedOn, b.handedOn]).toEqual([1, 1]);
    expect([a.after.emails, b.after.emails]).toEqual([1, 0]);
  });

  it('R-SEC-8: verify-email carries no email: a link not issued gets the same answer and work whoever registered', async () => {
    const newcomer = (await makeEmployee(ctx.app)).email;
    const password = 'seven quiet lanterns by the harbor';
    await observe('register', { email: newcomer, password }); // a link now waits in the newcomer's mailbox
    await observe('register', { email: `nobody-${address}@test.hhs.gov`, password });
    const guesses = [0, 1].map((i) => `${'A'.repeat(42)}${i}`);
    const [a, b] = [
      await observe('verify-email', { token: guesses[0]! }),
      await observe('verify-email', { token: guesses[1]! }),
    ];
    expect(a.answer).toEqual(b.answer);
    expect(a.answer.status).toBe(400);
    expect(a.before).toEqual(b.before);
    expect(a.before).toMatchObject({ hashes: 0, verifies: 0, emails: 0, tokens: 0, users: 0 });
  });
});
