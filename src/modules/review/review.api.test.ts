// Expert review end to end through the API: pool, panel per side with officer scoping both ways,
// conflicts excluded from the engine's run (with reasons), experts see only their assignments (and no
// content before "no conflict"), versioned autosave, submission, declared conflict with re-assignment,
// reviews hidden from applicants until release and never with names, calibration, reminders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { organisationMembers, userRoles, users } from '../../db/schema/index.ts';
import { createTestApp, DEMO, roleClients, signUp, type Client, type TestApp } from '../../testing/test-app.ts';
import { fillHalf, orgId, setupWorld, startJoint, type World } from '../calls/testing.ts';
import { outboxFor } from '../../platform/mail.ts';
import { sendReviewReminders } from './reminders.ts';

let t: TestApp;
let w: World;
let roles: Awaited<ReturnType<typeof roleClients>>;
const apps: string[] = [];
const ex: Record<string, { c: Client; id: string; email: string }> = {};

async function makeExpert(key: string, o: { email: string; name: string; country: 'BY' | 'CN'; lang: 'ru' | 'zh' | 'en'; tz: string; statement: Record<string, string>; keywords: string[]; orgExternal?: string }) {
  await signUp(t, { email: o.email, name: o.name, country: o.country, lang: o.lang, timezone: o.tz });
  const [u] = await t.deps.db.select().from(users).where(eq(users.email, o.email));
  await t.deps.db.insert(userRoles).values({ userId: u.id, role: 'expert', grantedAt: new Date() });
  if (o.orgExternal) await t.deps.db.insert(organisationMembers).values({ organisationId: await orgId(t, o.orgExternal), userId: u.id, role: 'member', createdAt: new Date() });
  const c = t.client({ lang: o.lang });
  await c.login(o.email, 'correct horse battery');
  const r = await c.put('/api/review/me/expert', { statement: o.statement, keywords: o.keywords, areas: ['instruments_photonics'], languages: [o.lang], country: o.country, maxLoad: 6 });
  assert.equal(r.statusCode, 200, r.body);
  ex[key] = { c, id: u.id, email: o.email };
}

before(async () => {
  t = await createTestApp({ demo: 'base', start: '2021-12-20T09:00:00Z' });
  w = await setupWorld(t);
  roles = await roleClients(t);
  for (let i = 0; i < 2; i++) {
    const id = await startJoint(t, w);
    await fillHalf(t, w, w.by, id, 'BY');
    await fillHalf(t, w, w.cn, id, 'CN');
    for (const [c, side] of [[w.by, 'BY'], [w.cn, 'CN']] as const) {
      const r = await c.post(`/api/applications/${id}/halves/${side}/submit`);
      assert.equal(r.statusCode, 200, r.body);
    }
    apps.push(id);
  }
  t.clock.set('2021-12-20T12:00:00Z');
  await makeExpert('laser', { email: 'laser@exp.by', name: 'Ирина Лазерова', country: 'BY', lang: 'ru', tz: 'Europe/Minsk', statement: { ru: 'Лазерные датчики, оптика, медицинские приборы' }, keywords: ['лазер', 'датчики'] });
  await makeExpert('optics', { email: 'optics@exp.by', name: 'Павел Оптиков', country: 'BY', lang: 'ru', tz: 'Europe/Minsk', statement: { ru: 'Оптическая спектроскопия и медицинская диагностика' }, keywords: ['оптика'] });
  await makeExpert('bntu', { email: 'bntu@exp.by', name: 'Олег Бнтуев', country: 'BY', lang: 'ru', tz: 'Europe/Minsk', statement: { ru: 'Лазерная обработка материалов' }, keywords: ['лазер'], orgExternal: 'by-bntu' });
  await makeExpert('sensors', { email: 'sensors@exp.by', name: 'Анна Сенсорова', country: 'BY', lang: 'en', tz: 'Europe/Minsk', statement: { en: 'Medical sensors and laser instruments' }, keywords: ['sensors'] });
  await makeExpert('cn1', { email: 'cn1@exp.cn', name: '王光', country: 'CN', lang: 'zh', tz: 'Asia/Shanghai', statement: { zh: '激光传感器与医疗仪器' }, keywords: ['激光'] });
});
after(async () => { await t.close(); });

