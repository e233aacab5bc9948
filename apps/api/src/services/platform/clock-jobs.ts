import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  addMonths,
  DAY_MS,
  DUE_SOON_DAYS,
  isOpen,
  milestoneStatus,
  type MilestoneKey,
} from '@hhs-mentoring/domain';
import type { Db } from '../../db/client.js';
import { invitations, relationships } from '../../db/schema/index.js';
import { stepInvitation } from '../journey/invitation-steps.js';
import { toDomain, type RelationshipRow } from '../journey/relationship-model.js';
import { pairLabel, recipients, stepRelationship } from '../journey/relationship-steps.js';
import { notify } from './notifications.js';
import { LIVE_SQL } from '../../db/states.js';

const BATCH = 200;

/**
 * R-NOTE-2: pending invitations past their deadline become expired and the mentee is notified (R-INVT-1).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so two runners never expire the same invitation twice.
 */
export async function expireDueInvitations(db: Db, now: Date, appUrl: string): Promise<number> {
  let expired = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.state, 'pending'), lte(invitations.expiresAt, now)))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const row of due)
        if (isOpen(row.state)) await stepInvitation(tx, row, { type: 'expire' }, now, appUrl);
      return due.length;
    });
    expired += n;
    if (n < BATCH) return expired;
  }
}

/**
 * The live relationships with a milestone not done whose due date (confirmation + 1, 6 or 12 months) is at most
 * DUE_SOON_DAYS away or past, chosen in SQL through partial indexes (drizzle/0005_relationship-clock-indexes.sql)
 * instead of reading every live relationship. The cut-offs are a few days generous (calendar months are 28–31 days;
 * addMonths clamps to the month's end); milestoneStatus then decides exactly, so behaviour is unchanged.
 */
async function relationshipsWithMilestonesNear(db: Db, now: Date): Promise<RelationshipRow[]> {
  const cutoff = (months: number) =>
    new Date(addMonths(now, -months).getTime() + (DUE_SOON_DAYS + 4) * DAY_MS);
  const pending = (...cols: AnyPgColumn[]) => or(...cols.map((c) => isNull(c)));
  // The states as literals (not parameters), so the planner can match the partial indexes in any plan.
  return db
    .select()
    .from(relationships)
    .where(
      and(
        sql`${relationships.state} in ${LIVE_SQL}`,
        or(
          and(
            pending(relationships.orientationAt, relationships.agreementAt, relationships.idpAt),
            lte(relationships.confirmedAt, cutoff(1)),
          ),
          and(
            pending(relationships.progressMentorAt, relationships.progressMenteeAt),
            lte(relationships.confirmedAt, cutoff(6)),
          ),
          and(
            pending(relationships.surveyMentorAt, relationships.surveyMenteeAt),
            lte(relationships.confirmedAt, cutoff(12)),
          ),
        ),
      ),
    );
}

const LABELS: Record<MilestoneKey, string> = {
  orientation: 'orientation',
  agreement: 'mentoring agreement',
  idp: 'Individual Development Plan',
  'progressReport.mentor': "mentor's 6-month progress report",
  'progressReport.mentee': "mentee's 6-month progress report",
  'completionSurvey.mentor': "mentor's completion survey",
  'completionSurvey.mentee': "mentee's completion survey",
};
const ownerOf = (key: MilestoneKey, r: RelationshipRow) =>
  key.endsWith('.mentor') ? [r.mentorId] : key.endsWith('.mentee') ? [r.menteeId] : [r.menteeId, r.mentorId];

/**
 * R-NOTE-2 relationship clocks: R-LIFE-5 completion once both surveys are in and 12 months have passed, then
 * milestone "due soon" and "overdue" notices (the coordinators too for a late agreement or IDP, R-LIFE-2/3).
 * Each notice carries a dedupe key, so a job that runs twice (or on two instances) notifies once.
 */
export async function advanceRelationshipClocks(
  db: Db,
  now: Date,
  appUrl: string,
): Promise<{ completed: number; notices: number }> {
  let completed = 0;
  const ready = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      and(
        eq(relationships.state, 'active'),
        isNotNull(relationships.surveyMentorAt),
        isNotNull(relationships.surveyMenteeAt),
        lte(relationships.confirmedAt, addMonths(now, -12)),
      ),
    );
  for (const { id } of ready) {
    completed += await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(relationships)
        .where(eq(relationships.id, id))
        .for('update', { skipLocked: true });
      if (!row || row.state !== 'active') return 0;
      const next = await stepRelationship(tx, row, { type: 'tick' }, null, now, appUrl);
      return next.state === 'completed' ? 1 : 0;
    });
  }
  let notices = 0;
  for (const row of await relationshipsWithMilestonesNear(db, now)) {
    const late = milestoneStatus(toDomain(row), now).filter(
      (m) => m.status === 'due_soon' || m.status === 'overdue',
    );
    if (late.length === 0) continue;
    await db.transaction(async (tx) => {
      const pair = await pairLabel(tx, row);
      for (const m of late) {
        const label = LABELS[m.key];
        const due = m.dueAt.toISOString().slice(0, 10);
        const to = [...ownerOf(m.key, row)];
        if (m.status === 'overdue' && (m.key === 'agreement' || m.key === 'idp'))
          to.push(...(await recipients(tx, row, ['coordinators'])));
        for (const recipient of new Set(to)) {
          await notify(
            tx,
            {
              to: recipient,
              kind: m.status === 'overdue' ? 'milestone.overdue' : 'milestone.due_soon',
              title: m.status === 'overdue' ? `Overdue: ${label}` : `Due soon: ${label}`,
              body:
                m.status === 'overdue'
                  ? `The ${label} of ${pair} was due on ${due} and is not done yet.`
                  : `The ${label} of ${pair} is due on ${due}.`,
              link: `/relationships/${row.id}`,
              data: { relationshipId: row.id, milestone: m.key },
              dedupeKey: `milestone:${row.id}:${m.key}:${m.status}`,
            },
            appUrl,
          );
          notices += 1;
        }
      }
    });
  }
  return { completed, notices };
}
