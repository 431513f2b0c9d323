// Applications end to end through the API: roles and scoping, versioned sections, mirror check and
// override, submission deadline by the server clock across zones, receipts and their hash, uploads.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createTestApp, roleClients, signUp, type TestApp } from '../../testing/test-app.ts';
import { fillHalf, PDF, setupWorld, startJoint, upload, type World } from './testing.ts';

const START = '2021-12-20T09:00:00Z';
let t: TestApp;
let w: World;
let roles: Awaited<ReturnType<typeof roleClients>>;
before(async () => {
  t = await createTestApp({ demo: 'base', start: START });
  w = await setupWorld(t);
  roles = await roleClients(t);
});
after(async () => { await t.close(); });
afterEach(() => { t.clock.set(START); });

const half = (app: { halves: { side: string }[] }, side: string) => app.halves.find((h) => h.side === side) as Record<string, any>;

test('calls: staff create funders and calls; the public list shows them by phase; others are refused', async () => {
  assert.equal((await roles.participant.post('/api/funders', { organisationId: w.orgs.bntu, country: 'BY', currency: 'BYN', timezone: 'Europe/Minsk' })).statusCode, 403);
  assert.equal((await roles.anonymous.post('/api/programmes', {})).statusCode, 401);
  assert.equal((await roles.expert.post('/api/calls', {})).statusCode, 403);
  const list = (await roles.anonymous.get('/api/calls')).json();
  const c = list.find((x: { id: string }) => x.id === w.callId);
  assert.equal(c.phase, 'open');
  assert.deepEqual(c.funders.map((f: { side: string; currency: string; timezone: string }) => [f.side, f.currency, f.timezone]), [['BY', 'BYN', 'Europe/Minsk'], ['CN', 'CNY', 'Asia/Shanghai']]);
  assert.equal(c.closesAt, '2021-12-23T21:00:00.000Z', '24 Dec 00:00 Minsk');
  const page = (await roles.anonymous.get(`/api/calls/${w.callId}`)).json();
  assert.equal(page.canApply, false);
  assert.equal(page.requiredDocuments.length, 2);
  assert.equal((await roles.participant.get(`/api/calls/${w.callId}`)).json().canApply, true);
  // A draft call is invisible to the public and to participants.
  const draft = await w.organiser.post('/api/calls', { ...(await import('./testing.ts')).callBody(w.programmeId, w.funderBy, w.funderCn), status: 'draft' });
  assert.equal(draft.statusCode, 201, draft.body);
  assert.equal((await roles.anonymous.get(`/api/calls/${draft.json().id}`)).statusCode, 404);
  assert.equal((await w.officerCn.get(`/api/calls/${draft.json().id}`)).statusCode, 200, 'officers of its funders see drafts');
  // A funder whose country differs from its side is refused with a field message.
  const bad = await w.organiser.post('/api/calls', (await import('./testing.ts')).callBody(w.programmeId, w.funderCn, w.funderBy));
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'side_not_in_call');
});

