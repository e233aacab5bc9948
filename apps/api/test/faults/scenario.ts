import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { queryRows } from '../../src/db/client.js';
import { mentee, mentor } from '../helpers/people.js';
import { FAULT_JWT_SECRET, type ApiProcess } from './api-process.js';
import { INVARIANT_VIOLATIONS } from './invariants.js';

type Person = { employee: { id: string }; auth: Record<string, string> };

/** An app in the test process on the cluster (no jobs), to make people and read back what the processes wrote. */
export async function helperApp(databaseUrl: string): Promise<FastifyInstance> {
  const app = await buildApp({
    config: testConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: FAULT_JWT_SECRET, DATABASE_POOL_SIZE: 4 }),
  });
  await app.ready();
  return app;
}

/** Mentees (GS-11, CDC) and mentors (GS-14, NIH, two places each): every mentee may invite every mentor. */
export async function makePeople(app: FastifyInstance, mentees: number, mentors: number) {
  const people = { mentees: [] as Person[], mentors: [] as Person[] };
  for (let i = 0; i < mentees; i++) people.mentees.push(await mentee(app, { opdiv: 'CDC' }));
  for (let i = 0; i < mentors; i++) people.mentors.push(await mentor(app, { opdiv: 'NIH', capacity: 2 }));
  return people;
}

export type Outcome = { at: number; api: number; op: string; status: number };
export type Written = { invitations: Set<string>; accepted: Set<string>; confirmed: Set<string> };

type Answer = { status: number; json(): Record<string, unknown>; contentType: string };

async function call(
  api: ApiProcess,
  method: string,
  path: string,
  who: Person,
  body?: object,
): Promise<Answer> {
  try {
    const res = await fetch(`${api.base}/api/v1${path}`, {
      method,
      headers: { ...who.auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      json: () => JSON.parse(text) as Record<string, unknown>,
      contentType: res.headers.get('content-type') ?? '',
    };
  } catch {
    return { status: 0, json: () => ({}), contentType: '' }; // refused, reset or timed out: the API did not answer
  }
}

/**
 * A bounded mixed load: each virtual user walks its mentees through invite → accept → confirm (writes) with a read
 * between steps, against the API processes in turn. A step answered 503 is tried again a little later, as a client
 * honouring Retry-After would; a 409 after such a retry means the first try had in fact committed, and the step is
 * looked up instead. Stops after `maxRequests`, or when `stop()` says so (without it, when every flow is done).
 */
export async function runLoad(options: {
  apis: ApiProcess[];
  people: { mentees: Person[]; mentors: Person[] };
  users: number;
  maxRequests: number;
  thinkMs: number;
  started: number;
  stop?: () => boolean;
}) {
  const outcomes: Outcome[] = [];
  const written: Written = { invitations: new Set(), accepted: new Set(), confirmed: new Set() };
  let requests = 0;
  let turn = 0;
  const { mentees, mentors } = options.people;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const send = async (op: string, method: string, path: string, who: Person, body?: object) => {
    const api = turn++ % options.apis.length;
    requests += 1;
    const res = await call(options.apis[api]!, method, path, who, body);
    outcomes.push({ at: Date.now() - options.started, api, op, status: res.status });
    return res;
  };
  const done = () => requests >= options.maxRequests || options.stop?.() === true;

  async function flow(index: number) {
    const me = mentees[index]!;
    const them = mentors[index % mentors.length]!;
    let invitationId: string | undefined;
    for (let step = 0; step < 3 && !done();) {
      await pause(options.thinkMs);
      await send('read', 'GET', '/invitations?role=mentee', me);
      if (done()) break;
      const res =
        step === 0
          ? await send('invite', 'POST', '/invitations', me, { mentorId: them.employee.id, message: 'Hello' })
          : step === 1
            ? await send('accept', 'POST', `/invitations/${invitationId}/accept`, them)
            : await send('confirm', 'POST', `/invitations/${invitationId}/confirm`, me);
      if (res.status === 201 || res.status === 200) {
        if (step === 0) written.invitations.add((invitationId = String(res.json().id)));
        else if (step === 1) written.accepted.add(invitationId!);
        else written.confirmed.add(invitationId!);
        step += 1;
      } else if (res.status === 409) {
        // An earlier try answered 503 may have committed: read where the invitation stands and go on from there.
        const list = await send('read', 'GET', '/invitations?role=mentee', me);
        const mine =
          list.status === 200
            ? (list.json() as unknown as Array<{ id: string; mentorId: string; state: string }>)
            : [];
        const found = Array.isArray(mine) ? mine.find((i) => i.mentorId === them.employee.id) : undefined;
        if (!found) return;
        invitationId = found.id;
        step = found.state === 'pending' ? 1 : found.state === 'accepted' ? 2 : 3;
      } else if (res.status === 503 || res.status === 0) await pause(500);
      else return; // any other refusal ends this flow; the assertions look at the status
    }
  }

  // Once every flow is through, the users keep reading until told to stop, so the load spans the fault however
  // fast the machine walks the flows.
  let next = 0;
  await Promise.all(
    Array.from({ length: options.users }, async () => {
      while (!done()) {
        if (next < mentees.length) await flow(next++);
        else if (!options.stop) break;
        else {
          await pause(options.thinkMs);
          await send('read', 'GET', '/invitations?role=mentee', mentees[requests % mentees.length]!);
        }
      }
    }),
  );
  return { outcomes, written, requests };
}

/** What the load's 2xx answers promised, checked against the database: lost and duplicated writes. */
export async function checkWrites(app: FastifyInstance, written: Written) {
  const rows = await queryRows<{ id: string; state: string; mentee_id: string; mentor_id: string }>(
    app.db,
    sql`select id, state, mentee_id, mentor_id from invitations`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lost =
    [...written.invitations].filter((id) => !byId.has(id)).length +
    [...written.accepted].filter((id) => !['accepted', 'confirmed'].includes(byId.get(id)?.state ?? ''))
      .length +
    [...written.confirmed].filter((id) => byId.get(id)?.state !== 'confirmed').length;
  const perPair = await queryRows<{ n: number }>(
    app.db,
    sql`select (select count(*) from (select 1 from invitations group by mentee_id, mentor_id having count(*) > 1) a)::int
             + (select count(*) from (select 1 from relationships group by mentee_id, mentor_id having count(*) > 1) b)::int
             + (select count(*) from (select 1 from audit_log where action in ('invitation.create', 'invitation.confirm')
                  group by action, object_id having count(*) > 1) c)::int as n`,
  );
  const relationships = await queryRows<{ n: number }>(
    app.db,
    sql`select count(*)::int as n from invitations i where i.state = 'confirmed' and not exists
          (select 1 from relationships r where r.mentee_id = i.mentee_id and r.mentor_id = i.mentor_id)`,
  );
  const audits = await queryRows<{ n: number }>(
    app.db,
    sql`select count(*)::int as n from invitations i where not exists
          (select 1 from audit_log a where a.action = 'invitation.create' and a.object_id = i.id::text)`,
  );
  const violations = (await queryRows<Record<string, number>>(app.db, sql.raw(INVARIANT_VIOLATIONS)))[0]!;
  return {
    lost,
    duplicated: perPair[0]!.n,
    /** Half-made: a confirmed invitation without its relationship, an invitation without its audit row. */
    halfMade: relationships[0]!.n + audits[0]!.n,
    violations,
    invitations: rows.length,
  };
}
