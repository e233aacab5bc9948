import { describe, expect, it } from 'vitest';
import { databaseOutage } from './outage.js';

describe('a PostgreSQL crash under load (decision 0009)', () => {
  it('two API processes survive kill -9 of the postmaster: 503 during (/readyz within 2 s), serving again within 5 s, nothing lost or doubled, clock jobs resume with every slot run once', async () => {
    const r = await databaseOutage({ mentees: 60, maxRequests: 3_000, killAfterMs: 3_000, downMs: 10_000 });
    const context = JSON.stringify({ ...r, logs: r.logs.map((l) => l.slice(-2_000)) }, null, 1);
    expect(r.bothAlive, context).toBe(true);
    expect(r.requestsDuringOutage, 'the load ran through the outage').toBeGreaterThan(10);
    expect(r.fiveHundredsOtherThan503, context).toBe(0);
    expect(r.noAnswer, context).toBe(0);
    expect(r.statuses['503'] ?? 0, 'requests during the outage were told to retry').toBeGreaterThan(0);
    expect(r.readyzWent503, context).toEqual([true, true]);
    expect(r.readyzBack200, context).toEqual([true, true]);
    expect(r.healthzNot200, context).toBe(0);
    // /readyz: 503 problem+json within 2 s during the outage, and never no answer at all.
    expect(r.readyzSlowestDuringOutage, context).toBeLessThanOrEqual(2);
    expect(r.readyzNoAnswer, context).toBe(0);
    expect(r.readyz503NotProblemJson, context).toBe(0);
    // The clock jobs (every 2 s here) ran every slot before the kill and every slot once the database was back,
    // none twice, and left no claim unfinished outside the outage.
    const jobs = r.clockJobs;
    expect(jobs.slotsBefore, context).toBeGreaterThan(0);
    expect(jobs.ranBefore, context).toBe(jobs.slotsBefore);
    expect(jobs.slotsAfter, context).toBeGreaterThan(0);
    expect(jobs.ranAfter, context).toBe(jobs.slotsAfter);
    expect(jobs.doubled, context).toBe(0);
    expect(jobs.unfinishedOutsideOutage, context).toBe(0);
    for (const s of r.secondsFromBackToFirst2xx) expect(s, context).toBeLessThanOrEqual(5);
    expect(r.lost, context).toBe(0);
    expect(r.duplicated, context).toBe(0);
    expect(r.halfMade, context).toBe(0);
    expect(r.violations).toEqual({ 'R-CAP-1': 0, 'R-CAP-2': 0, 'R-CAP-3': 0, 'R-INV-1': 0, 'R-INV-2': 0 });
    expect(r.emails.sent, 'every email delivered once the database was back').toBe(r.emails.outbox);
    expect(r.emails.duplicates, context).toBe(0);
    expect(r.emails.received).toBe(r.emails.outbox);
  }, 240_000);
});
