import { and, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyset, type PageParams } from '../../lib/pagination.js';
import { notifications } from '../../db/schema/index.js';
import { problems } from '../../lib/problem.js';
import type { UserActor } from '../accounts/actors.js';

type Row = typeof notifications.$inferSelect;
const view = (n: Row) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});

// R-NOTE-1 inbox. Every query is bounded to the signed-in person's own rows (R-SEC-3: authorised on the object).
const mine = (actor: UserActor, ...more: SQL[]) =>
  and(eq(notifications.recipientId, actor.employeeId), ...more);

export async function listNotifications(db: Db, actor: UserActor, q: { unread?: boolean } & PageParams) {
  const where = q.unread ? mine(actor, isNull(notifications.readAt)) : mine(actor);
  const page = keyset(
    [
      { expr: notifications.createdAt, dir: 'desc', type: 'timestamptz' },
      { expr: notifications.id, dir: 'desc', type: 'uuid' },
    ],
    q,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ n: notifications, key: page.key })
      .from(notifications)
      .where(and(where, page.where))
      .orderBy(...page.orderBy)
      .limit(page.fetch),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return {
    ...page.page(
      rows,
      (r) => r.key,
      (kept) => kept.map((r) => view(r.n)),
    ),
    total: total?.n ?? 0,
  };
}

export async function unreadCount(db: Db, actor: UserActor) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(mine(actor, isNull(notifications.readAt)));
  return { unread: row?.n ?? 0 };
}

/** Someone else's notification is "not found", so ids cannot be probed. Reading twice keeps the first time. */
export async function markRead(db: Db, actor: UserActor, id: string) {
  const [updated] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(mine(actor, eq(notifications.id, id), isNull(notifications.readAt)))
    .returning();
  if (updated) return view(updated);
  const [existing] = await db
    .select()
    .from(notifications)
    .where(mine(actor, eq(notifications.id, id)));
  if (!existing) throw problems.notFound('That notification');
  return view(existing);
}

export async function markAllRead(db: Db, actor: UserActor) {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(mine(actor, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
