// The sections of an application half: their zod schemas (what a save may contain) and completeness
// (what is still missing before submission). Pure: no database, no clock.
import { z } from 'zod';
import { mlSchema } from '../../shared/ml-schema.ts';
import type { Ml } from '../../shared/languages.ts';
import type { Side } from './policy.ts';

export const SECTION_KEYS = ['title', 'consortium', 'workplan', 'budget', 'results', 'ip', 'customer'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
/** The customer and co-financing section is the Belarusian side's only. */
export const sectionsOf = (side: Side): SectionKey[] => SECTION_KEYS.filter((k) => k !== 'customer' || side === 'BY');

export const BUDGET_CATEGORIES = ['personnel', 'equipment', 'materials', 'travel', 'subcontracting', 'overheads'] as const;
export const INDICATORS = ['publications', 'patents', 'prototypes', 'technologies', 'jobs', 'joint_labs', 'revenue'] as const;
const side = z.enum(['BY', 'CN']);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
const person = z.object({ userId: z.string().uuid().nullable().default(null), name: z.string().trim().max(200).default('') }).strict();

export const sectionSchemas = {
  title: z.object({
    title: mlSchema({ max: 300 }).default({}), abstract: mlSchema({ max: 4000 }).default({}),
    areas: z.array(z.string().max(80)).max(5).default([]), durationMonths: z.number().int().min(1).max(120).nullable().default(null),
  }).strict(),
  consortium: z.object({
    organisations: z.array(z.object({ organisationId: z.string().uuid(), side, role: z.enum(['lead', 'partner']) }).strict()).max(20).default([]),
    pis: z.object({ BY: person.default({ userId: null, name: '' }), CN: person.default({ userId: null, name: '' }) }).strict().default({ BY: { userId: null, name: '' }, CN: { userId: null, name: '' } }),
  }).strict(),
  workplan: z.object({
    stages: z.array(z.object({
      title: mlSchema({ max: 300 }), start: date, end: date, tasksBY: z.string().max(2000).default(''), tasksCN: z.string().max(2000).default(''),
      deliverables: z.string().max(2000).default(''),
    }).strict().refine((s) => s.start <= s.end, { message: 'stage_dates', path: ['end'] })).max(24).default([]),
  }).strict(),
  budget: z.object({
    lines: z.array(z.object({ year: z.number().int().min(2000).max(2100), category: z.enum(BUDGET_CATEGORIES), amount: z.number().min(0).max(1e10) }).strict()).max(200).default([]),
  }).strict(),
  results: z.object({
    expected: mlSchema({ max: 4000 }).default({}),
    indicators: z.array(z.object({ code: z.enum(INDICATORS), target: z.number().min(0).max(1e9) }).strict()).max(20).default([]),
  }).strict(),
  ip: z.object({ plan: mlSchema({ max: 4000 }).default({}) }).strict(),
  customer: z.object({
    stateCustomer: z.string().trim().max(300).default(''), commitment: z.boolean().default(false), coFinancing: z.number().min(0).max(1e10).default(0),
  }).strict(),
} satisfies Record<SectionKey, z.ZodType>;

export type Sections = { [K in SectionKey]: z.output<(typeof sectionSchemas)[K]> };
export const emptySection = <K extends SectionKey>(key: K): Sections[K] => sectionSchemas[key].parse({}) as Sections[K];

/** The language each side must provide at least (its own). */
export const OWN_LANG: Record<Side, 'ru' | 'zh'> = { BY: 'ru', CN: 'zh' };

export type CallTerms = {
  projectStartYear: number; projectEndYear: number; maxDurationMonths: number; priorityAreas: string[];
  caps: { year: number; amount: number }[]; requiredDocuments: { code: string; side: string; required: boolean }[];
};
export type Problem = { section: SectionKey | 'documents'; code: string; params?: Record<string, unknown> };

const has = (m: Ml | undefined, l: keyof Ml) => !!m?.[l]?.trim();

/** What a half still lacks (or breaks) before it can be submitted. An empty list means complete. */
export function problemsOf(s: Side, sections: Partial<Sections>, terms: CallTerms, uploadedDocs: string[]): Problem[] {
  const out: Problem[] = [];
  const own = OWN_LANG[s];
  const t = sections.title ?? emptySection('title');
  if (!has(t.title, 'ru')) out.push({ section: 'title', code: 'title_ru_missing' });
  if (!has(t.title, 'zh')) out.push({ section: 'title', code: 'title_zh_missing' });
  if (!has(t.abstract, own)) out.push({ section: 'title', code: 'abstract_missing', params: { lang: own } });
  if (!t.areas.length) out.push({ section: 'title', code: 'areas_missing' });
  const outside = terms.priorityAreas.length ? t.areas.filter((a) => !terms.priorityAreas.some((p) => a === p || a.startsWith(`${p}.`))) : [];
  if (outside.length) out.push({ section: 'title', code: 'areas_outside_call', params: { areas: outside.join(', ') } });
  if (t.durationMonths == null) out.push({ section: 'title', code: 'duration_missing' });
  else if (t.durationMonths > terms.maxDurationMonths) out.push({ section: 'title', code: 'duration_too_long', params: { max: terms.maxDurationMonths } });

  const c = sections.consortium ?? emptySection('consortium');
  for (const x of ['BY', 'CN'] as const) {
    if (!c.organisations.some((o) => o.side === x && o.role === 'lead')) out.push({ section: 'consortium', code: 'lead_missing', params: { side: x } });
    if (c.organisations.filter((o) => o.side === x && o.role === 'lead').length > 1) out.push({ section: 'consortium', code: 'lead_twice', params: { side: x } });
    if (!c.pis[x].name.trim()) out.push({ section: 'consortium', code: 'pi_missing', params: { side: x } });
  }

  const w = sections.workplan ?? emptySection('workplan');
  if (!w.stages.length) out.push({ section: 'workplan', code: 'stages_missing' });
  const from = `${terms.projectStartYear}-01-01`, to = `${terms.projectEndYear}-12-31`;
  if (w.stages.some((st) => st.start < from || st.end > to)) out.push({ section: 'workplan', code: 'stage_outside_period', params: { from, to } });

  const b = sections.budget ?? emptySection('budget');
  if (!b.lines.length) out.push({ section: 'budget', code: 'budget_missing' });
  for (const [year, total] of budgetTotals(b.lines)) {
    if (year < terms.projectStartYear || year > terms.projectEndYear) out.push({ section: 'budget', code: 'budget_year_outside', params: { year } });
    const cap = terms.caps.find((x) => x.year === year);
    if (cap && total > cap.amount) out.push({ section: 'budget', code: 'budget_over_cap', params: { year, total, cap: cap.amount } });
  }

  const r = sections.results ?? emptySection('results');
  if (!has(r.expected, own)) out.push({ section: 'results', code: 'results_missing', params: { lang: own } });
  const ip = sections.ip ?? emptySection('ip');
  if (!has(ip.plan, own)) out.push({ section: 'ip', code: 'ip_missing', params: { lang: own } });
  if (s === 'BY') {
    const cu = sections.customer ?? emptySection('customer');
    if (!cu.stateCustomer) out.push({ section: 'customer', code: 'customer_missing' });
    if (!cu.commitment) out.push({ section: 'customer', code: 'commitment_missing' });
  }
  for (const d of terms.requiredDocuments) {
    if (d.side === s && d.required && !uploadedDocs.includes(d.code)) out.push({ section: 'documents', code: 'document_missing', params: { document: d.code } });
  }
  return out;
}

/** Totals per year, in ascending year order. */
export function budgetTotals(lines: { year: number; amount: number }[]): [number, number][] {
  const m = new Map<number, number>();
  for (const l of lines) m.set(l.year, Math.round(((m.get(l.year) ?? 0) + l.amount) * 100) / 100);
  return [...m].sort((a, b) => a[0] - b[0]);
}

/** Completeness per section: { key, complete, problems } for the editor's indicator. */
export function completeness(s: Side, sections: Partial<Sections>, terms: CallTerms, uploadedDocs: string[]) {
  const problems = problemsOf(s, sections, terms, uploadedDocs);
  const keys: (SectionKey | 'documents')[] = [...sectionsOf(s), 'documents'];
  const perSection = keys.map((key) => ({ key, complete: !problems.some((p) => p.section === key), problems: problems.filter((p) => p.section === key) }));
  return { complete: problems.length === 0, percent: Math.round((perSection.filter((x) => x.complete).length / keys.length) * 100), sections: perSection };
}
