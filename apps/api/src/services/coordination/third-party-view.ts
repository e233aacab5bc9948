import { asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { employees, shortlists, thirdPartyCases, thirdPartyContacts } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { employeeRows, fullName } from '../journey/people.js';
import { coversAny } from './scope.js';

export type CaseRow = typeof thirdPartyCases.$inferSelect;

/** R-SEC-3 / R-ROLE-2: a case is visible to staff covering the mentee's OPDIV; to anyone else it does not exist. */
export async function caseFor(tx: Tx, actor: UserActor, id: string, lock = false) {
  const q = tx
    .select({ c: thirdPartyCases, opdiv: employees.opdiv })
    .from(thirdPartyCases)
    .innerJoin(employees, eq(employees.id, thirdPartyCases.menteeId))
    .where(eq(thirdPartyCases.id, id));
  const [row] = lock ? await q.for('update', { of: thirdPartyCases }) : await q;
  if (!row || !coversAny(actor, [row.opdiv])) throw problems.notFound('That case');
  return { row: row.c, opdiv: row.opdiv };
}

export async function present(db: Tx, c: CaseRow) {
  const contacts = await db
    .select()
    .from(thirdPartyContacts)
    .where(eq(thirdPartyContacts.caseId, c.id))
    .orderBy(asc(thirdPartyContacts.contactedAt));
  const lists = await db
    .select()
    .from(shortlists)
    .where(eq(shortlists.caseId, c.id))
    .orderBy(desc(shortlists.handedAt));
  const people = await employeeRows(db, [
    c.menteeId,
    c.coordinatorId,
    ...contacts.map((x) => x.mentorId),
    ...lists.flatMap((l) => l.mentorIds),
  ]);
  const who = (id: string) => ({
    id,
    name: people.get(id) ? fullName(people.get(id)!) : id,
    opdiv: people.get(id)?.opdiv ?? '',
  });
  return {
    id: c.id,
    status: c.status,
    note: c.note,
    mentee: who(c.menteeId),
    coordinator: who(c.coordinatorId),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    contacts: contacts.map((x) => ({
      id: x.id,
      mentor: who(x.mentorId),
      contactedAt: x.contactedAt.toISOString(),
      outcome: x.outcome,
      note: x.note,
    })),
    shortlists: lists.map((l) => ({
      id: l.id,
      mentors: l.mentorIds.map(who),
      note: l.note,
      handedAt: l.handedAt.toISOString(),
    })),
  };
}
