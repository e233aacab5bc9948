import { and, eq, ne, sql } from 'drizzle-orm';
import { keyset, type PageParams } from '../../lib/pagination.js';
import type { Db } from '../../db/client.js';
import { employees, thirdPartyCases, thirdPartyContacts } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { audit, type AuditContext } from '../platform/audit.js';
import { withConstraints } from '../journey/db-errors.js';
import { employeeRows, fullName } from '../journey/people.js';
import { activeMenteeApplication, activeMentorApplication } from '../journey/profiles.js';
import { currentSettings } from '../platform/settings.js';
import { shortlistRefusals } from './pair-check.js';
import { coversAny, opdivIn, type Scope } from './scope.js';
import { handShortlist } from './shortlists.js';
import { caseFor, present, type CaseRow } from './third-party-view.js';

/** R-MATCH-3: a coordinator takes on finding a mentor for a mentee in scope. */
export async function openCase(
  db: Db,
  actor: UserActor,
  input: { menteeId: string; note?: string },
  ctx: AuditContext,
  now = new Date(),
) {
  return withConstraints(
    () =>
      db.transaction(async (tx) => {
        const mentee = (await employeeRows(tx, [input.menteeId])).get(input.menteeId);
        if (!mentee || !coversAny(actor, [mentee.opdiv])) throw problems.notFound('That mentee');
        if (!(await activeMenteeApplication(tx, input.menteeId)))
          throw problems.rule(
            'R-MATCH-3',
            `${fullName(mentee)} has no active mentee application; third-party matching starts from one.`,
            409,
          );
        const [row] = await tx
          .insert(thirdPartyCases)
          .values({
            menteeId: input.menteeId,
            coordinatorId: actor.employeeId,
            note: input.note ?? '',
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await audit(tx, ctx, {
          action: 'third_party_case.open',
          objectType: 'third_party_case',
          objectId: row!.id,
          opdivs: [mentee.opdiv],
          detail: { menteeId: input.menteeId },
        });
        return present(tx, row!);
      }),
    {
      third_party_cases_one_open_uq: () =>
        problems.conflict('This mentee already has an open third-party matching case.'),
    },
  );
}

export async function getCase(db: Db, actor: UserActor, id: string) {
  return present(db, (await caseFor(db, actor, id)).row);
}

/** Cases whose mentee is in scope, newest first. */
export async function listCases(
  db: Db,
  scope: Scope,
  status: CaseRow['status'] | undefined,
  params: PageParams,
) {
  const where = and(
    opdivIn(sql`${employees.opdiv}`, scope),
    status ? eq(thirdPartyCases.status, status) : ne(thirdPartyCases.status, 'closed'),
  );
  const page = keyset(
    [
      { expr: thirdPartyCases.createdAt, dir: 'desc', type: 'timestamptz' },
      { expr: thirdPartyCases.id, dir: 'desc', type: 'uuid' },
    ],
    params,
  );
  const rows = await db
    .select({ c: thirdPartyCases, key: page.key })
    .from(thirdPartyCases)
    .innerJoin(employees, eq(employees.id, thirdPartyCases.menteeId))
    .where(and(where, page.where))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const [count] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(thirdPartyCases)
    .innerJoin(employees, eq(employees.id, thirdPartyCases.menteeId))
    .where(where);
  const { items, nextCursor } = page.page(
    rows,
    (r) => r.key,
    (kept) => kept.map((r) => r.c),
  );
  return { items: await Promise.all(items.map((c) => present(db, c))), nextCursor, total: count?.n ?? 0 };
}

type ContactInput = {
  mentorId: string;
  contactedAt?: string;
  outcome: 'interested' | 'not_interested' | 'no_answer';
  note?: string;
};

/** R-MATCH-3: one line of the contact log (who was asked, when, what they said). */
export async function recordContact(
  db: Db,
  actor: UserActor,
  id: string,
  input: ContactInput,
  ctx: AuditContext,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { row, opdiv } = await caseFor(tx, actor, id, true);
    if (row.status === 'closed') throw problems.conflict('This case is closed.');
    if (!(await activeMentorApplication(tx, input.mentorId))) throw problems.notFound('That mentor');
    const contactedAt = input.contactedAt ? new Date(input.contactedAt) : now;
    if (contactedAt.getTime() > now.getTime() + 60_000)
      throw problems.badRequest('A contact cannot be in the future.', [
        { field: '/body/contactedAt', message: 'must not be in the future' },
      ]);
    await tx.insert(thirdPartyContacts).values({
      caseId: id,
      mentorId: input.mentorId,
      contactedAt,
      outcome: input.outcome,
      note: input.note ?? '',
      recordedBy: actor.employeeId,
    });
    await tx.update(thirdPartyCases).set({ updatedAt: now }).where(eq(thirdPartyCases.id, id));
    const mentor = (await employeeRows(tx, [input.mentorId])).get(input.mentorId)!;
    await audit(tx, ctx, {
      action: 'third_party_case.contact',
      objectType: 'third_party_case',
      objectId: id,
      opdivs: [opdiv, mentor.opdiv],
      detail: { mentorId: input.mentorId, outcome: input.outcome },
    });
    return present(tx, { ...row, updatedAt: now });
  });
}