const base = () => `/api/calls/${w.callId}/review`;

test('pool and panel: experts keep a record; only the side\'s officer invites; experts answer their own invitation', async () => {
  assert.equal((await roles.participant.put('/api/review/me/expert', {})).statusCode, 403);
  assert.equal((await roles.anonymous.get('/api/review/experts')).statusCode, 401);
  assert.equal((await roles.participant.get('/api/review/experts')).statusCode, 403);
  const pool = await w.officerBy.get('/api/review/experts?country=BY');
  assert.equal(pool.statusCode, 200, pool.body);
  assert.ok(pool.json().some((e: { name: string }) => e.name === 'Ирина Лазерова'));
  const ids = ['laser', 'optics', 'bntu', 'sensors'].map((k) => ex[k].id);
  assert.equal((await w.officerCn.post(`${base()}/BY/invitations`, { expertUserIds: ids })).statusCode, 403, 'the Chinese officer cannot build the Belarusian panel');
  assert.equal((await w.organiser.post(`${base()}/BY/invitations`, { expertUserIds: ids })).statusCode, 403, 'organisers read, they do not act for a funder');
  const inv = await w.officerBy.post(`${base()}/BY/invitations`, { expertUserIds: ids });
  assert.equal(inv.statusCode, 200, inv.body);
  assert.equal(inv.json().invited, 4);
  assert.equal((await w.officerCn.post(`${base()}/CN/invitations`, { expertUserIds: [ex.cn1.id] })).statusCode, 200);
  assert.equal((await ex.cn1.c.post(`${base()}/BY/invitations/respond`, { accept: true })).statusCode, 404, 'not invited to that side');
  for (const k of ['laser', 'optics', 'bntu', 'sensors']) assert.equal((await ex[k].c.post(`${base()}/BY/invitations/respond`, { accept: true })).statusCode, 200);
  assert.equal((await ex.laser.c.post(`${base()}/BY/invitations/respond`, { accept: true })).statusCode, 409, 'answered already');
  const mail = (await outboxFor(t.deps.db, 'laser@exp.by')).find((m) => m.template === 'review_invited');
  assert.match(mail!.subject, /Приглашение в экспертный совет/);
  const settings = await w.officerBy.put(`${base()}/BY/settings`, { conflictYears: 3, reviewsPerHalf: 2, reviewDeadline: '2021-12-23T20:59:00Z', divergenceThreshold: 3,
    anchors: { novelty: [{ level: 0, text: { ru: 'Нет новизны' } }, { level: 5, text: { ru: 'Мировой уровень' } }] } });
  assert.equal(settings.statusCode, 200, settings.body);
  assert.equal((await w.officerBy.put(`${base()}/BY/settings`, { conflictYears: 3, reviewsPerHalf: 1, mixQuota: { BY: 1, CN: 1 } })).statusCode, 400, 'quotas above the demand');
  const panel = (await w.organiser.get(`${base()}/BY`)).json();
  assert.equal(panel.canManage, false);
  assert.equal(panel.members.filter((m: { status: string }) => m.status === 'accepted').length, 4);
  assert.equal((await w.officerCn.get(`${base()}/BY`)).statusCode, 403);
});

