import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, RECORD_KINDS, actionInWords } from './audit-words';

// The API's OpenAPI document lists every action it writes (its `AuditEntry.action` type, which the compiler holds
// every audit write to): read here as the generated client sees it, so a new action without words fails this test.
const openapi = JSON.parse(
  readFileSync(resolve(__dirname, '../../../../../../packages/api-client/openapi.json'), 'utf8'),
) as { paths: Record<string, { get: { responses: Record<string, unknown> } }> };
const written = (): string[] => {
  const page = openapi.paths['/api/v1/audit']!.get.responses['200'] as {
    content: { 'application/json': { schema: { properties: { items: { items: unknown } } } } };
  };
  const entry = page.content['application/json'].schema.properties.items.items as {
    properties: { action: { enum: string[] } };
  };
  return entry.properties.action.enum;
};

describe('audit actions in words (R-ADMIN-3)', () => {
  it('has words for every action the API writes, and no words for an action it does not write', () => {
    const actions = written();
    expect(actions.length).toBeGreaterThan(60);
    expect(actions.filter((a) => !(a in AUDIT_ACTIONS))).toEqual([]);
    expect(Object.keys(AUDIT_ACTIONS).filter((a) => !actions.includes(a))).toEqual([]);
  });

  it('words are a phrase, never the machine action', () => {
    for (const action of written()) {
      const words = actionInWords(action);
      expect(words).not.toMatch(/[._]/);
      expect(words).not.toBe(action.replace(/[._]/g, ' '));
    }
    for (const kind of Object.values(RECORD_KINDS)) expect(kind).not.toMatch(/[._]/);
  });
});
