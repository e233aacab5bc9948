import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestContext } from '../helpers/app.js';

// R-API-6: the OpenAPI document's examples are true — each one is valid against the schema beside it (ajv, JSON
// Schema 2020-12 as OpenAPI 3.1 uses) — and every operation a system client calls shows one.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(async () => ctx?.close());

type Media = { schema?: object; example?: unknown };
type Operation = {
  security?: Array<Record<string, string[]>>;
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};

/** Every example in the document, with where it is and the schema it must meet. */
function examplesOf(doc: Doc) {
  const found: Array<{ where: string; schema: object; example: unknown }> = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const name = `${method.toUpperCase()} ${path}`;
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        if (media.example !== undefined)
          found.push({
            where: `${name} request ${type}`,
            schema: media.schema ?? {},
            example: media.example,
          });
      for (const [status, response] of Object.entries(op.responses ?? {}))
        for (const [type, media] of Object.entries(response.content ?? {}))
          if (media.example !== undefined)
            found.push({
              where: `${name} ${status} ${type}`,
              schema: media.schema ?? {},
              example: media.example,
            });
    }
  return found;
}

/** The examples that do not meet their schema, with ajv's reasons. */
function invalidExamples(doc: Doc): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components });
  const local = (schema: object) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
  return examplesOf(doc).flatMap(({ where, schema, example }) => {
    const validate = ajv.compile(local(schema));
    return validate(example) ? [] : [`${where}: ${ajv.errorsText(validate.errors)}`];
  });
}

const openapi = async () => (await ctx.app.inject('/api/openapi.json')).json() as Doc;

describe('R-API-6: the OpenAPI examples', () => {
  it('R-API-6: every example in the document is valid against its schema', async () => {
    const doc = await openapi();
    expect(examplesOf(doc).length).toBeGreaterThan(20);
    expect(invalidExamples(doc)).toEqual([]);
  });

  it('R-API-6: every operation a system client calls (an oauth2 scope) shows a success example', async () => {
    const doc = await openapi();
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (!(op.security ?? []).some((s) => 'oauth2' in s)) continue;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
        const shown = success.some(([, r]) =>
          Object.values(r.content ?? {}).some((m) => m.example !== undefined),
        );
        // A 204 has no body to show.
        if (!shown && !success.every(([status]) => status === '204'))
          missing.push(`${method.toUpperCase()} ${path}`);
      }
    expect(missing).toEqual([]);
    // The token route is the integrator's first call.
    expect(
      doc.paths['/api/v1/oauth/token']!.post!.responses!['200']!.content!['application/json']!.example,
    ).toBeDefined();
  });

  it('R-API-6: the check finds an example that breaks its schema', async () => {
    const doc = await openapi();
    const media = doc.paths['/api/v1/webhooks']!.get!.responses!['200']!.content!['application/json']!;
    const page = media.example as { items: Array<Record<string, unknown>> };
    media.example = { ...page, items: [{ ...page.items[0], enabled: 'yes' }] };
    delete (
      doc.paths['/api/v1/audit']!.get!.responses!['200']!.content!['application/json']!.example as {
        limit?: number;
      }
    ).limit;
    expect(invalidExamples(doc)).toEqual([
      expect.stringMatching(
        /^GET \/api\/v1\/audit 200 application\/json: .*must have required property 'limit'/,
      ),
      expect.stringMatching(/^GET \/api\/v1\/webhooks 200 application\/json: .*enabled must be boolean/),
    ]);
  });
});
