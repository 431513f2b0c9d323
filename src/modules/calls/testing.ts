// Helpers shared by the calls API tests: two funders with officers, a programme, an open call, and
// filling a half so that it is complete and mirrors its partner.
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/index.ts';
import type { Client, TestApp } from '../../testing/test-app.ts';
import { DEMO, signUp } from '../../testing/test-app.ts';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export async function orgId(t: TestApp, externalId: string) {
  const [o] = await t.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.externalId, externalId));
  return o.id;
}

export function multipart(name: string, content: Buffer, mime = 'application/pdf') {
  const boundary = '----synergy' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(c: Client, url: string, name: string, content: Buffer, mime?: string) {
  const m = multipart(name, content, mime);
  return c.request('POST', url, m.payload, { headers: m.headers });
}

export const callBody = (programmeId: string, by: string, cn: string, over: Record<string, unknown> = {}) => ({
  programmeId, slug: `call-${Math.random().toString(36).slice(2, 8)}`, type: 'joint',
  title: { ru: 'Совместные проекты 2022–2023', zh: '2022–2023年联合项目', en: 'Joint projects 2022–2023' },
  description: { ru: 'Конкурс совместных проектов', zh: '联合项目征集', en: 'Call for joint projects' }, status: 'published',
  projectStartYear: 2022, projectEndYear: 2023, timezone: 'Europe/Minsk', opensLocal: '2021-11-15T00:00', closesLocal: '2021-12-24T00:00',
  priorityAreas: ['ict_ai', 'instruments_photonics', 'medicine_biotech'], maxDurationMonths: 24,
  funders: [{ funderId: by, side: 'BY' }, { funderId: cn, side: 'CN' }],
  caps: [{ funderId: by, year: 2022, amount: 100000 }, { funderId: by, year: 2023, amount: 100000 }, { funderId: cn, year: 2022, amount: 850000 }, { funderId: cn, year: 2023, amount: 850000 }],
  criteria: [{ code: 'novelty', title: { en: 'Novelty' }, weight: 30, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 }],
  requiredDocuments: [{ code: 'work_plan', side: 'BY', title: { ru: 'Календарный план', en: 'Work plan' } }, { code: 'cn_form', side: 'CN', title: { zh: '申请书', en: 'Application form' } }],
  ...over,
});

export type World = Awaited<ReturnType<typeof setupWorld>>;

/** Funders (ГКНТ in BYN/Minsk, the Jilin department in CNY/Shanghai) with one officer each, a programme and an open call. */
export async function setupWorld(t: TestApp) {
  const organiser = t.client();
  await organiser.login(DEMO.organiser, DEMO.password);
  const gknt = await orgId(t, 'by-gknt'), jilin = await orgId(t, 'cn-jilin-dst');
  const fBy = await organiser.post('/api/funders', { organisationId: gknt, country: 'BY', currency: 'BYN', timezone: 'Europe/Minsk' });
  assert.equal(fBy.statusCode, 201, fBy.body);
  const fCn = await organiser.post('/api/funders', { organisationId: jilin, country: 'CN', currency: 'CNY', timezone: 'Asia/Shanghai' });
  assert.equal(fCn.statusCode, 201, fCn.body);
  const funderBy = fBy.json().id as string, funderCn = fCn.json().id as string;
  const p = await organiser.post('/api/programmes', { slug: `prog-${Math.random().toString(36).slice(2, 8)}`, name: { ru: 'Межправительственная программа', en: 'Intergovernmental programme' }, funderIds: [funderBy, funderCn] });
  assert.equal(p.statusCode, 201, p.body);
  const programmeId = p.json().id as string;
  const officerBy = await signUp(t, { email: `officer.by.${Math.random().toString(36).slice(2, 6)}@gknt.example`, name: 'Куратор ГКНТ', lang: 'ru' });
  const officerCn = await signUp(t, { email: `officer.cn.${Math.random().toString(36).slice(2, 6)}@jilin.example`, name: '吉林项目官员', lang: 'zh', country: 'CN', timezone: 'Asia/Shanghai' });
  for (const [f, c] of [[funderBy, officerBy], [funderCn, officerCn]] as const) {
    const me = (await c.get('/api/me')).json();
    const r = await organiser.post(`/api/funders/${f}/officers`, { userId: me.id });
    assert.equal(r.statusCode, 201, r.body);
  }
  const call = await organiser.post('/api/calls', callBody(programmeId, funderBy, funderCn));
  assert.equal(call.statusCode, 201, call.body);
  const by = t.client(), cn = t.client({ lang: 'zh' });
  await by.login(DEMO.participant, DEMO.password);
  await cn.login(DEMO.participantCn, DEMO.password);
  return { organiser, officerBy, officerCn, funderBy, funderCn, programmeId, callId: call.json().id as string, by, cn, orgs: { bntu: await orgId(t, 'by-bntu'), ciomp: await orgId(t, 'cn-ciomp') } };
}

/** The BY participant starts an application; the CN participant joins the CN side through the invitation link. */
export async function startJoint(_t: TestApp, w: World) {
  const r = await w.by.post(`/api/calls/${w.callId}/applications`, { side: 'BY', organisationId: w.orgs.bntu });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id as string;
  const inv = await w.by.post(`/api/applications/${id}/invitations`, { side: 'CN', role: 'editor', email: 'participant.cn@synergy.demo', organisationId: w.orgs.ciomp });
  assert.equal(inv.statusCode, 201, inv.body);
  const token = new URL(inv.json().link).searchParams.get('token')!;
  const j = await w.cn.post('/api/applications/join', { token });
  assert.equal(j.statusCode, 200, j.body);
  return id;
}

export const sectionsFor = (w: World, side: 'BY' | 'CN', over: { titleZh?: string } = {}) => ({
  title: { title: { ru: 'Лазерные датчики для медицины', zh: over.titleZh ?? '医用激光传感器', en: 'Laser sensors for medicine' },
    abstract: side === 'BY' ? { ru: 'Аннотация проекта' } : { zh: '项目摘要' }, areas: ['instruments_photonics'], durationMonths: 24 },
  consortium: { organisations: [{ organisationId: w.orgs.bntu, side: 'BY', role: 'lead' }, { organisationId: w.orgs.ciomp, side: 'CN', role: 'lead' }],
    pis: { BY: { userId: null, name: 'Андрей Мельников' }, CN: { userId: null, name: '李明' } } },
  workplan: { stages: [{ title: { ru: 'Этап 1', zh: '第一阶段' }, start: '2022-01-01', end: '2022-12-31', tasksBY: 'Прототип', tasksCN: '光学设计', deliverables: 'Отчёт' }] },
  budget: { lines: side === 'BY' ? [{ year: 2022, category: 'personnel', amount: 60000 }, { year: 2023, category: 'equipment', amount: 40000 }] : [{ year: 2022, category: 'personnel', amount: 500000 }] },
  results: { expected: side === 'BY' ? { ru: 'Опытный образец' } : { zh: '样机' }, indicators: [{ code: 'prototypes', target: 1 }] },
  ip: { plan: side === 'BY' ? { ru: 'Совместный патент' } : { zh: '联合专利' } },
  ...(side === 'BY' ? { customer: { stateCustomer: 'Министерство здравоохранения', commitment: true, coFinancing: 20000 } } : {}),
});

/** Saves every section of a half (from their current versions) and uploads its required document. */
export async function fillHalf(_t: TestApp, w: World, c: Client, id: string, side: 'BY' | 'CN', over: { titleZh?: string } = {}) {
  const app = (await c.get(`/api/applications/${id}`)).json();
  const half = app.halves.find((h: { side: string }) => h.side === side);
  for (const [key, content] of Object.entries(sectionsFor(w, side, over))) {
    const base = half.sections.find((s: { key: string }) => s.key === key).version;
    const r = await c.put(`/api/applications/${id}/halves/${side}/sections/${key}`, { baseVersion: base, content });
    assert.equal(r.statusCode, 200, `${key}: ${r.body}`);
  }
  const u = await upload(c, `/api/applications/${id}/halves/${side}/attachments/${side === 'BY' ? 'work_plan' : 'cn_form'}`, side === 'BY' ? 'план.pdf' : '申请书.pdf', PDF);
  assert.equal(u.statusCode, 201, u.body);
}
