// Demo of the calls module: the funders (ГКНТ, MOST through the Jilin S&T department, БРФФИ, NSFC), two
// programmes, the closed 2022–2023 call (15 Nov – 23 Dec 2021) with a dozen submitted mirror pairs — one
// started from a 2021 exchange meeting, one submitted after an officer overrode a mirror mismatch, one
// ineligible — and one open call (relative to the day the demo is loaded) for newcomers to try.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  applicationAttachments, applicationHalves, applicationMembers, applications, applicationSections, applicationVersions, callCaps, callDocuments, callFunders, calls, eligibilityDecisions,
  funderBudgets, funderOfficers, funders, meetingOutcomes, organisationMembers, organisations, programmeFunders, programmes, userRoles, users,
} from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../platform/context.ts';
import { hashPassword } from '../platform/password.ts';
import { newId } from '../platform/tokens.ts';
import { zonedToUtc } from '../shared/time.ts';
import type { Ml } from '../shared/languages.ts';
import { storeFile } from '../platform/uploads.ts';
import { automaticChecks } from '../modules/calls/eligibility.ts';
import { canonicalHash } from '../modules/calls/canonical.ts';
import { snapshotOf } from '../modules/calls/submission.ts';
import { loadHalfContent } from '../modules/calls/half-content.ts';
import { textPdf } from '../modules/calls/receipt-pdf.ts';
import { callTerms } from '../modules/calls/calls.ts';
import { sectionsOf, emptySection, type Sections } from '../modules/calls/sections.ts';
import type { Side } from '../modules/calls/policy.ts';
import { DEMO_CALL_SPEC, DEMO_PROJECTS, CALL_DOCUMENTS } from './data/calls.ts';

type Step = { key: string; run: (tx: Tx, deps: Deps, now: Date) => Promise<void> };

/** Programme officers, one per side: they act for their funder only. */
export const CALL_DEMO_USERS = [
  { email: 'officer.by@synergy.demo', name: 'Татьяна Громова', org: 'by-gknt', country: 'BY', lang: 'ru' as const, timezone: 'Europe/Minsk', funder: 'by-gknt' },
  { email: 'officer.cn@synergy.demo', name: '刘洋', org: 'cn-jilin-dst', country: 'CN', lang: 'zh' as const, timezone: 'Asia/Shanghai', funder: 'cn-most' },
];

const NSFC = {
  externalId: 'cn-nsfc', country: 'CN', type: 'fund',
  name: { ru: 'Национальный фонд естественных наук Китая', zh: '国家自然科学基金委员会', en: 'National Natural Science Foundation of China' },
  shortName: { ru: 'ГФЕН Китая', zh: '国家自然科学基金委', en: 'NSFC' }, city: { ru: 'Пекин', zh: '北京', en: 'Beijing' },
};

async function org(tx: Tx, ext: string) {
  const [o] = await tx.select().from(organisations).where(eq(organisations.externalId, ext));
  if (!o) throw new Error(`demo organisation ${ext} missing`);
  return o;
}
async function userByEmail(tx: Tx, email: string) {
  const [u] = await tx.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`demo user ${email} missing`);
  return u;
}

async function addFunder(tx: Tx, ext: string, currency: string, timezone: string, now: Date) {
  const o = await org(tx, ext);
  const id = newId();
  await tx.insert(funders).values({ id, organisationId: o.id, country: o.country, currency, timezone, createdAt: now, updatedAt: now });
  return id;
}

async function addCall(tx: Tx, o: { programmeId: string; slug: string; title: Ml; description: Ml; type: string; start: number; end: number; opens: Date; closes: Date;
  funders: [string, Side][]; caps: [string, number, number][] }, now: Date) {
  const id = newId();
  await tx.insert(calls).values({
    id, programmeId: o.programmeId, slug: o.slug, type: o.type, title: o.title, description: o.description, status: 'published',
    projectStartYear: o.start, projectEndYear: o.end, opensAt: o.opens, closesAt: o.closes, timezone: 'Europe/Minsk',
    priorityAreas: DEMO_CALL_SPEC.priorityAreas, maxDurationMonths: 24, criteria: DEMO_CALL_SPEC.criteria, requiredDocuments: CALL_DOCUMENTS,
    eligibility: { minPartnersPerCountry: 1, leadPerSide: true, allowedOrgTypes: ['university', 'research_institute', 'enterprise', 'technopark', 'park_resident'], flagParkResidents: true },
    createdAt: now, updatedAt: now,
  });
  await tx.insert(callFunders).values(o.funders.map(([funderId, side]) => ({ callId: id, funderId, side })));
  await tx.insert(callCaps).values(o.caps.map(([funderId, year, amount]) => ({ callId: id, funderId, year, amount: String(amount) })));
  return id;
}

