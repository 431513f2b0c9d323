// Facts other modules need about expressions of interest (the review module's conflict rules):
// accepted expressions between organisations, with who sent and answered them and when.
import { and, eq, gte, inArray, or } from 'drizzle-orm';
import { expressionsOfInterest, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';

export type AcceptedInterest = { id: string; fromOrganisationId: string; profileOrganisationId: string; fromUserId: string; respondedBy: string | null; respondedAt: Date };

/** Accepted expressions of interest answered since `since` with any of these organisations on either end. */
export async function acceptedInterestsOf(db: Tx, organisationIds: string[], since: Date): Promise<AcceptedInterest[]> {
  if (!organisationIds.length) return [];
  const rows = await db.select({ id: expressionsOfInterest.id, from: expressionsOfInterest.fromOrganisationId, to: profiles.organisationId, fromUserId: expressionsOfInterest.fromUserId,
    respondedBy: expressionsOfInterest.respondedBy, respondedAt: expressionsOfInterest.respondedAt })
    .from(expressionsOfInterest).innerJoin(profiles, eq(profiles.id, expressionsOfInterest.profileId))
    .where(and(eq(expressionsOfInterest.status, 'accepted'), gte(expressionsOfInterest.respondedAt, since),
      or(inArray(expressionsOfInterest.fromOrganisationId, organisationIds), inArray(profiles.organisationId, organisationIds))));
  return rows.flatMap((r) => (r.to && r.respondedAt ? [{ id: r.id, fromOrganisationId: r.from, profileOrganisationId: r.to, fromUserId: r.fromUserId, respondedBy: r.respondedBy, respondedAt: r.respondedAt }] : []));
}
