// "Start a joint application" from a partnership found on the platform: an accepted expression of
// interest, a meeting whose outcome (the starter's) is "joint application planned", or a recommendation
// of the matching module. Each is read through its module's exported query (which also checks that the
// actor may see it) and turned into the organisations and people of the new application.
import type { RequestContext } from '../../platform/context.ts';
import { organisationSummaries } from '../directory/queries.ts';
import { getInterest } from '../interests/queries.ts';
import { getMeeting } from '../events/meeting-queries.ts';
import { getProfile } from '../profiles/queries.ts';
import { profileRecommendations } from '../matching/queries.ts';
import { callsError } from './errors.ts';
import type { Side } from './policy.ts';

export type OriginInput = { kind: 'eoi' | 'meeting' | 'recommendation'; id: string; candidateProfileId?: string };
export type Partnership = {
  organisations: { id: string; side: Side }[];
  /** People to add to the application (their side), with the name used for the principal investigator. */
  people: { userId: string | null; email: string | null; name: string; side: Side }[];
  data: Record<string, unknown>;
};

const sideOf = (country: string): Side | null => (country === 'BY' || country === 'CN' ? country : null);

async function orgSides(ctx: RequestContext, ids: string[]) {
  const orgs = await organisationSummaries(ctx.db, ids);
  return orgs.flatMap((o) => { const s = sideOf(o.country); return s ? [{ id: o.id, side: s }] : []; });
}

export async function resolveOrigin(ctx: RequestContext, o: OriginInput): Promise<Partnership> {
  const actor = ctx.actor!;
  if (o.kind === 'eoi') {
    const e = await getInterest(ctx.db, actor, o.id);
    if (e.status !== 'accepted' || !e.profileOrganisation || e.direction === 'observer') throw callsError('origin_not_usable', { params: { reason: 'eoi_not_accepted' } });
    const organisations = await orgSides(ctx, [e.fromOrganisation.id, e.profileOrganisation.id]);
    const other = e.direction === 'sent' ? e.responder : e.sender;
    const otherOrg = e.direction === 'sent' ? e.profileOrganisation : e.fromOrganisation;
    const otherSide = sideOf(otherOrg.country);
    const people = other && otherSide ? [{ userId: null, email: other.email, name: other.name, side: otherSide }] : [];
    return { organisations, people, data: { profileId: e.profile.id, profileTitle: e.profile.title } };
  }
  if (o.kind === 'meeting') {
    const m = await getMeeting(ctx, o.id);
    if (!m.myOutcome?.outcomes.includes('joint_application_planned')) throw callsError('origin_not_usable', { params: { reason: 'meeting_outcome' } });
    const orgIds = m.participants.map((p) => p.organisationId).filter((x): x is string => !!x);
    const organisations = await orgSides(ctx, orgIds);
    const people = m.participants.flatMap((p) => {
      const s = organisations.find((x) => x.id === p.organisationId)?.side ?? sideOf(p.country);
      return s ? [{ userId: p.userId, email: null, name: p.name, side: s }] : [];
    });
    return { organisations, people, data: { eventId: m.eventId, startsAt: m.startsAt } };
  }
  if (!o.candidateProfileId) throw callsError('origin_not_usable', { params: { reason: 'candidate_missing' } });
  const own = await getProfile(ctx.db, actor, o.id);
  if (!own.isOwn) throw callsError('origin_not_usable', { params: { reason: 'not_own_profile' } });
  const recs = await profileRecommendations(ctx, actor, o.id, 50, ctx.lang);
  const cand = recs.items.find((x) => x.profileId === o.candidateProfileId);
  if (!cand?.organisation) throw callsError('origin_not_usable', { params: { reason: 'not_recommended' } });
  const organisations = await orgSides(ctx, [own.organisationId!, cand.organisation.id]);
  return { organisations, people: [], data: { profileId: o.id, candidateProfileId: o.candidateProfileId, score: cand.score } };
}
