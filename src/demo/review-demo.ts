// Demo of expert review: a dozen experts per country with statements in their languages; the closed
// 2022–2023 call reviewed on both sides (panels invited and accepted, assignments computed by the engine —
// optimal for the Belarusian side, fair for the Chinese — one declared conflict re-assigned, reviews with a
// divergent pair, consensus and release); and an open review round on the open call for the demo expert
// (expert@synergy.demo), whose assignments wait for their "no conflict" confirmation.
// Everything after the accounts goes through the review module's own commands, as the officers and
// experts would do it, at the demo's dates.
import { and, eq, ne } from 'drizzle-orm';
import { callFunders, calls, organisations, organisationMembers, reviewAssignments, userRoles, users } from '../db/schema/index.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Actor, Deps, RequestContext } from '../platform/context.ts';
import type { Clock } from '../platform/clock.ts';
import { hashPassword } from '../platform/password.ts';
import { newId } from '../platform/tokens.ts';
import type { Role } from '../shared/enums.ts';
import type { Side } from '../modules/calls/policy.ts';
import * as pool from '../modules/review/pool.ts';
import { runAssignment } from '../modules/review/assignment.ts';
import * as rv from '../modules/review/reviews.ts';
import * as views from '../modules/review/panel-views.ts';
import { addPair } from './calls-demo.ts';
import { reviewableApplications } from '../modules/calls/review-facts.ts';
import { DEMO_PROJECTS } from './data/calls.ts';
import { COMMENTS, DEMO_EXPERT_RECORD, DEMO_EXPERTS } from './data/review.ts';

type Step = { key: string; run: (tx: Tx, deps: Deps, now: Date) => Promise<void> };
type U = typeof users.$inferSelect;

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
async function user(tx: Tx, email: string) { const [u] = await tx.select().from(users).where(eq(users.email, email)); if (!u) throw new Error(`demo user ${email} missing`); return u; }

function ctxFor(tx: Tx, deps: Deps, u: U, roles: Role[], clock: Clock): RequestContext {
  const actor: Actor = { userId: u.id, email: u.email, name: u.name, roles, lang: u.lang as Actor['lang'], timezone: u.timezone, sessionId: 'demo' };
  return { ...deps, db: tx as Db, clock, actor, ip: null, requestId: null, lang: actor.lang };
}

/** A deterministic score in [0, 5] on the 0.5 grid: the project's quality, the expert's leniency, a little noise. */
function score(quality: number, leniency: number, k: number) {
  const noise = ((k * 7919) % 5 - 2) * 0.15;
  return Math.max(0, Math.min(5, Math.round((quality + leniency + noise) * 2) / 2));
}

async function reviewSide(tx: Tx, deps: Deps, callId: string, side: Side, criteria: { code: string }[], experts: Map<string, U>, quality: Map<string, number>, divergentApp: string | null) {
  const clock = at('2022-02-01T08:00:00Z');
  let declared = false;
  for (let round = 0; round < 5; round++) {
    const open = await tx.select().from(reviewAssignments).where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.side, side), eq(reviewAssignments.status, 'assigned')));
    if (!open.length) break;
    for (const a of open) {
      const e = [...experts.values()].find((x) => x.id === a.expertUserId)!;
      const ctx = ctxFor(tx, deps, e, ['expert'], clock);
      if (!declared && side === 'BY') {
        declared = true;
        await rv.confirmAssignment(ctx, a.id, { conflict: 'Руководитель белорусской части — мой соавтор по монографии 2020 года.' });
        continue;
      }
      await rv.confirmAssignment(ctx, a.id, { noConflict: true });
      const idx = [...experts.keys()].indexOf(e.email);
      const leniency = ((idx % 5) - 2) * 0.35;
      const divergent = divergentApp === a.applicationId;
      const scores = Object.fromEntries(criteria.map((c, k) => [c.code, divergent ? (idx % 2 ? 1.5 : 5) : score(quality.get(a.applicationId) ?? 3.5, leniency, idx + k)]));
      const lang = side === 'BY' ? 'ru' : 'zh';
      const comment = COMMENTS[lang][idx % 3];
      const saved = await rv.saveDraft(ctx, a.id, { baseVersion: 0, scores, commentToApplicants: comment, commentToOfficer: side === 'BY' ? 'Для совета: замечаний нет.' : '供评审组参考：无其他意见。',
        recommendation: Object.values(scores).reduce((x, y) => x + y, 0) / criteria.length >= 3 ? 'fund' : 'reject', confidence: 3 + (idx % 3) });
      await rv.submitReview(ctx, a.id, saved.version);
    }
  }
}

