import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner, type ScheduledJob } from '../../src/jobs/runner.js';
import { freshDatabase } from '../helpers/app.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => fresh?.drop());

describe('JobRunner.settled (issue 20: the start-up banner prints after the jobs’ first lines)', () => {
  it('resolves only after the first run of every job has finished and logged', async () => {
    const logged: string[] = [];
    const log = { info: (_: object, msg: string) => logged.push(msg), warn: () => {}, error: () => {} };
    const job: ScheduledJob = {
      name: 'slow-first-pass',
      everyMs: 3_600_000,
      scope: 'each',
      run: async () => {
        await new Promise((r) => setTimeout(r, 150));
        return 'first pass done';
      },
    };
    const runner = new JobRunner(fresh.database.db, [job], log);
    runner.start();
    await runner.settled();
    expect(logged).toEqual(['first pass done']);
    await runner.stop();
  });
});
