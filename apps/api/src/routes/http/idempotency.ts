import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { Problem } from '../../lib/problem.js';
import { IDEMPOTENCY_HEADER, pgErrorCode } from '../../services/platform/idempotency.js';

/** Who owns a key: a system client or a person (keys of different callers never collide). */
export function idempotencyOwner(request: FastifyRequest): string {
  const actor = request.actor;
  return actor?.kind === 'system' ? `client:${actor.clientId}` : `user:${actor?.userId ?? 'anonymous'}`;
}

const hashOf = (route: string, body: unknown) =>
  createHash('sha256').update(route).update('\n').update(JSON.stringify(body)).digest('hex');

const mismatch = () =>
  new Problem(
    422,
    'idempotency-key-reused',
    'Idempotency-Key reused with a different request',
    'This Idempotency-Key was already used for a different request body; use a new key for a new request (R-API-3).',
  );

/**
 * R-API-3: runs `work` in one transaction and stores its answer under the caller's Idempotency-Key in that same
 * transaction; a repeat with the same key and body gets the stored answer (header Idempotent-Replayed: true).
 * Only successful answers are stored: a refused request wrote nothing, so retrying it is safe (docs/decisions/0403).
 */
export async function idempotent<T>(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string' || key === '') return db.transaction(work);
  if (key.length > 255)
    throw new Problem(
      400,
      'validation',
      'Your request is not valid',
      'Idempotency-Key is at most 255 characters.',
    );
  const owner = idempotencyOwner(request);
  const route = `${request.method} ${request.routeOptions.url}`;
  const requestHash = hashOf(route, request.body);
  const replay = async () => {
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.clientId, owner), eq(idempotencyKeys.key, key)));
    if (!stored) return undefined;
    if (stored.requestHash !== requestHash) throw mismatch();
    reply.status(stored.status).header('idempotent-replayed', 'true');
    return stored.body as T;
  };
  const previous = await replay();
  if (previous !== undefined) return previous;
  try {
    return await db.transaction(async (tx) => {
      const body = await work(tx);
      await tx
        .insert(idempotencyKeys)
        .values({ clientId: owner, key, route, requestHash, status: reply.statusCode, body });
      return body;
    });
  } catch (error) {
    // A concurrent request with the same key committed first: answer as it did.
    if (pgErrorCode(error) === '23505') {
      const raced = await replay();
      if (raced !== undefined) return raced;
    }
    throw error;
  }
}
