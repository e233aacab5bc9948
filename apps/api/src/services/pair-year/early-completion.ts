import { eq } from 'drizzle-orm';
import { checkEarlyCompletion, isLive } from '@hhs-mentoring/domain';
import type { Db } from '../../db/client.js';
import { earlyCompletionAgreements } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { notify } from '../platform/notifications.js';
import { currentSettings } from '../platform/settings.js';
import { relationshipFor } from '../journey/relationship-access.js';
import { pairLabel, recipients, stepRelationship } from '../journey/relationship-steps.js';

type Party = 'mentor' | 'mentee' | 'coordinator';

async function state(db: Db, id: string) {
  const rows = await db
    .select()
    .from(earlyCompletionAgreements)
    .where(eq(earlyCompletionAgreements.relationshipId, id));
  const at = (p: Party) => rows.find((r) => r.party === p)?.agreedAt.toISOString() ?? null;
  return { mentor: at('mentor'), mentee: at('mentee'), coordinator: at('coordinator') };
}

/** R-END-1: who agreed so far, and from when it is allowed. */
export async function readEarlyCompletion(db: Db, actor: UserActor, id: string) {
  const a = await relationshipFor(db, actor, id, ['mentee', 'mentor', 'staff']);
  const minMonths = (await currentSettings(db)).terminationMinMonths;
  const allowedFrom = new Date(a.row.confirmedAt);
  allowedFrom.setUTCMonth(allowedFrom.getUTCMonth() + minMonths);
  return {
    agreed: await state(db, id),
    allowedFrom: allowedFrom.toISOString(),
    completedEarly: a.row.completedEarly,
  };
}

/**
 * R-END-1: a partner or a coordinator in scope agrees the goals are met. Once all three have agreed (after
 * R-LIFE-7's minimum period) the relationship is completed early; the freed place goes to the waitlist (R-WAIT-3).
 */
export async function agreeEarlyCompletion(
  db: Db,
  actor: UserActor,
  id: string,
  note: string,
  appUrl: string,
  now = new Date(),
) {
  await db.transaction(async (tx) => {
    const a = await relationshipFor(tx, actor, id, ['mentee', 'mentor', 'staff'], true);
    const party: Party = a.viewer === 'staff' ? 'coordinator' : (a.viewer as 'mentor' | 'mentee');
    const minMonths = (await currentSettings(tx)).terminationMinMonths;
    const pre = checkEarlyCompletion(
      a.row.confirmedAt,
      isLive(a.row.state),
      { mentor: false, mentee: false, coordinator: false },
      now,
      minMonths,
    );
    if (!pre.ok) throw problems.rule(pre.rule, pre.detail, 409);
    await tx
      .insert(earlyCompletionAgreements)
      .values({ relationshipId: id, party, agreedBy: actor.employeeId, note: note.trim(), agreedAt: now })
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(earlyCompletionAgreements)
      .where(eq(earlyCompletionAgreements.relationshipId, id));
    const has = (p: Party) => rows.some((r) => r.party === p);
    const t = checkEarlyCompletion(
      a.row.confirmedAt,
      true,
      { mentor: has('mentor'), mentee: has('mentee'), coordinator: has('coordinator') },
      now,
      minMonths,
    );
    if (t.ok && t.complete) {
      await stepRelationship(
        tx,
        a.row,
        { type: 'complete_early', coordinatorId: rows.find((r) => r.party === 'coordinator')!.agreedBy },
        actor.employeeId,
        now,
        appUrl,
      );
      return;
    }
    const pair = await pairLabel(tx, a.row);
    const others = [
      ...(await recipients(tx, a.row, party === 'coordinator' ? ['pair'] : ['pair', 'coordinators'])),
    ].filter((p) => p !== actor.employeeId);
    for (const to of others)
      await notify(
        tx,
        {
          to,
          kind: 'relationship.early_completion_agreed',
          title: 'Completing the relationship early',
          link: `/relationships/${id}`,
          body: `The ${party} of ${pair} says the goals are met and the relationship can be completed early. It is completed once both partners and the coordinator agree.`,
          data: { relationshipId: id },
          dedupeKey: `early:${id}:${party}`,
        },
        appUrl,
      );
  });
  return readEarlyCompletion(db, actor, id);
}
