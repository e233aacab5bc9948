import { describe, expect, it } from 'vitest';
import { APPROVAL_CHUNK } from '../../src/services/coordination/cohort-approve.js';
import { replicaCrashDuringCohortApproval, replicaCrashMidBurst } from './replica.js';

describe('an API replica killed mid-work (decision 0009)', () => {
  it('kill -9 of one replica mid-burst: the flows finish on the other, nothing half-made or doubled', async () => {
    const r = await replicaCrashMidBurst({ mentees: 40, killAfterMs: 400 });
    const context = JSON.stringify(r);
    expect(r.killedAt, context).toBeGreaterThan(0);
    expect(r.flowsCompleted, context).toBeGreaterThan(0);
    expect(r.fiveHundreds, context).toBe(0);
    expect(r.lost, context).toBe(0);
    expect(r.duplicated, context).toBe(0);
    expect(r.halfMade, context).toBe(0);
    expect(r.violations).toEqual({ 'R-CAP-1': 0, 'R-CAP-2': 0, 'R-CAP-3': 0, 'R-INV-1': 0, 'R-INV-2': 0 });
  }, 180_000);

  it('R-MATCH-4: kill -9 between two chunks of a cohort approval, then approve again: every pair invited exactly once', async () => {
    const pairs = APPROVAL_CHUNK * 2 + 50;
    const r = await replicaCrashDuringCohortApproval({ pairs });
    const context = JSON.stringify(r);
    expect(r.proposed, context).toBe(pairs);
    expect(r.firstAnswer, 'the killed replica never answered').toBe(0);
    expect(r.invitedAfterKill % APPROVAL_CHUNK, 'only whole chunks were committed').toBe(0);
    expect(r.invitedAfterKill, context).toBeLessThan(pairs);
    expect(r.secondApproval, context).toBe(200);
    expect(r.invited, context).toBe(pairs);
    expect(r.invitations, context).toBe(pairs);
    expect(r.duplicated, context).toBe(0);
    expect(r.halfMade, context).toBe(0);
  }, 240_000);
});
