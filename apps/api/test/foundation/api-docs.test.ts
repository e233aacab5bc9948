import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { makeTestApp, type TestContext } from '../helpers/app.js';
import { PER_USER_LIMITS } from '../../src/plugins/external/fairness.js';

// docs/api.md stays true: its TypeScript examples type-check against the generated types of the current document
// (R-API-6), and its rate-limit table names exactly the operations that answer 429, with their limits.

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const guide = readFileSync(join(root, 'docs/api.md'), 'utf8');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await makeTestApp();
});
afterAll(() => ctx?.close());

describe('docs/api.md', () => {
  it('R-API-6: every TypeScript example type-checks against the types generated from the OpenAPI document', () => {
    const snippets = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    const dir = mkdtempSync(join(tmpdir(), 'api-docs-'));
    try {
      // The examples import './mentoring', the file `openapi-typescript` makes from the document.
      copyFileSync(join(root, 'packages/api-client/src/schema.d.ts'), join(dir, 'mentoring.d.ts'));
      const files = snippets.map((code, i) => {
        const file = join(dir, `example-${i + 1}.ts`);
        writeFileSync(file, code);
        return file;
      });
      const program = ts.createProgram(files, {
        strict: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2023.d.ts'],
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
      });
      const errors = ts.getPreEmitDiagnostics(program).map((d) => {
        const where = d.file
          ? `${d.file.fileName.split('/').pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
          : '';
        return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('R-API-6: the rate-limit table lists exactly the operations that declare 429, with the limits they enforce', async () => {
    const section = guide.slice(guide.indexOf('## 11. Rate limits'), guide.indexOf('## 12.'));
    const rows = [...section.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` +\| (\d+) /gm)].map((m) => ({
      key: `${m[1]} ${m[2]}`,
      max: Number(m[3]),
    }));
    const doc = (await ctx.app.inject('/api/openapi.json')).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const limited = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.responses['429'])
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(rows.map((r) => r.key).sort()).toEqual(limited.sort());
    // The per-person limits (R-SEC-10) as the server has them; the others are figures in their route files.
    for (const [key, limit] of Object.entries(PER_USER_LIMITS)) {
      const documented = key.replace(/:(\w+)/g, '{$1}');
      expect(rows.find((r) => r.key === documented)?.max, documented).toBe(limit.max);
    }
  });
});
