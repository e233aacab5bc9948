import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types, shared with `pnpm generate`
import { typesFor } from '../scripts/types.mjs';

const apiDir = fileURLToPath(new URL('../../../apps/api', import.meta.url));
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('generated client', () => {
  it('is up to date with the API (run `pnpm --filter @hhs-mentoring/api-client generate`)', async () => {
    const current = execFileSync(
      `${apiDir}/node_modules/.bin/tsx`,
      ['scripts/write-openapi.ts', '--stdout'],
      {
        cwd: apiDir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(JSON.parse(read('../openapi.json')), 'openapi.json is stale').toEqual(JSON.parse(current));
    expect(read('../src/schema.d.ts'), 'src/schema.d.ts is stale').toBe(await typesFor(JSON.parse(current)));
  }, 120_000);
});
