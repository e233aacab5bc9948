import { and, eq, sql } from 'drizzle-orm';
import { checkMessageBody, isLive, isOpen } from '@hhs-mentoring/domain';
import { queryRows, type Db, type Tx } from '../../db/client.js';
import { invitations, messageReads, messages, relationships } from '../../db/schema/index.js';
import { keyset, pageArray, compareKeys, type PageParams } from '../../lib/pagination.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';
import { notify } from '../platform/notifications.js';
import { employeeRows, fullName } from '../journey/people.js';

export type ThreadKind = 'relationship' | 'invitation';
type Thread = {
  kind: ThreadKind;
  id: string;
  key: string;
  menteeId: string;
  mentorId: string;
  open: boolean;
  link: string;
  first?: { body: string; at: Date };
};

/**
 * R-MSG-1: the thread and its two participants. Nobody else reads it, coordinators included (decision 1001);
 * anyone else gets 404 so ids reveal nothing (R-SEC-3).
 */
async function threadFor(tx: Tx, actor: UserActor, kind: ThreadKind, id: string): Promise<Thread> {
  if (kind === 'relationship') {
    const [r] = await tx.select().from(relationships).where(eq(relationships.id, id));
    if (!r || (r.menteeId !== actor.employeeId && r.mentorId !== actor.employeeId))
      throw problems.notFound('That conversation');
    const open = isLive(r.state);
    return {
      kind,
      id,
      key: `r:${id}`,
      menteeId: r.menteeId,
      mentorId: r.mentorId,
      open,
      link: `/relationships/${id}#messages`,
    };
  }
  const [i] = await tx.select().from(invitations).where(eq(invitations.id, id));
  if (!i || (i.menteeId !== actor.employeeId && i.mentorId !== actor.employeeId))
    throw problems.notFound('That conversation');
  return {
    kind,
    id,
    key: `i:${id}`,
    menteeId: i.menteeId,
    mentorId: i.mentorId,
    open: isOpen(i.state),
    link: `/invitations/${id}#messages`,
    ...(i.message.trim() ? { first: { body: i.message, at: i.sentAt } } : {}),
  };
}
const column = (kind: ThreadKind) =>
  kind === 'relationship' ? messages.relationshipId : messages.invitationId;

/**
 * R-MSG-1/3: the thread newest first, one page at a time (R-API-4: `next` leads to earlier messages), marked read for
 * me up to its newest message; `partnerReadUpTo` gives read receipts. An invitation's own message opens its thread,
 * so it ends the last page.
 */
export async function readThread(db: Db, actor: UserActor, kind: ThreadKind, id: string, params: PageParams) {
  return db.transaction(async (tx) => {
    const t = await threadFor(tx, actor, kind, id);
    const page = keyset([{ expr: messages.id, dir: 'desc', type: 'bigint' }], params);
    const rows = await tx
      .select({ m: messages, key: page.key })
      .from(messages)
      .where(and(eq(column(kind), id), page.where))
      .orderBy(...page.orderBy)
      .limit(page.fetch);
    const people = await employeeRows(tx, [t.menteeId, t.mentorId]);
    const name = (eid: string) => fullName(people.get(eid)!);
    const message = (mid: number, authorId: string, body: string, at: Date) => ({
      id: mid,
      authorId,
      authorName: name(authorId),
      mine: authorId === actor.employeeId,
      body,
      sentAt: at.toISOString(),
    });
    const listed = rows.map((r) => ({
      key: r.key,
      item: message(r.m.id, r.m.authorId, r.m.body, r.m.createdAt),
    }));
    if (t.first && rows.length <= page.limit)
      listed.push({ key: ['0'], item: message(0, t.menteeId, t.first.body, t.first.at) });
    const result = page.page(
      listed,
      (r) => r.key,
      (kept) => kept.map((r) => r.item),
    );
    const lastId = rows[0]?.m.id ?? 0;
    await tx
      .insert(messageReads)
      .values({ thread: t.key, employeeId: actor.employeeId, lastReadId: lastId, readAt: new Date() })
      .onConflictDoUpdate({
        target: [messageReads.thread, messageReads.employeeId],
        set: { lastReadId: sql`greatest(${messageReads.lastReadId}, ${lastId})`, readAt: new Date() },
      });
    const partner = actor.employeeId === t.menteeId ? t.mentorId : t.menteeId;
    const [seen] = await tx
      .select({ id: messageReads.lastReadId })
      .from(messageReads)
      .where(and(eq(messageReads.thread, t.key), eq(messageReads.employeeId, partner)));
    return {
      kind,
      id,
      open: t.open,
      partnerName: name(partner),
      partnerReadUpTo: seen?.id ?? 0,
      ...result,
    };
  });
}