/**
 * R-MATCH-3: hands the mentee a shortlist with a note. Every mentor must be one the mentee could invite (§3,
 * R-CAP-1..2, R-APP-1..2); the mentee is notified and then invites as in self-selection.
 */
export async function handOverShortlist(
  db: Db,
  actor: UserActor,
  id: string,
  input: { mentorIds: string[]; note: string },
  ctx: AuditContext,
  appUrl: string,
  now = new Date(),
) {
  const mentorIds = [...new Set(input.mentorIds)];
  return db.transaction(async (tx) => {
    const { row, opdiv } = await caseFor(tx, actor, id, true);
    if (row.status === 'closed') throw problems.conflict('This case is closed.');
    const settings = await currentSettings(tx);
    const refusals = [];
    for (const mentorId of mentorIds)
      refusals.push(
        ...(await shortlistRefusals(tx, row.menteeId, mentorId, settings)).map((r) => ({
          ...r,
          detail: `${mentorId}: ${r.detail}`,
        })),
      );
    if (refusals.length > 0) throw problems.refusals(refusals, 409);
    const list = await handShortlist(
      tx,
      actor.employeeId,
      { menteeId: row.menteeId, mentorIds, note: input.note, source: 'third_party', caseId: id },
      appUrl,
      now,
    );
    await tx
      .update(thirdPartyCases)
      .set({ status: 'shortlisted', updatedAt: now })
      .where(eq(thirdPartyCases.id, id));
    const mentorOpdivs = [...(await employeeRows(tx, mentorIds)).values()].map((e) => e.opdiv);
    await audit(tx, ctx, {
      action: 'third_party_case.shortlist',
      objectType: 'third_party_case',
      objectId: id,
      opdivs: [opdiv, ...mentorOpdivs],
      detail: { shortlistId: list.id, mentorIds },
    });
    return present(tx, { ...row, status: 'shortlisted', updatedAt: now });
  });
}

export async function closeCase(db: Db, actor: UserActor, id: string, ctx: AuditContext, now = new Date()) {
  return db.transaction(async (tx) => {
    const { row, opdiv } = await caseFor(tx, actor, id, true);
    if (row.status === 'closed') return present(tx, row);
    await tx
      .update(thirdPartyCases)
      .set({ status: 'closed', updatedAt: now })
      .where(eq(thirdPartyCases.id, id));
    await audit(tx, ctx, {
      action: 'third_party_case.close',
      objectType: 'third_party_case',
      objectId: id,
      opdivs: [opdiv],
    });
    return present(tx, { ...row, status: 'closed', updatedAt: now });
  });
}
