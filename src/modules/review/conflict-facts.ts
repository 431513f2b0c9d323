// Gathers the facts of the conflict rules from the modules that own them (each through its exported
// query) and applies the pure rules of conflicts.ts.
import { inArray } from 'drizzle-orm';
import { declaredConflicts, experts } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { ReviewApplication } from '../calls/review-facts.ts';
import { pastApplicationsOf } from '../calls/review-facts.ts';
import { membershipsOf } from '../directory/facts.ts';
import { acceptedInterestsOf } from '../interests/facts.ts';
import { heldMeetingsOf } from '../events/facts.ts';
import { findConflicts, type ConflictReason } from './conflicts.ts';

export type ConflictMap = Map<string, Map<string, ConflictReason[]>>;

export async function conflictsFor(db: Tx, o: { now: Date; years: number; expertIds: string[]; applications: ReviewApplication[] }): Promise<ConflictMap> {
  if (!o.expertIds.length || !o.applications.length) return new Map();
  const since = new Date(o.now); since.setUTCFullYear(since.getUTCFullYear() - o.years);
  const recs = await db.select().from(experts).where(inArray(experts.userId, o.expertIds));
  const members = await membershipsOf(db, o.expertIds);
  const consortiumOrgs = [...new Set(o.applications.flatMap((a) => a.organisationIds))];
  const expertOrgs = [...new Set([...members.map((m) => m.organisationId), ...recs.flatMap((r) => (r.organisationId ? [r.organisationId] : []))])];
  const declared = await db.select().from(declaredConflicts).where(inArray(declaredConflicts.applicationId, o.applications.map((a) => a.id)));
  return findConflicts({
    now: o.now, years: o.years,
    experts: o.expertIds.map((id) => {
      const r = recs.find((x) => x.userId === id);
      return {
        id, organisationIds: [...new Set([...members.filter((m) => m.userId === id).map((m) => m.organisationId), ...(r?.organisationId ? [r.organisationId] : [])])],
        affiliations: (r?.affiliations ?? []).map((a) => ({ organisationId: a.organisationId, to: a.to ? new Date(`${a.to}T00:00:00Z`) : null })),
      };
    }),
    applications: o.applications.map((a) => ({ id: a.id, callId: a.callId, reference: a.reference, organisationIds: a.organisationIds, memberUserIds: a.memberUserIds })),
    pastApplications: await pastApplicationsOf(db, o.expertIds, since),
    interests: await acceptedInterestsOf(db, [...new Set([...consortiumOrgs, ...expertOrgs])], since),
    meetings: await heldMeetingsOf(db, o.expertIds, since),
    // Park residency: the directory keeps no residency data yet; pass organisation → group here once it does.
    parkGroups: undefined,
    declared: declared.map((d) => ({ applicationId: d.applicationId, expertId: d.expertUserId, declaredBy: d.declaredBy as 'expert' | 'applicant', reason: d.reason })),
  });
}
