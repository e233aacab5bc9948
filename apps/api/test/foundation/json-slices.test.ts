import Fastify from 'fastify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendJsonInSlices } from '../../src/routes/http/json-slices.js';

/** A long list sent a slice at a time (decision 0646) is byte-for-byte the JSON of the whole answer. */
describe('answers with one long list, written in slices', () => {
  it('gives exactly JSON.stringify of the answer, for lists of any length, nesting and text', async () => {
    const app = Fastify();
    let value: { head: unknown; inner: { pairs: unknown[]; after: string }; results: unknown[] } | undefined;
    app.get('/x', (_request, reply) => sendJsonInSlices(reply.code(201), value, value!.inner.pairs, 7));
    await app.ready();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.uuid(), reasons: fc.array(fc.string({ unit: 'grapheme' })) }), {
          maxLength: 60,
        }),
        fc.jsonValue(),
        fc.string({ unit: 'grapheme' }),
        async (pairs, head, after) => {
          value = { head, inner: { pairs, after }, results: [after] };
          const res = await app.inject({ method: 'GET', url: '/x' });
          expect(res.statusCode).toBe(201);
          expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
          expect(res.body).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 60 },
    );
    await app.close();
  });

  it('refuses a list that is not in the answer exactly once', () => {
    const list = [1];
    const reply = {} as Parameters<typeof sendJsonInSlices>[0];
    expect(() => sendJsonInSlices(reply, { a: [1] }, list)).toThrow(/exactly once/);
    expect(() => sendJsonInSlices(reply, { a: list, b: list }, list)).toThrow(/exactly once/);
  });
});
