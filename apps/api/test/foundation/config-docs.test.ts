import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';

// STYLE.md ("Operating it"): every variable the API reads is in the README's table and in docs/operations.md, so
// the documentation cannot drift from src/config.ts.
const repo = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), 'utf8');

/** The variables named in the first column of the first table after `heading`. */
function tableVariables(markdown: string, heading: string): Set<string> {
  const from = markdown.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|')[1] ?? '');
  }
  return new Set(rows.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!)));
}

const variables = Object.keys(ConfigSchema.properties);

describe('the configuration documentation', () => {
  it('names every variable of src/config.ts in the README configuration table', () => {
    const documented = tableVariables(read('README.md'), '## Configuration');
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });

  it('names every variable of src/config.ts in the runbook\'s "Configuration in production" table', () => {
    const documented = tableVariables(read('docs/operations.md'), '## Configuration in production');
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });

  it('documents no variable the API does not read (besides the standard OTEL_* and TMPDIR)', () => {
    const known = new Set([...variables, 'TMPDIR']);
    for (const [file, heading] of [
      ['README.md', '## Configuration'],
      ['docs/operations.md', '## Configuration in production'],
    ] as const)
      expect(
        [...tableVariables(read(file), heading)].filter((v) => !known.has(v) && !v.startsWith('OTEL_')),
        file,
      ).toEqual([]);
  });
});
