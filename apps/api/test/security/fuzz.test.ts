import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { makeSystemClient } from '../integrations/helpers.js';
import { SYSTEM_SCOPES } from '../../src/db/schema/integrations.js';
import { check, dataFingerprint, operationsOf, requestFor, type FuzzFailure } from './fuzz-requests.js';

// R-SEC-4: a small, seed-fixed property-based run over every operation; bench/fuzz.bench.ts sends 10,000+.
const SEED = 1616;
const PER_OPERATION = 4;

let ctx: TestContext;
let personas: Array<Record<string, string>>;
beforeAll(async () => {
  ctx = await makeTestApp();
  personas = [
    {},
    (await makeUser(ctx.app)).auth,
    (await makeUser(ctx.app, { grants: [{ role: 'coordinator', opdiv: 'CDC' }] })).auth,
    (await makeUser(ctx.app, { grants: [{ role: 'program_manager' }] })).auth,
    await (await makeSystemClient(ctx.app, [...SYSTEM_SCOPES], 'fuzz client')).token(),
  ];
});
afterAll(() => ctx?.close());

describe('fuzzing every operation (R-SEC-4)', () => {
  it('R-SEC-4: no generated request gets a 5xx, every error is problem+json, and a refused request writes nothing', async () => {
    const failures: FuzzFailure[] = [];
    const statuses: Record<number, number> = {};
    let sent = 0;
    for (const op of operationsOf(ctx.app)) {
      const requests = fc.sample(requestFor(op, personas.length), { seed: SEED, numRuns: PER_OPERATION });
      for (const request of requests) {
        const before = request.inject.method === 'GET' ? undefined : await dataFingerprint(ctx.app);
        const failure = await check(ctx.app, request, personas[request.persona]!, before, statuses);
        sent += 1;
        if (failure) failures.push(failure);
      }
    }
    console.info(`fuzz: ${sent} requests, ${failures.length} failures, statuses ${JSON.stringify(statuses)}`);
    expect(sent).toBeGreaterThan(400);
    expect(failures).toEqual([]);
    // Four requests per operation, each with a database fingerprint: minutes on a loaded CI machine.
  }, 300_000);
});