test('applicants see only their own applications; the partner of the other side sees the joint project; staff read', async () => {
  const id = await startJoint(t, w);
  const app = (await w.cn.get(`/api/applications/${id}`)).json();
  assert.equal(app.myMembership.side, 'CN');
  assert.equal(app.halves.length, 2);
  assert.equal(half(app, 'CN').can.edit, true);
  assert.equal(half(app, 'BY').can.edit, false, 'not the mirror half');
  const stranger = await signUp(t, { email: 'stranger@example.org' });
  assert.equal((await stranger.get(`/api/applications/${id}`)).statusCode, 404);
  assert.deepEqual((await stranger.get('/api/applications')).json(), []);
  assert.equal((await roles.expert.get(`/api/applications/${id}`)).statusCode, 404);
  assert.equal((await roles.anonymous.get(`/api/applications/${id}`)).statusCode, 401);
  const asOrganiser = (await w.organiser.get(`/api/applications/${id}`)).json();
  assert.equal(half(asOrganiser, 'BY').can.edit, false);
  assert.equal(half(asOrganiser, 'BY').can.decide, false, 'a global organiser reads but does not decide');
  const asOfficer = (await w.officerCn.get(`/api/applications/${id}`)).json();
  assert.equal(half(asOfficer, 'CN').can.override, true);
  assert.equal(half(asOfficer, 'BY').can.override, false);
  assert.ok((await w.by.get('/api/applications')).json().some((a: { id: string }) => a.id === id));
  assert.equal((await stranger.get(`/api/calls/${w.callId}/applications`)).statusCode, 403);
  assert.ok((await w.officerBy.get(`/api/calls/${w.callId}/applications`)).json().some((a: { id: string }) => a.id === id));
  // The CN editor cannot write the BY half.
  const r = await w.cn.put(`/api/applications/${id}/halves/BY/sections/title`, { baseVersion: 0, content: { title: { zh: '题' } } });
  assert.equal(r.statusCode, 403);
});

test('a save on a stale version is refused with the current text; of two concurrent saves exactly one wins', async () => {
  const id = await startJoint(t, w);
  const url = `/api/applications/${id}/halves/BY/sections/title`;
  const first = await w.by.put(url, { baseVersion: 0, content: { title: { ru: 'Первый вариант' } } });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().version, 1);
  const stale = await w.by.put(url, { baseVersion: 0, content: { title: { ru: 'Устаревшая правка' } } });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'version_conflict');
  assert.equal(stale.json().current.version, 1);
  assert.equal(stale.json().current.content.title.ru, 'Первый вариант');
  // A second editor on the BY side, then two saves from the same base version at once.
  const other = await signUp(t, { email: 'coeditor@example.org', lang: 'ru' });
  const inv = await w.by.post(`/api/applications/${id}/invitations`, { side: 'BY', role: 'editor', email: 'coeditor@example.org' });
  assert.equal((await other.post('/api/applications/join', { token: new URL(inv.json().link).searchParams.get('token') })).statusCode, 200);
  const [a, b] = await Promise.all([
    w.by.put(url, { baseVersion: 1, content: { title: { ru: 'Правка А' } } }),
    other.put(url, { baseVersion: 1, content: { title: { ru: 'Правка Б' } } }),
  ]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  const loser = a.statusCode === 409 ? a : b, winner = a.statusCode === 200 ? a : b;
  assert.equal(loser.json().current.content.title.ru, winner.json().content.title.ru, 'the loser sees the winner\'s text');
  assert.equal(loser.json().current.version, 2);
  // Field validation in the editor's language.
  const bad = await w.by.put(url, { baseVersion: 2, content: { durationMonths: 0 } });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().error.fields.some((f: { path: string }) => f.path === 'content.durationMonths'));
  const viewer = await signUp(t, { email: 'viewer@example.org' });
  const vinv = await w.by.post(`/api/applications/${id}/invitations`, { side: 'BY', role: 'viewer', email: 'viewer@example.org' });
  await viewer.post('/api/applications/join', { token: new URL(vinv.json().link).searchParams.get('token') });
  assert.equal((await viewer.put(url, { baseVersion: 2, content: {} })).statusCode, 403, 'viewers do not edit');
});

