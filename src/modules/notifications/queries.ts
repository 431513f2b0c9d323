// The inbox: in-app notices written by `platform/notify.ts` (one row per recipient), read and marked read here.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';

export async function inbox(db: Tx, userId: string, q: { unread?: 'true' | 'false'; limit: number }) {
  const rows = await db.select().from(notifications)
    .where(and(eq(notifications.userId, userId), q.unread === 'true' ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt)).limit(q.limit);
  const [{ unread }] = await db.select({ unread: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { unread, items: rows.map((n) => ({ id: n.id, kind: n.kind, data: n.data, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
}

/** Marks one notice (404 unless it is the caller's own; reading twice is fine) or all of them read. */
export async function markRead(db: Tx, userId: string, id: string | null, now: Date) {
  if (id) {
    const rows = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, ${now})` })
      .where(and(eq(notifications.userId, userId), eq(notifications.id, id))).returning({ id: notifications.id });
    if (!rows.length) throw notFound('notification');
    return;
  }
  await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