test('assignment: the officer runs the engine; the conflicted expert (same organisation as the consortium) is excluded with the reason', async () => {
  const conflicts = await w.officerBy.get(`${base()}/BY/conflicts`);
  assert.equal(conflicts.statusCode, 200, conflicts.body);
  const bntu = conflicts.json().filter((c: { expertUserId: string }) => c.expertUserId === ex.bntu.id);
  assert.equal(bntu.length, 2);
  assert.equal(bntu[0].reasons[0].code, 'same_organisation');
  assert.ok(bntu[0].reasons[0].organisation, 'the organisation is named');
  assert.equal((await w.officerCn.post(`${base()}/BY/assignment-runs`, { mode: 'optimal' })).statusCode, 403);
  assert.equal((await w.organiser.post(`${base()}/BY/assignment-runs`, { mode: 'optimal' })).statusCode, 403);
  const run = await w.officerBy.post(`${base()}/BY/assignment-runs`, { mode: 'optimal' });
  assert.equal(run.statusCode, 201, run.body);
  assert.equal(run.json().assignments, 4);
  assert.ok(Math.abs(run.json().objective - run.json().upperBound) < 1e-6, 'optimal: objective equals its certificate');
  assert.equal(run.json().excludedConflicts, 2);
  const table = (await w.officerBy.get(`${base()}/BY/assignments`)).json();
  assert.equal(table.run.lang, 'ru');
  const active = table.assignments.filter((a: { status: string }) => a.status === 'assigned');
  assert.equal(active.length, 4);
  assert.ok(!active.some((a: { expertUserId: string }) => a.expertUserId === ex.bntu.id));
  for (const a of apps) assert.equal(new Set(active.filter((x: { applicationId: string }) => x.applicationId === a).map((x: { expertUserId: string }) => x.expertUserId)).size, 2);
  assert.ok(active.some((a: { reasons: string[] }) => a.reasons.some((r) => /[а-я]/i.test(r))), `reasons in Russian: ${JSON.stringify(active.map((a: { reasons: string[] }) => a.reasons))}`);
  const fair = await w.officerBy.post(`${base()}/BY/assignment-runs`, { mode: 'fair' });
  assert.equal(fair.statusCode, 201, 'a re-run replaces unconfirmed assignments');
  const rnd = await w.officerBy.post(`${base()}/BY/assignment-runs`, { mode: 'randomised', q: 0.9, seed: 3 });
  assert.equal(rnd.statusCode, 201, rnd.body);
  const now = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments.filter((a: { status: string }) => a.status === 'assigned');
  assert.equal(now.length, 4, 'only the latest run is active');
});

async function mine(k: string) {
  const r = await ex[k].c.get('/api/review/assignments');
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as { id: string; status: string; title: unknown; reference: string }[];
}

test('experts see only their own assignments, and nothing of an application before confirming no conflict', async () => {
  const table = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments.filter((a: { status: string }) => a.status === 'assigned');
  const holders = [...new Set(table.map((a: { expertUserId: string }) => a.expertUserId))] as string[];
  const k = Object.keys(ex).find((x) => ex[x].id === holders[0])!;
  const my = await mine(k);
  assert.deepEqual(my.map((a) => a.id).sort(), table.filter((a: { expertUserId: string }) => a.expertUserId === ex[k].id).map((a: { id: string }) => a.id).sort());
  assert.equal(my[0].title, null, 'no title before "no conflict"');
  assert.equal((await mine('bntu')).length, 0, 'the conflicted expert has nothing');
  assert.equal((await ex.cn1.c.get('/api/review/assignments')).json().length, 0);
  const id = my[0].id;
  assert.equal((await ex[k].c.get(`/api/review/assignments/${id}`)).json().error.code, 'review_not_confirmed');
  const other = Object.keys(ex).find((x) => x !== k && x !== 'cn1')!;
  assert.equal((await ex[other].c.get(`/api/review/assignments/${id}`)).statusCode, 404, 'another expert learns nothing');
  assert.equal((await ex.bntu.c.get(`/api/review/assignments/${id}`)).statusCode, 404);
  for (const c of [roles.participant, roles.admin, roles.organiser, w.officerBy, w.officerCn, w.by]) assert.equal((await c.get(`/api/review/assignments/${id}`)).statusCode, 403);
  assert.equal((await roles.anonymous.get(`/api/review/assignments/${id}`)).statusCode, 401);
  for (const c of [roles.participant, w.officerCn, w.by, w.cn]) assert.equal((await c.get(`${base()}/BY/reviews`)).statusCode, 403);
  assert.equal((await roles.expert.get(`${base()}/BY/assignments`)).statusCode, 403);
  assert.equal((await roles.anonymous.get(`${base()}/BY/assignments`)).statusCode, 401);
});

