import fp from 'fastify-plugin';
import type { TSchema } from '@sinclair/typebox';
import { applyInputPolicy, findBadText, type SchemaPart } from '../../lib/input-policy.js';
import { problems } from '../../lib/problem.js';

const PARTS: SchemaPart[] = ['params', 'querystring', 'headers', 'body'];

/**
 * R-SEC-4: bounds every route's request schema as it is registered, and refuses NUL or broken Unicode in any
 * parsed string before validation (PostgreSQL cannot store either). JSON routes read only application/json:
 * Fastify's default text/plain parser is removed, so a cross-site "simple" request has no body parser (R-SEC-5).
 */
export default fp(
  async (app) => {
    app.removeContentTypeParser('text/plain');
    app.addHook('onRoute', (route) => {
      const schema = route.schema as Partial<Record<SchemaPart, TSchema>> | undefined;
      if (schema) for (const part of PARTS) applyInputPolicy(schema[part], part);
    });
    app.addHook('preValidation', async (request) => {
      for (const [part, value] of [
        ['params', request.params],
        ['querystring', request.query],
        ['body', request.body],
      ] as const) {
        const field = findBadText(value);
        if (field !== undefined) {
          const pointer = `/${part}${field === '/' ? '' : field}`;
          throw problems.badRequest(`${pointer} contains a character this service does not accept.`, [
            {
              field: pointer,
              message: 'contains a character this service does not accept (NUL or broken Unicode)',
            },
          ]);
        }
      }
    });
  },
  { name: 'input' },
);