test('mirror mismatch blocks submission until the half\'s own officer overrides it with a reason', async () => {
  const id = await startJoint(t, w);
  await fillHalf(t, w, w.by, id, 'BY');
  await fillHalf(t, w, w.cn, id, 'CN', { titleZh: '医用激光传感器系统' });
  const app = (await w.by.get(`/api/applications/${id}`)).json();
  assert.deepEqual(app.mirror.map((m: { field: string }) => m.field), ['title.zh']);
  assert.equal(app.mirror[0].BY, '医用激光传感器');
  assert.equal(app.mirror[0].CN, '医用激光传感器系统');
  assert.equal(half(app, 'BY').completeness.complete, true, JSON.stringify(half(app, 'BY').completeness));
  const blocked = await w.by.post(`/api/applications/${id}/halves/BY/submit`);
  assert.equal(blocked.statusCode, 409);
  assert.equal(blocked.json().error.code, 'mirror_mismatch');
  assert.match(blocked.json().error.message, /title\.zh/);
  assert.equal((await w.officerCn.post(`/api/applications/${id}/halves/BY/mirror-override`, { reason: 'Не наш участок' })).statusCode, 403, 'the Chinese officer cannot act for the Belarusian side');
  assert.equal((await w.organiser.post(`/api/applications/${id}/halves/BY/mirror-override`, { reason: 'Организатор' })).statusCode, 403);
  assert.equal((await w.officerBy.post(`/api/applications/${id}/halves/BY/mirror-override`, { reason: 'Китайское название уточняется, согласовано с MOST' })).statusCode, 200);
  const ok = await w.by.post(`/api/applications/${id}/halves/BY/submit`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await w.cn.post(`/api/applications/${id}/halves/CN/submit`)).statusCode, 409, 'the CN half is still blocked');
  const after = (await w.by.get(`/api/applications/${id}`)).json();
  assert.equal(half(after, 'BY').override.reason, 'Китайское название уточняется, согласовано с MOST');
  assert.equal(half(after, 'BY').status, 'submitted');
});

test('deadline by the server clock: 23:59:59 in Minsk (04:59:59 next day in Changchun) is in time, one second later is not', async () => {
  const id = await startJoint(t, w);
  const late = await startJoint(t, w);
  for (const a of [id, late]) { await fillHalf(t, w, w.by, a, 'BY'); await fillHalf(t, w, w.cn, a, 'CN'); }
  t.clock.set('2021-12-23T20:59:59Z'); // 23:59:59 Europe/Minsk = 2021-12-24 04:59:59 Asia/Shanghai
  assert.equal((await w.by.post(`/api/applications/${id}/halves/BY/submit`)).statusCode, 200);
  assert.equal((await w.cn.post(`/api/applications/${id}/halves/CN/submit`)).statusCode, 200, 'the same instant in Changchun');
  t.clock.set('2021-12-23T21:00:00Z');
  const r = await w.cn.post(`/api/applications/${late}/halves/CN/submit`, undefined, { headers: { date: 'Thu, 23 Dec 2021 20:00:00 GMT' } });
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json().error.code, 'call_closed');
  assert.match(r.json().error.message, /截止/, 'message in the Chinese applicant\'s language');
  const wd = await w.by.post(`/api/applications/${id}/halves/BY/withdraw`);
  assert.equal(wd.statusCode, 409, wd.body);
  const save = await w.by.put(`/api/applications/${late}/halves/BY/sections/ip`, { baseVersion: 1, content: { plan: { ru: 'x' } } });
  assert.equal(save.statusCode, 409, save.body);
  assert.equal((await w.by.post(`/api/calls/${w.callId}/applications`, { side: 'BY' })).json().error.code, 'call_not_open');
});