test('review: confirm no conflict, versioned autosave, scale checks, submission; a run after confirmations is refused', async () => {
  const table = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments.filter((a: { status: string }) => a.status === 'assigned');
  const a = table[0];
  const k = Object.keys(ex).find((x) => ex[x].id === a.expertUserId)!;
  const c = ex[k].c;
  assert.equal((await c.post(`/api/review/assignments/${a.id}/confirm`, { noConflict: true })).json().status, 'confirmed');
  const form = await c.get(`/api/review/assignments/${a.id}`);
  assert.equal(form.statusCode, 200, form.body);
  assert.equal(form.json().criteria[0].code, 'novelty');
  assert.equal(form.json().criteria[0].anchors.length, 2);
  assert.equal(form.json().half.title.ru, 'Лазерные датчики для медицины');
  const draft = { baseVersion: 0, scores: { novelty: 4 }, commentToApplicants: 'Сильная заявка', commentToOfficer: 'Конфиденциально: рекомендую', recommendation: 'fund', confidence: 4 };
  const s1 = await c.put(`/api/review/assignments/${a.id}/review`, draft);
  assert.equal(s1.json().version, 1, s1.body);
  const stale = await c.put(`/api/review/assignments/${a.id}/review`, draft);
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'review_version_conflict');
  const bad = await c.put(`/api/review/assignments/${a.id}/review`, { ...draft, baseVersion: 1, scores: { novelty: 4.3 } });
  assert.equal(bad.statusCode, 400);
  assert.match(JSON.stringify(bad.json().error.fields), /scores\.novelty/, 'the field is named in fields[]');
  const s2 = await c.put(`/api/review/assignments/${a.id}/review`, { ...draft, baseVersion: 1, scores: { novelty: 4.5 } });
  assert.equal(s2.json().version, 2);
  assert.equal((await w.officerBy.post(`${base()}/BY/assignment-runs`, { mode: 'optimal' })).json().error.code, 'review_assignment_started');
  assert.equal((await c.post(`/api/review/assignments/${a.id}/submit`, { baseVersion: 2 })).statusCode, 200);
  assert.equal((await c.put(`/api/review/assignments/${a.id}/review`, { ...draft, baseVersion: 2 })).json().error.code, 'review_already_submitted');
  const rv = (await w.officerBy.get(`${base()}/BY/reviews`)).json();
  assert.equal(rv.length, 1);
  assert.equal(rv[0].commentToOfficer, 'Конфиденциально: рекомендую');
  assert.equal(rv[0].overall, 9);
  assert.equal((await w.organiser.get(`${base()}/BY/reviews`)).statusCode, 200, 'staff read');
});

