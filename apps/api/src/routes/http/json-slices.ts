import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { FastifyReply } from 'fastify';

/** Stands for the long list in the rest of the answer's JSON; a JSON string no answer otherwise contains. */
const SLOT = '\u0000slices\u0000';

/**
 * Sends `value` as JSON with its one long list (`list`, an array found once inside it) written a slice at a time,
 * other requests served between slices: a department-wide cohort proposal's answer is ≈ 8 MB, and serialising,
 * measuring and writing it at once held the event loop for ≈ 250 ms (decision 0646). The bytes are what
 * JSON.stringify(value) gives; the response is chunked (no length known in advance). The route's response schema
 * still documents the answer; the route builds exactly that shape.
 */
export function sendJsonInSlices(reply: FastifyReply, value: unknown, list: readonly unknown[], size = 200) {
  const text = JSON.stringify(value, (_key, v: unknown) => (v === list ? SLOT : v));
  const slot = JSON.stringify(SLOT);
  const at = text.indexOf(slot);
  if (at < 0 || text.includes(slot, at + 1))
    throw new Error('the list must appear exactly once in the value');
  const body = Readable.from(
    (async function* () {
      yield `${text.slice(0, at)}[`;
      for (let i = 0; i < list.length; i += size) {
        if (i > 0) await setImmediate();
        yield (i > 0 ? ',' : '') + JSON.stringify(list.slice(i, i + size)).slice(1, -1);
      }
      yield `]${text.slice(at + slot.length)}`;
    })(),
    { highWaterMark: 1 },
  );
  return reply.type('application/json; charset=utf-8').send(body);
}