test('receipts: the hash is stable for the same content and changes with any change; versions are immutable in the database', async () => {
  const id = await startJoint(t, w);
  await fillHalf(t, w, w.by, id, 'BY');
  await fillHalf(t, w, w.cn, id, 'CN');
  const v1 = (await w.by.post(`/api/applications/${id}/halves/BY/submit`)).json();
  assert.equal(v1.version, 1);
  assert.match(v1.sha256, /^[0-9a-f]{64}$/);
  const rec = (await w.by.get(`/api/applications/${id}/halves/BY/receipt`)).json();
  assert.equal(rec.sha256, v1.sha256);
  assert.equal((await import('./canonical.ts')).canonicalHash(rec.snapshot), v1.sha256, 'the hash recomputes from the stored snapshot');
  assert.equal((await w.by.post(`/api/applications/${id}/halves/BY/withdraw`)).statusCode, 200);
  const v2 = (await w.by.post(`/api/applications/${id}/halves/BY/submit`)).json();
  assert.equal(v2.version, 2, 'resubmission is a new version');
  assert.equal(v2.sha256, v1.sha256, 'same content, same hash');
  await w.by.post(`/api/applications/${id}/halves/BY/withdraw`);
  const app = (await w.by.get(`/api/applications/${id}`)).json();
  const ipv = half(app, 'BY').sections.find((s: { key: string }) => s.key === 'ip').version;
  assert.equal((await w.by.put(`/api/applications/${id}/halves/BY/sections/ip`, { baseVersion: ipv, content: { plan: { ru: 'Совместный патент.' } } })).statusCode, 200);
  const v3 = (await w.by.post(`/api/applications/${id}/halves/BY/submit`)).json();
  assert.notEqual(v3.sha256, v1.sha256, 'one character changed, another hash');
  const versions = half((await w.by.get(`/api/applications/${id}`)).json(), 'BY').versions;
  assert.deepEqual(versions.map((v: { version: number; withdrawnAt: string | null }) => [v.version, !!v.withdrawnAt]), [[1, true], [2, true], [3, false]]);
  // The partner of the other side reads this receipt; strangers do not.
  assert.equal((await w.cn.get(`/api/applications/${id}/halves/BY/receipt?version=1`)).json().sha256, v1.sha256);
  const stranger = await signUp(t, { email: 'receipt.stranger@example.org' });
  assert.equal((await stranger.get(`/api/applications/${id}/halves/BY/receipt`)).statusCode, 404);
  // The database refuses to change or delete a submitted version, whatever the code does.
  const immutable = (e: unknown) => /immutable/.test(String((e as { cause?: unknown }).cause ?? e));
  await assert.rejects(t.deps.db.execute(sql`UPDATE application_versions SET sha256 = 'x'`), immutable);
  await assert.rejects(t.deps.db.execute(sql`DELETE FROM application_versions`), immutable);
  // PDF receipt with Russian and Chinese text.
  const pdf = await w.cn.get(`/api/applications/${id}/halves/BY/receipt.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
  writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
  const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, /Квитанция о подаче заявки/);
  assert.match(text, /项目申请提交回执/);
  assert.match(text, /Лазерные датчики для медицины/);
  assert.match(text, /医用激光传感器/);
  assert.ok(text.replace(/\s/g, '').includes(v3.sha256), 'the hash is printed');
});

test('uploads: type from the bytes, size cap, only the call\'s documents of that side', async () => {
  const id = await startJoint(t, w);
  const base = `/api/applications/${id}/halves/BY/attachments`;
  const txt = await upload(w.by, `${base}/work_plan`, 'plan.pdf', Buffer.from('just text pretending to be a PDF'));
  assert.equal(txt.statusCode, 415);
  const big = await upload(w.by, `${base}/work_plan`, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]));
  assert.equal(big.statusCode, 413);
  assert.equal((await upload(w.by, `${base}/cn_form`, 'x.pdf', PDF)).json().error.code, 'unknown_document', 'a Chinese-side document on the Belarusian half');
  assert.equal((await upload(w.by, `${base}/work_plan`, '.hidden.pdf', PDF)).statusCode, 400);
  assert.equal((await upload(w.cn, `${base}/work_plan`, 'x.pdf', PDF)).statusCode, 403);
  const ok = await upload(w.by, `${base}/work_plan`, 'план.pdf', PDF);
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json().sha256, (await import('node:crypto')).createHash('sha256').update(PDF).digest('hex'));
  const dl = await w.cn.get(ok.json().url);
  assert.equal(dl.statusCode, 200);
  assert.deepEqual(dl.rawPayload, PDF);
});

test('submission needs a complete half: the problems are listed per section', async () => {
  const id = await startJoint(t, w);
  const r = await w.by.post(`/api/applications/${id}/halves/BY/submit`);
  assert.equal(r.statusCode, 422);
  assert.equal(r.json().error.code, 'incomplete_application');
  const codes = r.json().error.fields.map((f: { code: string }) => f.code);
  for (const c of ['title_ru_missing', 'budget_missing', 'document_missing', 'customer_missing']) assert.ok(codes.includes(c), c);
});

test('eligibility: each officer decides for its own side; "returned" only before the deadline; reasons reach the consortium', async () => {
  const id = await startJoint(t, w);
  await fillHalf(t, w, w.by, id, 'BY');
  await fillHalf(t, w, w.cn, id, 'CN');
  assert.equal((await w.officerCn.post(`/api/applications/${id}/halves/CN/eligibility`, { decision: 'eligible' })).json().error.code, 'not_submitted');
  await w.by.post(`/api/applications/${id}/halves/BY/submit`);
  await w.cn.post(`/api/applications/${id}/halves/CN/submit`);
  const pre = half((await w.officerBy.get(`/api/applications/${id}`)).json(), 'BY');
  assert.ok(pre.checks.length >= 7 && pre.checks.every((c: { ok: boolean }) => c.ok), 'automatic checks pre-filled for the officer');
  assert.deepEqual(half((await w.by.get(`/api/applications/${id}`)).json(), 'BY').checks, [], 'not for applicants');
  assert.equal((await w.officerCn.post(`/api/applications/${id}/halves/BY/eligibility`, { decision: 'ineligible' })).statusCode, 403);
  assert.equal((await w.officerBy.post(`/api/applications/${id}/halves/CN/eligibility`, { decision: 'ineligible' })).statusCode, 403);
  assert.equal((await w.organiser.post(`/api/applications/${id}/halves/BY/eligibility`, { decision: 'eligible' })).statusCode, 403);
  const ret = await w.officerBy.post(`/api/applications/${id}/halves/BY/eligibility`, {
    decision: 'returned', checklist: [{ code: 'customer_letter_signed', ok: false, note: 'Нет подписи' }], reasons: { ru: 'Письмо заказчика без подписи', zh: '订购方函件未签字' },
  });
  assert.equal(ret.statusCode, 200, ret.body);
  let app = (await w.by.get(`/api/applications/${id}`)).json();
  assert.equal(half(app, 'BY').status, 'returned');
  assert.equal(half(app, 'BY').decision.reasons.ru, 'Письмо заказчика без подписи');
  assert.ok(half(app, 'BY').decision.automatic.every((c: { ok: boolean }) => c.ok), JSON.stringify(half(app, 'BY').decision.automatic));
  assert.equal(half(app, 'BY').can.edit, true, 'returned for correction: editable again');
  const mails = await t.deps.db.execute(sql`SELECT subject, text, lang FROM mail_outbox WHERE template = 'calls_decision' ORDER BY created_at DESC LIMIT 1`);
  const mail = ((mails as unknown as { rows?: unknown[] }).rows ?? mails) as { text: string; lang: string }[];
  assert.equal(mail[0].lang, 'ru');
  assert.match(mail[0].text, /возвращена на доработку/);
  assert.equal((await w.by.post(`/api/applications/${id}/halves/BY/submit`)).json().version, 2);
  t.clock.set('2021-12-24T10:00:00Z');
  assert.equal((await w.officerCn.post(`/api/applications/${id}/halves/CN/eligibility`, { decision: 'returned' })).json().error.code, 'decision_after_deadline');
  assert.equal((await w.officerCn.post(`/api/applications/${id}/halves/CN/eligibility`, { decision: 'eligible' })).statusCode, 200);
  app = (await w.cn.get(`/api/applications/${id}`)).json();
  assert.equal(half(app, 'CN').status, 'eligible');
});
