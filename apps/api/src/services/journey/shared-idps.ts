import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { employees, idps, relationships } from '../../db/schema/index.js';
import type { UserActor } from '../accounts/actors.js';
import { fullName } from './people.js';

const mentees = alias(employees, 'mentee');
const mentors = alias(employees, 'mentor');
// Only what the list shows: the document's content is never read here.
const idpColumns = {
  relationshipId: idps.relationshipId,
  sharedWithSupervisorAt: idps.sharedWithSupervisorAt,
  updatedAt: idps.updatedAt,
  supervisorInputBy: idps.supervisorInputBy,
  supervisorInputAt: idps.supervisorInputAt,
};

/**
 * R-SEC-1 / R-SEC-3: the IDPs my direct reports shared with me. Decided in the query on the objects themselves:
 * the mentee's supervisor of record is me now AND the IDP was shared with me, the same test readIdp applies, so
 * every row listed opens. Names and dates only: not a read of the document, so not audited (R-ADMIN-3).
 */
export async function sharedIdpsFor(db: Db, actor: UserActor) {
  const rows = await db
    .select({ idp: idpColumns, state: relationships.state, mentee: mentees, mentor: mentors })
    .from(idps)
    .innerJoin(relationships, eq(relationships.id, idps.relationshipId))
    .innerJoin(mentees, eq(mentees.id, relationships.menteeId))
    .innerJoin(mentors, eq(mentors.id, relationships.mentorId))
    .where(
      and(
        eq(mentees.supervisorId, actor.employeeId),
        eq(idps.sharedSupervisorId, actor.employeeId),
        isNotNull(idps.sharedWithSupervisorAt),
      ),
    )
    .orderBy(desc(idps.sharedWithSupervisorAt));
  return rows.map(({ idp, state, mentee, mentor }) => {
    const mine = idp.supervisorInputBy === actor.employeeId && idp.supervisorInputAt !== null;
    return {
      relationshipId: idp.relationshipId,
      relationshipState: state,
      mentee: { id: mentee.id, name: fullName(mentee), opdiv: mentee.opdiv },
      mentor: { id: mentor.id, name: fullName(mentor), opdiv: mentor.opdiv },
      sharedAt: idp.sharedWithSupervisorAt!.toISOString(),
      updatedAt: idp.updatedAt.toISOString(),
      myInputAt: mine ? idp.supervisorInputAt!.toISOString() : null,
      inputGiven: mine,
    };
  });
}
