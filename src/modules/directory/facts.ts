// Facts other modules need about organisation membership (the review module's conflict rules).
import { inArray } from 'drizzle-orm';
import { organisationMembers } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';

/** Current memberships of these people: user → organisations (with the date they joined). */
export async function membershipsOf(db: Tx, userIds: string[]): Promise<{ userId: string; organisationId: string; since: Date }[]> {
  if (!userIds.length) return [];
  const rows = await db.select().from(organisationMembers).where(inArray(organisationMembers.userId, userIds));
  return rows.map((r) => ({ userId: r.userId, organisationId: r.organisationId, since: r.createdAt }));
}