test('a declared conflict removes the assignment and re-assigns to an eligible expert (never the conflicted one)', async () => {
  const table = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments.filter((a: { status: string }) => a.status === 'assigned');
  const a = table[0];
  const k = Object.keys(ex).find((x) => ex[x].id === a.expertUserId)!;
  const r = await ex[k].c.post(`/api/review/assignments/${a.id}/confirm`, { conflict: 'Руководитель проекта — мой бывший аспирант' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().replacement, true);
  const after = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments;
  assert.equal(after.find((x: { id: string }) => x.id === a.id).status, 'removed');
  const onHalf = after.filter((x: { applicationId: string; status: string }) => x.applicationId === a.applicationId && x.status !== 'removed');
  assert.equal(onHalf.length, 2);
  assert.ok(!onHalf.some((x: { expertUserId: string }) => x.expertUserId === ex[k].id || x.expertUserId === ex.bntu.id));
  const conflicts = (await w.officerBy.get(`${base()}/BY/conflicts`)).json();
  assert.ok(conflicts.some((c: { expertUserId: string; reasons: { code: string; params: { reason?: string } }[] }) => c.expertUserId === ex[k].id && c.reasons.some((x) => x.code === 'declared' && x.params.reason?.includes('аспирант'))));
  assert.equal((await ex[k].c.get(`/api/review/assignments/${a.id}`)).statusCode, 404, 'nothing of a conflicted application');
});

test('reviews are hidden from applicants until the side\'s officer releases them, and never carry names or confidential comments', async () => {
  const reviewed = (await w.officerBy.get(`${base()}/BY/reviews`)).json()[0];
  const before = await w.by.get(`/api/applications/${reviewed.applicationId}/reviews`);
  assert.equal(before.statusCode, 200, before.body);
  assert.deepEqual(before.json().find((s: { side: string }) => s.side === 'BY'), { side: 'BY', released: false, reviews: [], finalScore: null, consensus: null });
  assert.equal((await roles.participantCn.get(`/api/applications/${reviewed.applicationId}/reviews`)).statusCode, 200);
  assert.equal((await roles.expert.get(`/api/applications/${reviewed.applicationId}/reviews`)).statusCode, 404, 'not a member');
  assert.equal((await w.officerCn.post(`${base()}/BY/release`)).statusCode, 403);
  assert.equal((await w.officerBy.put(`/api/applications/${reviewed.applicationId}/review/BY/consensus`, { report: 'Совет согласен: сильный проект', finalScore: 8.5 })).statusCode, 200);
  assert.equal((await w.officerBy.post(`${base()}/BY/release`)).statusCode, 200);
  const afterRelease = await w.by.get(`/api/applications/${reviewed.applicationId}/reviews`);
  const by = afterRelease.json().find((s: { side: string }) => s.side === 'BY');
  assert.equal(by.released, true);
  assert.equal(by.reviews.length, 1);
  assert.equal(by.reviews[0].commentToApplicants, 'Сильная заявка');
  assert.equal(by.finalScore, 8.5);
  const text = afterRelease.body;
  for (const e of Object.values(ex)) assert.ok(!text.includes(e.id), 'no reviewer ids');
  assert.ok(!/Лазерова|Оптиков|Сенсорова|Конфиденциально/.test(text), 'no names, no confidential comments');
  assert.equal(afterRelease.json().find((s: { side: string }) => s.side === 'CN').released, false, 'the other side decides for itself');
  const cal = await w.officerBy.get(`${base()}/BY/calibration`);
  assert.equal(cal.statusCode, 200, cal.body);
  assert.equal(cal.json().applications[0].consensus.finalScore, 8.5);
  assert.equal(cal.json().applications[0].rawMean, 9);
});

test('reminders before the review deadline reach experts with open assignments in their language; one per kind', async () => {
  t.clock.set('2021-12-21T12:00:00Z');
  const sent = await sendReviewReminders(t.deps);
  assert.ok(sent >= 1);
  assert.equal(await sendReviewReminders(t.deps), 0, 'idempotent');
  const open = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments.filter((a: { status: string }) => a.status === 'assigned' || a.status === 'confirmed');
  const k = Object.keys(ex).find((x) => ex[x].id === open[0].expertUserId)!;
  const mail = (await outboxFor(t.deps.db, ex[k].email)).find((m) => m.template === 'review_reminder');
  assert.ok(mail, 'reminder mailed');
  t.clock.set('2021-12-24T12:00:00Z');
  assert.ok(await sendReviewReminders(t.deps) >= 1);
  const late = (await w.officerBy.get(`${base()}/BY/assignments`)).json().assignments.filter((a: { status: string; late: boolean }) => a.status === 'assigned' && a.late);
  assert.ok(late.length >= 1, 'late reviews are flagged');
  assert.ok(DEMO.password);
});
