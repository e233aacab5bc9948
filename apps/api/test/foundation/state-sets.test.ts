import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_RELATIONSHIP_STATES, OPEN_INVITATION_STATES } from '@hhs-mentoring/domain';
import { PgDialect } from 'drizzle-orm/pg-core';
import { migrationsFolder } from '../../src/db/migrations.js';
import { LIVE_SQL, OPEN_SQL, stateLiterals } from '../../src/db/states.js';

/** Every `state in (…)` list of the statements that touch one table, across the migrations (never edited). */
function migrationStateLists(table: string): string[][] {
  const statements = readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) => readFileSync(join(migrationsFolder, f), 'utf8').split(/;|--> statement-breakpoint/));
  return statements
    .filter((s) => new RegExp(`\\bON\\s+"?${table}"?\\s`, 'i').test(s))
    .flatMap((s) => [...s.matchAll(/\bstate\s+in\s*\(([^)]*)\)/gi)])
    .map((m) => m[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, '')));
}

const text = (q: typeof LIVE_SQL) => new PgDialect().sqlToQuery(q).sql;

describe('the live and open state sets are defined once, in the domain (decision 0012)', () => {
  it('R-CAP-2: every partial index on live relationships the migrations built uses the domain set', () => {
    const lists = migrationStateLists('relationships');
    // 0001's one-live-per-mentee and mentor-live indexes, and 0005's three clock indexes.
    expect(lists.length).toBeGreaterThanOrEqual(5);
    for (const list of lists) expect(list).toEqual([...LIVE_RELATIONSHIP_STATES]);
  });

  it('R-CAP-3: every partial index on open invitations the migrations built uses the domain set', () => {
    const lists = migrationStateLists('invitations');
    // 0001's one-open-per-pair index and 0003's two open-invitation indexes.
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const list of lists) expect(list).toEqual([...OPEN_INVITATION_STATES]);
  });

  it('R-CAP-1: the SQL lists the queries use are written from the domain sets', () => {
    expect(text(LIVE_SQL)).toBe("('onboarding', 'active', 'termination_requested')");
    expect(text(LIVE_SQL)).toBe(`(${stateLiterals(LIVE_RELATIONSHIP_STATES)})`);
    expect(text(OPEN_SQL)).toBe(`(${stateLiterals(OPEN_INVITATION_STATES)})`);
    expect(() => stateLiterals(["x'); drop table relationships; --"])).toThrow(/lower-case words/);
  });
});
