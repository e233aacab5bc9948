import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../../../../lib/problem.js';
import { etagOf, versionFrom } from '../../../../services/journey/documents-common.js';

/** The version a writer read: If-Match, else the body's `version`; a write naming neither is refused (412). */
export function requiredVersion(request: FastifyRequest, body: { version?: number | undefined }): number {
  const v = versionFrom(request.headers['if-match'], body.version);
  if (v === undefined)
    throw problems.preconditionFailed(
      'Send If-Match (the ETag you read) or `version`, so no edit overwrites another.',
    );
  return v;
}

export function withEtag<T extends { version: number }>(reply: FastifyReply, doc: T): T {
  reply.header('etag', etagOf(doc.version));
  return doc;
}
