// Eligibility: automatic checks pre-filled per half, and the decision of the half's own funder's officer
// (eligible / ineligible / returned for correction — the last only before the deadline), with reasons the
// consortium reads in its language.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { applicationMembers, eligibilityDecisions, applicationHalves } from '../../db/schema/index.ts';
import type { EligibilityRules } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { callsError } from './errors.ts';
import { allowedDecisions, callPhase, canDecideEligibility, type Side } from './policy.ts';
import { loadApplication, loadHalf, officerScope } from './facts.ts';
import { problemsOf, type CallTerms, type Sections } from './sections.ts';
import { loadHalfContent } from './half-content.ts';
import { callTerms } from './calls.ts';
import { notifyCall } from './notify.ts';
import type { decisionBody } from './schema.ts';

export type Check = { code: string; ok: boolean; params?: Record<string, unknown> };
type Org = { id: string; country: string; type: string };

/** Pure: the automatic checks of one half against the call's rules. */
export function automaticChecks(side: Side, sections: Partial<Sections>, terms: CallTerms, rules: EligibilityRules, uploaded: string[], orgs: Org[]): Check[] {
  const problems = problemsOf(side, sections, terms, uploaded);
  const has = (...codes: string[]) => problems.some((p) => codes.includes(p.code));
  const consortium = sections.consortium?.organisations ?? [];
  const count = (s: Side) => consortium.filter((o) => o.side === s).length;
  const types = consortium.map((o) => orgs.find((x) => x.id === o.organisationId)).filter((o): o is Org => !!o);
  const disallowed = types.filter((o) => !rules.allowedOrgTypes.includes(o.type));
  const wrongCountry = consortium.filter((o) => { const org = orgs.find((x) => x.id === o.organisationId); return org && org.country !== o.side; });
  return [
    { code: 'partners_per_country', ok: count('BY') >= rules.minPartnersPerCountry && count('CN') >= rules.minPartnersPerCountry && !wrongCountry.length,
      params: { BY: count('BY'), CN: count('CN'), min: rules.minPartnersPerCountry } },
    { code: 'lead_per_side', ok: !rules.leadPerSide || !has('lead_missing', 'lead_twice') },
    { code: 'org_types', ok: !disallowed.length, params: { types: disallowed.map((o) => o.type).join(', ') } },
    ...(rules.flagParkResidents ? [{ code: 'park_residents', ok: true, params: { count: types.filter((o) => o.type === 'park_resident').length } }] : []),
    { code: 'budget_caps', ok: !has('budget_over_cap', 'budget_year_outside', 'budget_missing') },
    { code: 'documents', ok: !has('document_missing') },
    { code: 'duration', ok: !has('duration_missing', 'duration_too_long') },
    { code: 'areas', ok: !has('areas_missing', 'areas_outside_call') },
  ];
}

export async function decideEligibility(ctx: RequestContext, applicationId: string, side: Side, input: z.output<typeof decisionBody>) {
  const { app, call } = await loadApplication(ctx.db, applicationId);
  const scope = await officerScope(ctx.db, ctx.actor, call.id);
  const half0 = await loadHalf(ctx.db, applicationId, side);
  if (!canDecideEligibility(ctx.actor, scope, { side, funderId: half0.funderId, status: half0.status })) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const half = await loadHalf(tx, applicationId, side, true);
    const allowed = allowedDecisions({ side, funderId: half.funderId, status: half.status }, call, now);
    if (!allowed.includes(input.decision)) {
      if (input.decision === 'returned' && callPhase(call, now) === 'closed') throw callsError('decision_after_deadline');
      throw callsError('not_submitted');
    }
    const content = await loadHalfContent(tx, half);
    const checks = automaticChecks(side, content.sections, await callTerms(tx, call, half.funderId), call.eligibility, content.uploaded, content.organisations);
    await tx.insert(eligibilityDecisions).values({
      id: newId(), halfId: half.id, version: half.submittedVersion, decision: input.decision, automatic: checks, checklist: input.checklist,
      reasons: input.reasons, decidedBy: ctx.actor!.userId, decidedAt: now,
    });
    await tx.update(applicationHalves).set({ status: input.decision, updatedAt: now }).where(eq(applicationHalves.id, half.id));
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'eligibility', changes: { side, decision: input.decision, version: half.submittedVersion } });
    const people = (await tx.select({ id: applicationMembers.userId }).from(applicationMembers)
      .where(and(eq(applicationMembers.applicationId, applicationId), eq(applicationMembers.side, side)))).map((r) => r.id);
    await notifyCall(tx, ctx, { userIds: people, kind: 'decision', link: `/applications/${applicationId}`, callTitle: call.title, reference: app.reference,
      closesAt: call.closesAt, callTimezone: call.timezone, reasons: input.reasons, extra: { decision: input.decision, side } });
  });
}
