// The application page: the joint project, both halves with their sections, completeness, attachments,
// versions, eligibility decision, the mirror comparison, and what the viewer may do.
import { desc, eq, inArray } from 'drizzle-orm';
import { applicationMembers, eligibilityDecisions, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { organisationSummaries } from '../directory/queries.ts';
import { allowedDecisions, callPhase, canDecideEligibility, canEditHalf, canOverrideMismatch, canReadApplication, canSubmitHalf, canWithdrawHalf, type Side } from './policy.ts';
import { halvesOf, loadApplication, membershipOf, officerScope } from './facts.ts';
import { loadHalfContent } from './half-content.ts';
import { completeness, emptySection } from './sections.ts';
import { mirrorMismatches } from './mirror.ts';
import { callTerms } from './calls.ts';
import { versionsOf } from './submission.ts';
import { automaticChecks } from './eligibility.ts';

export async function getApplication(ctx: RequestContext, id: string) {
  const { app, call } = await loadApplication(ctx.db, id);
  const m = await membershipOf(ctx.db, ctx.actor, id);
  const scope = await officerScope(ctx.db, ctx.actor, call.id);
  if (!canReadApplication(ctx.actor, m, scope)) throw notFound('application'); // do not reveal that it exists
  const now = ctx.clock.now();
  const halves = (await halvesOf(ctx.db, [id])).sort((a, b) => a.side.localeCompare(b.side));
  const contents = await Promise.all(halves.map((h) => loadHalfContent(ctx.db, h)));
  const versions = await versionsOf(ctx.db, halves.map((h) => h.id));
  const decisions = halves.length ? await ctx.db.select({ d: eligibilityDecisions, by: users.name }).from(eligibilityDecisions)
    .innerJoin(users, eq(users.id, eligibilityDecisions.decidedBy)).where(inArray(eligibilityDecisions.halfId, halves.map((h) => h.id))).orderBy(desc(eligibilityDecisions.decidedAt)) : [];
  const members = await ctx.db.select({ userId: applicationMembers.userId, side: applicationMembers.side, role: applicationMembers.role, name: users.name })
    .from(applicationMembers).innerJoin(users, eq(users.id, applicationMembers.userId)).where(eq(applicationMembers.applicationId, id)).orderBy(users.name);
  const orgIds = contents.flatMap((c) => (c.sections.consortium?.organisations ?? []).map((o) => o.organisationId));
  const orgs = await organisationSummaries(ctx.db, orgIds);
  const by = halves.findIndex((h) => h.side === 'BY'), cn = halves.findIndex((h) => h.side === 'CN');
  const pair = (i: number) => ({ title: contents[i].sections.title ?? emptySection('title'), consortium: contents[i].sections.consortium ?? emptySection('consortium') });
  const mirror = by >= 0 && cn >= 0 ? mirrorMismatches(pair(by), pair(cn)) : [];
  const outHalves = [];
  for (const [i, h] of halves.entries()) {
    const side = h.side as Side;
    const facts = { side, funderId: h.funderId, status: h.status };
    const c = contents[i];
    const d = decisions.find((x) => x.d.halfId === h.id);
    const canDecide = canDecideEligibility(ctx.actor, scope, facts);
    const terms = await callTerms(ctx.db, call, h.funderId);
    outHalves.push({
      id: h.id, side, funderId: h.funderId, status: h.status, submittedVersion: h.submittedVersion, submittedAt: h.submittedAt?.toISOString() ?? null,
      sections: c.rows.map((r) => ({ key: r.key, content: r.content, version: r.version, updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy })),
      completeness: completeness(side, c.sections, terms, c.uploaded),
      checks: canDecide ? automaticChecks(side, c.sections, terms, call.eligibility, c.uploaded, c.organisations) : [],
      attachments: c.attachments.map((a) => ({ id: a.id, documentCode: a.documentCode, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256, url: `/api/applications/${id}/halves/${side}/attachments/${a.id}` })),
      versions: versions.filter((v) => v.halfId === h.id).map(({ halfId: _h, ...v }) => v),
      override: h.mismatchOverrideReason && h.mismatchOverrideAt ? { reason: h.mismatchOverrideReason, at: h.mismatchOverrideAt.toISOString() } : null,
      decision: d ? { decision: d.d.decision, version: d.d.version, reasons: d.d.reasons, decidedAt: d.d.decidedAt.toISOString(), decidedByName: d.by, automatic: d.d.automatic, checklist: d.d.checklist } : null,
      can: {
        edit: canEditHalf(ctx.actor, m, facts, call, now), submit: canSubmitHalf(ctx.actor, m, facts, call, now), withdraw: canWithdrawHalf(ctx.actor, m, facts, call, now),
        decide: canDecide, override: canOverrideMismatch(ctx.actor, scope, facts), decisions: canDecide ? allowedDecisions(facts, call, now) : [],
      },
    });
  }
  return {
    id: app.id, reference: app.reference, callId: call.id, callTitle: call.title, callPhase: callPhase(call, now), closesAt: call.closesAt.toISOString(), callTimezone: call.timezone,
    origin: app.originKind && app.originId ? { kind: app.originKind, id: app.originId, data: app.originData } : null,
    myMembership: m, members, organisations: orgs.map((o) => ({ id: o.id, name: o.name, shortName: o.shortName, country: o.country, type: o.type })),
    halves: outHalves, mirror, createdAt: app.createdAt.toISOString(),
  };
}