export const reviewDemoStep: Step = {
  key: 'demo:review:v1',
  async run(tx, deps, now) {
    const hash = await hashPassword('synergy-2021');
    const experts = new Map<string, U>();
    for (const e of DEMO_EXPERTS) {
      const [o] = await tx.select().from(organisations).where(eq(organisations.externalId, e.org));
      const id = newId();
      await tx.insert(users).values({ id, email: e.email, passwordHash: hash, name: e.name, organisationName: o?.name[e.lang] ?? '', country: e.country, lang: e.lang,
        timezone: e.country === 'BY' ? 'Europe/Minsk' : 'Asia/Shanghai', emailVerifiedAt: now, isDemo: true, createdAt: now, updatedAt: now });
      await tx.insert(userRoles).values({ userId: id, role: 'expert', grantedAt: now });
      if (o) await tx.insert(organisationMembers).values({ organisationId: o.id, userId: id, role: 'member', createdAt: now });
      const u = await user(tx, e.email);
      experts.set(e.email, u);
      await pool.saveExpertRecord(ctxFor(tx, deps, u, ['expert'], at('2021-10-01T08:00:00Z')), {
        statement: e.statement, keywords: e.keywords, areas: e.areas, subAreas: [], languages: e.lang === 'ru' ? ['ru', 'en'] : ['zh', 'en'], country: e.country,
        organisationId: o?.id ?? null, affiliations: [], maxLoad: e.maxLoad, available: true, unavailableUntil: null });
    }
    const demoExpert = await user(tx, 'expert@synergy.demo');
    const [nasb] = await tx.select().from(organisations).where(eq(organisations.externalId, 'by-nasb'));
    await pool.saveExpertRecord(ctxFor(tx, deps, demoExpert, ['expert'], at('2021-10-01T08:00:00Z')), {
      ...DEMO_EXPERT_RECORD, subAreas: [], languages: ['ru', 'en'], country: 'BY', organisationId: nasb?.id ?? null,
      affiliations: [{ organisationId: null, name: 'БНТУ, кафедра лазерной техники', from: '2008-09-01', to: '2015-06-30' }], maxLoad: 4, available: true, unavailableUntil: null });

    const [closed] = await tx.select().from(calls).where(eq(calls.slug, 'bycn-2022-2023'));
    const [openCall] = await tx.select().from(calls).where(and(ne(calls.slug, 'bycn-2022-2023'), eq(calls.programmeId, closed.programmeId)));
    const officers = { BY: await user(tx, 'officer.by@synergy.demo'), CN: await user(tx, 'officer.cn@synergy.demo') };
    const sideExperts = (s: Side) => new Map([...experts].filter(([, u]) => u.country === s));

    // The closed call: both sides review their halves in January–February 2022, reviews released in March.
    const apps = await reviewableApplications(tx, closed.id);
    const quality = new Map(apps.map((a, i) => [a.id, 2.5 + ((i * 37) % 10) / 4]));
    const divergent = apps[3]?.id ?? null;
    for (const side of ['BY', 'CN'] as const) {
      const officer = ctxFor(tx, deps, officers[side], ['participant'], at('2022-01-17T08:00:00Z'));
      await pool.updatePanel(officer, closed.id, side, { conflictYears: 3, reviewsPerHalf: 3, mixQuota: null, biddingOpen: false, divergenceThreshold: 2.5,
        reviewDeadline: '2022-02-14T15:00:00.000Z', anchors: { novelty: [{ level: 1, text: { ru: 'Известные решения', zh: '已有方案', en: 'Known solutions' } }, { level: 3, text: { ru: 'Заметное улучшение', zh: '明显改进', en: 'A clear improvement' } }, { level: 5, text: { ru: 'Мировой уровень', zh: '国际领先', en: 'World class' } }] } });
      const members = sideExperts(side);
      await pool.inviteExperts(officer, closed.id, side, [...members.values()].map((u) => u.id));
      for (const u of members.values()) await pool.respondToInvitation(ctxFor(tx, deps, u, ['expert'], at('2022-01-18T08:00:00Z')), closed.id, side, true);
      await runAssignment(officer, closed.id, side, { mode: side === 'BY' ? 'optimal' : 'fair' });
      await reviewSide(tx, deps, closed.id, side, closed.criteria, members, quality, divergent);
      const cal = await views.sideCalibration(ctxFor(tx, deps, officers[side], ['participant'], at('2022-02-20T08:00:00Z')), closed.id, side);
      for (const x of cal.applications) {
        await views.saveConsensus(ctxFor(tx, deps, officers[side], ['participant'], at('2022-02-20T08:00:00Z')), x.application, side, {
          report: side === 'BY' ? `Совет обсудил ${x.reviews} отзыва; итоговая оценка с учётом калибровки.` : `评审组讨论了 ${x.reviews} 份评审意见；最终分数已考虑校准。`,
          finalScore: Math.max(0, Math.min(10, Math.round(x.calibrated * 10) / 10)) });
      }
      await views.releaseReviews(ctxFor(tx, deps, officers[side], ['participant'], at('2022-03-01T08:00:00Z')), closed.id, side);
    }

    // The open call: two pairs submitted two days ago; the Belarusian panel is the demo expert and one colleague.
    const fs = await tx.select().from(callFunders).where(eq(callFunders.callId, openCall.id));
    const fBy = fs.find((f) => f.side === 'BY')!.funderId, fCn = fs.find((f) => f.side === 'CN')!.funderId;
    const submitted = new Date(now.getTime() - 2 * 86400_000);
    await addPair(tx, deps, openCall.id, fBy, fCn, 0, DEMO_PROJECTS[2], null, submitted);
    await addPair(tx, deps, openCall.id, fBy, fCn, 1, DEMO_PROJECTS[7], null, submitted);
    const officer = ctxFor(tx, deps, officers.BY, ['participant'], at(now.toISOString()));
    await pool.updatePanel(officer, openCall.id, 'BY', { conflictYears: 3, reviewsPerHalf: 2, mixQuota: null, biddingOpen: false, divergenceThreshold: 2.5,
      reviewDeadline: new Date(now.getTime() + 21 * 86400_000).toISOString(), anchors: {} });
    const colleague = experts.get('bondar@expert.demo')!;
    await pool.inviteExperts(officer, openCall.id, 'BY', [demoExpert.id, colleague.id]);
    for (const u of [demoExpert, colleague]) await pool.respondToInvitation(ctxFor(tx, deps, u, ['expert'], at(now.toISOString())), openCall.id, 'BY', true);
    await runAssignment(officer, openCall.id, 'BY', { mode: 'optimal' });
  },
};
