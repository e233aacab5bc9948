import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { invitations, relationships } from '../../src/db/schema/index.js';
import { freshDatabase } from '../helpers/app.js';
import { mentee, mentor } from '../helpers/people.js';
import { clientFor } from '../helpers/client.js';

// Two API instances on ONE database (two pg pools on PostgreSQL; on PGlite both share the one embedded database).
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let second: Database | undefined;
let apps: FastifyInstance[];
beforeAll(async () => {
  fresh = await freshDatabase();
  second = fresh.url ? await openDatabase({ databaseUrl: fresh.url, poolSize: 10 }) : undefined;
  apps = [
    await buildApp({ config: testConfig(), database: fresh.database }),
    await buildApp({ config: testConfig(), database: second ?? fresh.database }),
  ];
  await Promise.all(apps.map((a) => a.ready()));
});
afterAll(async () => {
  for (const a of apps ?? []) await a.close();
  await second?.close();
  await fresh?.drop();
});

describe('invariants under concurrent requests on two instances', () => {
  it('R-CAP-1: many concurrent confirms for a mentor with one free place → exactly one succeeds', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const them = await mentor(a, { capacity: 1 });
    const mentees = await Promise.all(Array.from({ length: 8 }, () => mentee(a)));
    const invs: string[] = [];
    for (const m of mentees) {
      const inv = await clientFor(a, m).POST('/api/v1/invitations', {
        body: { mentorId: them.employee.id, message: '' },
      });
      await clientFor(a, them).POST('/api/v1/invitations/{id}/accept', {
        params: { path: { id: inv.data!.id } },
      });
      invs.push(inv.data!.id);
    }
    const results = await Promise.all(
      mentees.map((m, i) =>
        clientFor(i % 2 ? b : a, m).POST('/api/v1/invitations/{id}/confirm', {
          params: { path: { id: invs[i]! } },
        }),
      ),
    );
    const codes = results.map((r) => r.response.status).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.response.status !== 200)) {
      expect(r.response.status).toBe(409);
      expect(r.error!.rule).toBe('R-CAP-1');
    }
    const live = await a.db
      .select()
      .from(relationships)
      .where(
        and(
          eq(relationships.mentorId, them.employee.id),
          inArray(relationships.state, ['onboarding', 'active']),
        ),
      );
    expect(live).toHaveLength(1);
  });

  it('R-CAP-3: ten concurrent invitations from one mentee → exactly three succeed', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const me = await mentee(a);
    const mentors = await Promise.all(Array.from({ length: 10 }, () => mentor(a)));
    const results = await Promise.all(
      mentors.map((m, i) =>
        clientFor(i % 2 ? b : a, me).POST('/api/v1/invitations', {
          body: { mentorId: m.employee.id, message: '' },
        }),
      ),
    );
    expect(results.filter((r) => r.response.status === 201)).toHaveLength(3);
    for (const r of results.filter((r) => r.response.status !== 201)) {
      expect(r.response.status).toBe(409);
      expect(r.error!.rule).toBe('R-CAP-3');
    }
    const open = await a.db
      .select()
      .from(invitations)
      .where(
        and(eq(invitations.menteeId, me.employee.id), inArray(invitations.state, ['pending', 'accepted'])),
      );
    expect(open).toHaveLength(3);
  });
});
