import http from 'node:http';
import https from 'node:https';
import {
  guardedLookup,
  literalRefused,
  type UrlPolicy,
} from '../services/integrations/webhooks/url-policy.js';

/** R-HOOK-3: at most this much of a receiver's answer is kept in the delivery log. */
export const EXCERPT_BYTES = 256;

export type PostResult =
  | { outcome: 'delivered' | 'failed'; statusCode: number; excerpt: string; durationMs: number }
  | { outcome: 'failed' | 'refused'; statusCode: null; error: string; durationMs: number };

/**
 * POSTs one signed delivery. Success is a 2xx; redirects are not followed (a 3xx is a failure). The body of the
 * answer is read only up to EXCERPT_BYTES, then the connection is dropped.
 */
export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; policy: UrlPolicy },
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(target);
  if (literalRefused(url, options.policy))
    return Promise.resolve({
      outcome: 'refused',
      statusCode: null,
      error: 'the endpoint is an address that is not allowed',
      durationMs: 0,
    });
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(options.policy),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'HHS-Mentoring-Webhooks/1',
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          const statusCode = response.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
          resolve({
            outcome: statusCode >= 200 && statusCode < 300 ? 'delivered' : 'failed',
            statusCode,
            excerpt,
            durationMs: elapsed(),
          });
          response.destroy();
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) finish();
        });
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        outcome: error.code === 'EWEBHOOKADDRESS' ? 'refused' : 'failed',
        statusCode: null,
        error: describe(error),
        durationMs: elapsed(),
      }),
    );
    request.end(body);
  });
}

/** A few words for the log: the error's code and message, never a body. */
function describe(error: NodeJS.ErrnoException): string {
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
  return `${error.code ? `${error.code}: ` : ''}${error.message}`.slice(0, 200);
}