async function ensureOfficers(tx: Tx, funderByExt: Record<string, string>, now: Date) {
  const hash = await hashPassword('synergy-2021');
  for (const u of CALL_DEMO_USERS) {
    const o = await org(tx, u.org);
    const id = newId();
    await tx.insert(users).values({ id, email: u.email, passwordHash: hash, name: u.name, organisationName: o.name[u.lang] ?? o.name.en ?? '',
      country: u.country, lang: u.lang, timezone: u.timezone, emailVerifiedAt: now, isDemo: true, createdAt: now, updatedAt: now });
    await tx.insert(userRoles).values({ userId: id, role: 'participant', grantedAt: now });
    await tx.insert(organisationMembers).values({ organisationId: o.id, userId: id, role: 'member', createdAt: now });
    await tx.insert(funderOfficers).values({ id: newId(), funderId: funderByExt[u.funder], userId: id, callId: null, createdAt: now });
  }
}

/** The meeting of the 2021 exchange whose outcome (BNTU's) is "joint application planned". */
async function plannedMeeting(tx: Tx) {
  const [m] = await tx.select({ id: meetingOutcomes.meetingId }).from(meetingOutcomes)
    .where(sql`'joint_application_planned' = ANY(${meetingOutcomes.outcomes})`).limit(1);
  return m?.id ?? null;
}

