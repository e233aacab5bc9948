import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { relationships } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { coversAny } from '../coordination/scope.js';
import { employeeRows, type EmployeeRow } from './people.js';
import type { RelationshipRow } from './relationship-model.js';

export type Viewer = 'mentor' | 'mentee' | 'staff' | 'supervisor' | 'none';
export type RelationshipAccess = {
  row: RelationshipRow;
  viewer: Viewer;
  mentee: EmployeeRow;
  mentor: EmployeeRow;
};

/**
 * R-SEC-1 / R-SEC-3: who the actor is to this relationship, decided on the row itself. The mentee's supervisor is
 * only "supervisor" here; what they may read (a shared IDP) is decided by the document service.
 */
export async function relationshipAccess(
  db: Tx,
  actor: UserActor,
  id: string,
  lock = false,
): Promise<RelationshipAccess> {
  const q = db.select().from(relationships).where(eq(relationships.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw problems.notFound('That relationship');
  const people = await employeeRows(db, [row.menteeId, row.mentorId]);
  const mentee = people.get(row.menteeId)!;
  const mentor = people.get(row.mentorId)!;
  const viewer: Viewer =
    row.menteeId === actor.employeeId
      ? 'mentee'
      : row.mentorId === actor.employeeId
        ? 'mentor'
        : coversAny(actor, [mentee.opdiv, mentor.opdiv])
          ? 'staff'
          : mentee.supervisorId === actor.employeeId
            ? 'supervisor'
            : 'none';
  return { row, viewer, mentee, mentor };
}

/** The pair or staff in scope; everyone else gets 404 so ids reveal nothing (R-SEC-3). */
export async function relationshipFor(db: Tx, actor: UserActor, id: string, allowed: Viewer[], lock = false) {
  const access = await relationshipAccess(db, actor, id, lock);
  if (access.viewer === 'none' || (access.viewer === 'supervisor' && !allowed.includes('supervisor')))
    throw problems.notFound('That relationship');
  if (!allowed.includes(access.viewer))
    throw problems.forbidden(
      `This is for the ${allowed.filter((v) => v !== 'supervisor').join(' or ')} of this relationship.`,
    );
  return access;
}
