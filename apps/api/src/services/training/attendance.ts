import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { employees, trainingAttendance, trainingEvents } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { staffScope } from '../coordination/scope.js';
import { canManage } from './events.js';
import { anyOf } from '../../db/any-of.js';

export async function eventExists(db: Db, id: string) {
  const [row] = await db
    .select({ id: trainingEvents.id, opdiv: trainingEvents.opdiv })
    .from(trainingEvents)
    .where(eq(trainingEvents.id, id));
  if (!row) throw problems.notFound('That training event');
  return row;
}

/**
 * R-SEC-12, R-ROLE-2: a coordinator reads an OPDIV event's roster and evaluations only when they may edit the event (its
 * OPDIV is theirs). A department-wide event (no OPDIV) is the program manager's to edit; its roster still shows a
 * coordinator their OPDIVs' people, whose attendance they record (decision 0804).
 */
export function assertEventStaffRead(
  actor: UserActor,
  event: { opdiv: string | null },
  departmentWideAllowed: boolean,
) {
  if (canManage(actor, event.opdiv) || (event.opdiv === null && departmentWideAllowed)) return;
  throw problems.rule(
    'R-ROLE-2',
    'Only the program manager, or a coordinator for this event’s OPDIV, may see this.',
    403,
  );
}

/** R-TRAIN-2: who registered and who attended; a coordinator sees the people of their OPDIVs (R-ROLE-2). */
export async function roster(db: Db, actor: UserActor, eventId: string) {
  assertEventStaffRead(actor, await eventExists(db, eventId), true);
  const scope = staffScope(actor);
  const rows = await db.execute<Record<string, unknown>>(sql`
    select e.id as employee_id, e.first_name || ' ' || e.last_name as name, e.opdiv, r.status, r.created_at as registered_at,
           a.attended_at, a.source
    from (select employee_id from training_registrations where event_id = ${eventId}
          union select employee_id from training_attendance where event_id = ${eventId}) p
    join employees e on e.id = p.employee_id
    left join training_registrations r on r.event_id = ${eventId} and r.employee_id = p.employee_id
    left join training_attendance a on a.event_id = ${eventId} and a.employee_id = p.employee_id
    where ${scope === null ? sql`true` : anyOf(sql`e.opdiv`, scope)}
    order by e.last_name, e.first_name`);
  const list = (rows as unknown as { rows: Array<Record<string, unknown>> }).rows;
  const at = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    items: list.map((r) => ({
      employeeId: r.employee_id as string,
      name: r.name as string,
      opdiv: r.opdiv as string,
      status: (r.status as 'registered' | 'waitlisted' | 'cancelled' | null) ?? null,
      registeredAt: at(r.registered_at),
      attendedAt: at(r.attended_at),
      attendanceSource: (r.source as 'lms' | 'coordinator' | null) ?? null,
    })),
  };
}

/** R-TRAIN-2: a coordinator (for people of their OPDIVs) or the program manager records attendance. */
export async function recordAttendance(
  db: Db,
  actor: UserActor,
  ctx: AuditContext,
  eventId: string,
  input: { employeeIds: string[]; attendedAt?: string | undefined },
) {
  const event = await eventExists(db, eventId);
  const people = await db
    .select({ id: employees.id, opdiv: employees.opdiv })
    .from(employees)
    .where(inArray(employees.id, input.employeeIds));
  const found = new Map(people.map((p) => [p.id, p.opdiv]));
  const missing = input.employeeIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw problems.notFound(`Employee ${missing.join(', ')}`);
  const scope = staffScope(actor);
  const outside = scope === null ? [] : people.filter((p) => !scope.includes(p.opdiv));
  if (outside.length > 0)
    throw problems.forbidden(
      `You record attendance for people in your OPDIVs only: ${outside.map((p) => p.id).join(', ')}.`,
      'R-ROLE-2',
    );
  const attendedAt = input.attendedAt ? new Date(input.attendedAt) : new Date();
  return db.transaction(async (tx) => {
    const written = await tx
      .insert(trainingAttendance)
      .values(
        input.employeeIds.map((employeeId) => ({
          eventId,
          employeeId,
          attendedAt,
          source: 'coordinator' as const,
          recordedBy: actor.employeeId,
        })),
      )
      .onConflictDoNothing()
      .returning({ employeeId: trainingAttendance.employeeId });
    await audit(tx, ctx, {
      action: 'training.attendance',
      objectType: 'training_event',
      objectId: eventId,
      opdivs: [
        ...new Set([...written.map((w) => found.get(w.employeeId)!), ...(event.opdiv ? [event.opdiv] : [])]),
      ],
      detail: { source: 'coordinator', employeeIds: written.map((w) => w.employeeId) },
    });
    return { recorded: written.length, alreadyRecorded: input.employeeIds.length - written.length };
  });
}