/** Exported for the review demo, which submits two pairs to the open call (`at`: when they were submitted). */
export async function addPair(tx: Tx, deps: Deps, callId: string, funderBy: string, funderCn: string, n: number, p: (typeof DEMO_PROJECTS)[number], origin: string | null, at?: Date) {
  const [c] = await tx.select().from(calls).where(eq(calls.id, callId));
  const byUser = await userByEmail(tx, p.by.user), cnUser = await userByEmail(tx, p.cn.user);
  const orgsBy = await Promise.all(p.by.orgs.map((e) => org(tx, e))), orgsCn = await Promise.all(p.cn.orgs.map((e) => org(tx, e)));
  const submittedAt = at ?? new Date(Date.parse('2021-12-01T07:00:00Z') + n * 36 * 3600_000);
  const id = newId();
  await tx.insert(applications).values({ id, callId, reference: `${c.slug.toUpperCase()}-${String(n + 1).padStart(4, '0')}`, originKind: origin ? 'meeting' : null,
    originId: origin, originData: origin ? { eventSlug: 'synergy-of-innovations-2021' } : {}, createdBy: byUser.id, createdAt: submittedAt, updatedAt: submittedAt });
  await tx.insert(applicationMembers).values([
    { applicationId: id, userId: byUser.id, side: 'BY', role: 'editor', organisationId: orgsBy[0].id, createdAt: submittedAt },
    { applicationId: id, userId: cnUser.id, side: 'CN', role: 'editor', organisationId: orgsCn[0].id, createdAt: submittedAt },
  ]);
  const consortium: Sections['consortium'] = {
    organisations: [...orgsBy.map((o, i) => ({ organisationId: o.id, side: 'BY' as const, role: i ? 'partner' as const : 'lead' as const })),
      ...orgsCn.map((o, i) => ({ organisationId: o.id, side: 'CN' as const, role: i ? 'partner' as const : 'lead' as const }))],
    pis: { BY: { userId: byUser.id, name: byUser.name }, CN: { userId: cnUser.id, name: cnUser.name } },
  };
  for (const side of ['BY', 'CN'] as const) {
    const halfId = newId();
    const funderId = side === 'BY' ? funderBy : funderCn;
    await tx.insert(applicationHalves).values({ id: halfId, applicationId: id, side, funderId, status: 'draft', updatedAt: submittedAt });
    const own = side === 'BY' ? 'ru' : 'zh';
    // The overridden pair: the Chinese half wrote its own title differently.
    const title = side === 'CN' && p.cnTitleZh ? { ...p.title, zh: p.cnTitleZh } : p.title;
    const content: Partial<Sections> = {
      title: { title, abstract: { [own]: p.abstract[own] }, areas: p.areas, durationMonths: 24 },
      consortium,
      workplan: { stages: [
        { title: { ru: 'Исследования и проектирование', zh: '研究与设计' }, start: '2022-01-01', end: '2022-12-31', tasksBY: 'Разработка методики', tasksCN: '原理样机设计', deliverables: 'Отчёт, эскизный проект' },
        { title: { ru: 'Опытный образец и испытания', zh: '样机与测试' }, start: '2023-01-01', end: '2023-12-31', tasksBY: 'Изготовление образца', tasksCN: '联合测试', deliverables: 'Опытный образец, протокол испытаний' },
      ] },
      budget: { lines: side === 'BY'
        ? [{ year: 2022, category: 'personnel', amount: 42000 + n * 1000 }, { year: 2022, category: 'equipment', amount: 18000 }, { year: 2023, category: 'personnel', amount: 45000 }, { year: 2023, category: 'travel', amount: 6000 }]
        : [{ year: 2022, category: 'personnel', amount: 400000 + n * 10000 }, { year: 2022, category: 'materials', amount: 150000 }, { year: 2023, category: 'personnel', amount: 420000 }, { year: 2023, category: 'travel', amount: 40000 }] },
      results: { expected: { [own]: p.results[own] }, indicators: [{ code: 'prototypes', target: 1 }, { code: 'publications', target: 4 }, { code: 'patents', target: 1 }] },
      ip: { plan: { [own]: side === 'BY' ? 'Совместная заявка на патент, лицензирование результатов предприятиям.' : '联合申请专利，向企业许可成果。' } },
      ...(side === 'BY' ? { customer: { stateCustomer: p.customer, commitment: true, coFinancing: 15000 } } : {}),
    };
    for (const key of sectionsOf(side)) {
      await tx.insert(applicationSections).values({ halfId, key, content: (content[key] ?? emptySection(key)) as Record<string, unknown>, version: 1, updatedBy: side === 'BY' ? byUser.id : cnUser.id, updatedAt: submittedAt });
    }
  }
  const halves = await tx.select().from(applicationHalves).where(eq(applicationHalves.applicationId, id));
  for (const h of halves) {
    for (const d of c.requiredDocuments.filter((x) => x.side === h.side)) {
      const content = Buffer.from(`%PDF-1.4\n% ${d.code} ${n + 1}\ntrailer<<>>\n%%EOF\n`);
      const name = `${d.code}.pdf`;
      const fileId = await storeFile(tx, { name, mime: 'application/pdf', content, uploadedBy: h.side === 'BY' ? byUser.id : cnUser.id, now: submittedAt });
      await tx.insert(applicationAttachments).values({ id: newId(), halfId: h.id, documentCode: d.code, fileId, name, mime: 'application/pdf', size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'), uploadedBy: h.side === 'BY' ? byUser.id : cnUser.id, createdAt: submittedAt });
    }
  }
  const [app] = await tx.select().from(applications).where(eq(applications.id, id));
  const officers = await tx.select().from(funderOfficers);
  for (const h of halves) {
    if (p.cnTitleZh && h.side === 'BY') {
      await tx.update(applicationHalves).set({ mismatchOverrideReason: 'Китайская сторона уточняет перевод названия; совпадение подтверждено письмом партнёра.',
        mismatchOverrideBy: officers.find((o) => o.funderId === h.funderId)?.userId ?? null, mismatchOverrideAt: submittedAt }).where(eq(applicationHalves.id, h.id));
    }
    if (p.cnTitleZh && h.side === 'CN') {
      await tx.update(applicationHalves).set({ mismatchOverrideReason: '中文名称为正式译名，经双方确认。', mismatchOverrideBy: officers.find((o) => o.funderId === h.funderId)?.userId ?? null,
        mismatchOverrideAt: submittedAt }).where(eq(applicationHalves.id, h.id));
    }
    const snapshot = await snapshotOf(tx, app, h);
    const submitter = h.side === 'BY' ? byUser.id : cnUser.id;
    await tx.insert(applicationVersions).values({ id: newId(), halfId: h.id, version: 1, snapshot, sha256: canonicalHash(snapshot), submittedBy: submitter, submittedAt });
    const ineligible = p.ineligible === h.side;
    const decidedBy = officers.find((o) => o.funderId === h.funderId)?.userId;
    if (decidedBy) {
      const cnt = await loadHalfContent(tx, h);
      const checks = automaticChecks(h.side as Side, cnt.sections, await callTerms(tx, c, h.funderId), c.eligibility, cnt.uploaded, cnt.organisations);
      await tx.insert(eligibilityDecisions).values({ id: newId(), halfId: h.id, version: 1, decision: ineligible ? 'ineligible' : 'eligible', automatic: checks,
        checklist: [{ code: 'customer_letter', ok: !ineligible }, { code: 'cost_estimate', ok: true }],
        reasons: ineligible ? { ru: 'Нет письма государственного заказчика и обязательства о софинансировании.', zh: '缺少国家订购方函件和共同出资承诺。', en: 'The state customer\'s letter and co-financing commitment are missing.' } : {},
        decidedBy, decidedAt: new Date('2022-01-14T08:00:00Z') });
    }
    await tx.update(applicationHalves).set({ status: decidedBy ? (ineligible ? 'ineligible' : 'eligible') : 'submitted', submittedVersion: 1, submittedAt, updatedAt: submittedAt })
      .where(eq(applicationHalves.id, h.id));
  }
  void deps;
}

export const callsDemoStep: Step = {
  key: 'demo:calls:v1',
  async run(tx, deps, now) {
    await tx.insert(organisations).values({ id: newId(), ...NSFC, verifiedAt: now, createdAt: now, updatedAt: now }).onConflictDoNothing();
    const fGknt = await addFunder(tx, 'by-gknt', 'BYN', 'Europe/Minsk', now);
    const fMost = await addFunder(tx, 'cn-most', 'CNY', 'Asia/Shanghai', now);
    const fBrffi = await addFunder(tx, 'by-brffi', 'BYN', 'Europe/Minsk', now);
    const fNsfc = await addFunder(tx, 'cn-nsfc', 'CNY', 'Asia/Shanghai', now);
    const inter = newId(), fundamental = newId();
    await tx.insert(programmes).values([
      { id: inter, slug: 'by-cn-intergovernmental', name: DEMO_CALL_SPEC.programme, description: DEMO_CALL_SPEC.programmeDescription, createdAt: now, updatedAt: now },
      { id: fundamental, slug: 'brffi-nsfc', name: { ru: 'Совместные фундаментальные исследования БРФФИ–ГФЕН', zh: '白俄罗斯基础研究基金会—国家自然科学基金委联合基础研究', en: 'BRFFR–NSFC joint fundamental research' }, createdAt: now, updatedAt: now },
    ]);
    await tx.insert(programmeFunders).values([{ programmeId: inter, funderId: fGknt }, { programmeId: inter, funderId: fMost }, { programmeId: fundamental, funderId: fBrffi }, { programmeId: fundamental, funderId: fNsfc }]);
    for (const [f, amounts] of [[fGknt, [2000000, 2000000]], [fMost, [20000000, 20000000]]] as const) {
      for (const [i, amount] of amounts.entries()) await tx.insert(funderBudgets).values({ funderId: f, programmeId: inter, year: 2022 + i, amount: String(amount) });
    }
    await ensureOfficers(tx, { 'by-gknt': fGknt, 'cn-most': fMost }, now);
    const closed = await addCall(tx, { programmeId: inter, slug: 'bycn-2022-2023', title: DEMO_CALL_SPEC.title2022, description: DEMO_CALL_SPEC.description, type: 'joint',
      start: 2022, end: 2023, opens: zonedToUtc('2021-11-15T00:00', 'Europe/Minsk'), closes: zonedToUtc('2021-12-24T00:00', 'Europe/Minsk'),
      funders: [[fGknt, 'BY'], [fMost, 'CN']], caps: [[fGknt, 2022, 100000], [fGknt, 2023, 100000], [fMost, 2022, 900000], [fMost, 2023, 900000]] }, now);
    // The open call: opened a week before the demo was loaded, closes seven weeks after, at midnight in Minsk.
    const day = now.toISOString().slice(0, 10);
    const plus = (d: number) => new Date(Date.parse(`${day}T00:00:00Z`) + d * 86400_000).toISOString().slice(0, 10);
    const year = new Date(Date.parse(plus(60))).getUTCFullYear() + 1;
    await addCall(tx, { programmeId: inter, slug: `bycn-${year}-${year + 1}`, type: 'joint',
      title: { ru: `Совместные научно-технические проекты ${year}–${year + 1}`, zh: `${year}—${year + 1}年中白联合科技项目`, en: `Joint S&T projects ${year}–${year + 1}` },
      description: DEMO_CALL_SPEC.description, start: year, end: year + 1, opens: zonedToUtc(`${plus(-7)}T00:00`, 'Europe/Minsk'), closes: zonedToUtc(`${plus(49)}T00:00`, 'Europe/Minsk'),
      funders: [[fGknt, 'BY'], [fMost, 'CN']], caps: [[fGknt, year, 100000], [fGknt, year + 1, 100000], [fMost, year, 900000], [fMost, year + 1, 900000]] }, now);
    // The call text as a downloadable document (Russian and Chinese).
    const text = await textPdf('Конкурс совместных проектов 2022–2023 · 2022—2023年联合项目征集', [DEMO_CALL_SPEC.description.ru!, DEMO_CALL_SPEC.description.zh!]);
    const textFile = await storeFile(tx, { name: 'call-2022-2023.pdf', mime: 'application/pdf', content: text, uploadedBy: null, now });
    await tx.insert(callDocuments).values({ id: newId(), callId: closed, fileId: textFile, title: { ru: 'Текст конкурса', zh: '征集通知', en: 'Call text' }, createdAt: now });
    const meeting = await plannedMeeting(tx);
    for (const [n, p] of DEMO_PROJECTS.entries()) await addPair(tx, deps, closed, fGknt, fMost, n, p, n === 0 ? meeting : null);
  },
};