/** R-MSG-1/2: sends a message; the partner is told by inbox and email, without the body (it stays in the system). */
export async function sendMessage(
  db: Db,
  actor: UserActor,
  kind: ThreadKind,
  id: string,
  body: string,
  appUrl: string,
) {
  return db.transaction(async (tx) => {
    const t = await threadFor(tx, actor, kind, id);
    if (!t.open)
      throw problems.rule(
        'R-MSG-1',
        kind === 'relationship'
          ? 'This relationship has ended; its messages can be read but not added to.'
          : 'This invitation is closed; its messages can be read but not added to.',
        409,
      );
    const ok = checkMessageBody(body);
    if (!ok.ok) throw problems.rule(ok.rule, ok.detail, 422);
    const [m] = await tx
      .insert(messages)
      .values({
        [kind === 'relationship' ? 'relationshipId' : 'invitationId']: id,
        authorId: actor.employeeId,
        body: ok.body,
      })
      .returning();
    const partner = actor.employeeId === t.menteeId ? t.mentorId : t.menteeId;
    const me = (await employeeRows(tx, [actor.employeeId])).get(actor.employeeId)!;
    const [read] = await tx
      .select({ id: messageReads.lastReadId })
      .from(messageReads)
      .where(and(eq(messageReads.thread, t.key), eq(messageReads.employeeId, partner)));
    // One notice per thread until the partner reads it, so a burst of messages is one email.
    await notify(
      tx,
      {
        to: partner,
        kind: 'message.received',
        title: `New message from ${fullName(me)}`,
        link: t.link,
        body: `${fullName(me)} sent you a message in the HHS Mentoring Matching System. Sign in to read and answer it.`,
        data: { thread: t.key },
        dedupeKey: `message:${t.key}:${read?.id ?? 0}`,
      },
      appUrl,
    );
    return {
      id: m!.id,
      authorId: m!.authorId,
      authorName: fullName(me),
      mine: true,
      body: m!.body,
      sentAt: m!.createdAt.toISOString(),
    };
  });
}

/** R-MSG-3: my unread messages per thread, paged (R-API-4); `total` counts them in every thread. */
export async function unreadCounts(db: Db, actor: UserActor, params: PageParams) {
  const me = actor.employeeId;
  const rows = await queryRows<{ kind: ThreadKind; id: string; unread: number }>(
    db,
    sql`
    select case when m.relationship_id is not null then 'relationship' else 'invitation' end as kind,
      coalesce(m.relationship_id, m.invitation_id)::text as id, count(*)::int as unread
    from messages m
    left join relationships r on r.id = m.relationship_id
    left join invitations i on i.id = m.invitation_id
    left join message_reads mr on mr.employee_id = ${me}
      and mr.thread = case when m.relationship_id is not null then 'r:' || m.relationship_id else 'i:' || m.invitation_id end
    where m.author_id <> ${me} and m.id > coalesce(mr.last_read_id, 0)
      and (r.mentee_id = ${me} or r.mentor_id = ${me} or i.mentee_id = ${me} or i.mentor_id = ${me})
    group by 1, 2`,
  );
  const threads = rows.map((r) => ({ ...r, unread: Number(r.unread) }));
  // A person's own threads: few, so paged over the grouped rows like the other per-person lists (decision 0900).
  return {
    ...pageArray(threads, params, (t) => [t.kind, t.id], compareKeys()),
    total: threads.reduce((n, t) => n + t.unread, 0),
  };
}
