// The calls demo, and the flows that need it: starting an application from a 2021 exchange meeting,
// officers of each side, deadline reminders in each person's language and zone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, DEMO, type Client, type TestApp } from '../../testing/test-app.ts';
import { canonicalHash } from './canonical.ts';

let t: TestApp;
const login = async (email: string, lang?: string) => { const c = t.client({ lang }); await c.login(email, DEMO.password); return c; };
let by: Client, cn: Client, officerBy: Client, officerCn: Client;
before(async () => {
  t = await createTestApp({ demo: true, start: '2026-03-02T08:00:00Z' });
  by = await login(DEMO.participant); cn = await login(DEMO.participantCn, 'zh');
  officerBy = await login('officer.by@synergy.demo'); officerCn = await login('officer.cn@synergy.demo', 'zh');
});
after(async () => { await t.close(); });

const rows = async <T>(q: ReturnType<typeof sql>) => { const r = await t.deps.db.execute(q); return ((r as unknown as { rows?: T[] }).rows ?? r) as T[]; };

test('the demo: the closed 2022–2023 call with twelve submitted mirror pairs, and one open call', async () => {
  const list = (await t.client().get('/api/calls')).json();
  const closed = list.find((c: { slug: string }) => c.slug === 'bycn-2022-2023');
  assert.equal(closed.phase, 'closed');
  assert.equal(closed.opensAt, '2021-11-14T21:00:00.000Z');
  assert.equal(closed.closesAt, '2021-12-23T21:00:00.000Z');
  assert.deepEqual(closed.funders.map((f: { currency: string; timezone: string }) => [f.currency, f.timezone]), [['BYN', 'Europe/Minsk'], ['CNY', 'Asia/Shanghai']]);
  assert.equal(list.filter((c: { phase: string }) => c.phase === 'open').length, 1);
  const page = (await t.client().get(`/api/calls/${closed.slug}`)).json();
  assert.equal(page.documents.length, 1);
  const doc = await t.client().get(page.documents[0].url);
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const apps = (await officerCn.get(`/api/calls/${closed.id}/applications`)).json();
  assert.equal(apps.length, 12);
  assert.ok(apps.every((a: { halves: { status: string }[] }) => a.halves.length === 2 && a.halves.every((h) => h.status !== 'draft')));
  assert.equal(apps.filter((a: { halves: { status: string }[] }) => a.halves.some((h) => h.status === 'ineligible')).length, 1);
  // Stored hashes recompute from the stored snapshots.
  const versions = await rows<{ snapshot: unknown; sha256: string }>(sql`SELECT v.snapshot, v.sha256 FROM application_versions v JOIN application_halves h ON h.id = v.half_id JOIN applications a ON a.id = h.application_id JOIN calls c ON c.id = a.call_id WHERE c.slug = 'bycn-2022-2023'`);
  assert.equal(versions.length, 24);
  for (const v of versions) assert.equal(canonicalHash(v.snapshot), v.sha256);
  const fromMeeting = await rows<{ id: string }>(sql`SELECT id FROM applications WHERE origin_kind = 'meeting'`);
  assert.equal(fromMeeting.length, 1);
  const detail = (await by.get(`/api/applications/${fromMeeting[0].id}`)).json();
  assert.equal(detail.origin.kind, 'meeting');
  const overridden = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM application_halves WHERE mismatch_override_reason IS NOT NULL`);
  assert.equal(overridden[0].n, 2);
  // Demo officers are scoped: the Chinese officer cannot decide for the Belarusian side.
  const one = apps[1].id;
  assert.equal((await officerCn.post(`/api/applications/${one}/halves/BY/eligibility`, { decision: 'ineligible' })).statusCode, 403);
  assert.equal((await officerCn.post(`/api/applications/${one}/halves/CN/eligibility`, { decision: 'eligible' })).statusCode, 200);
});

test('start a joint application from the 2021 meeting with outcome "joint application planned": both organisations and people filled in', async () => {
  const open = (await t.client().get('/api/calls?phase=open')).json()[0];
  const [m] = await rows<{ id: string }>(sql`SELECT meeting_id AS id FROM meeting_outcomes WHERE 'joint_application_planned' = ANY(outcomes) LIMIT 1`);
  const r = await by.post(`/api/calls/${open.id}/applications`, { origin: { kind: 'meeting', id: m.id } });
  assert.equal(r.statusCode, 201, r.body);
  const app = (await cn.get(`/api/applications/${r.json().id}`)).json();
  assert.equal(app.myMembership.side, 'CN', 'the Chinese partner of the meeting joined its side');
  assert.deepEqual(app.organisations.map((o: { country: string }) => o.country).sort(), ['BY', 'CN']);
  const consortium = app.halves[0].sections.find((s: { key: string }) => s.key === 'consortium').content;
  assert.equal(consortium.pis.BY.name, 'Андрей Мельников');
  assert.equal(consortium.pis.CN.name, '李明');
  assert.deepEqual(app.origin, { kind: 'meeting', id: m.id, data: app.origin.data });
  // The Chinese participant's own outcome was not "joint application planned": they cannot start from it.
  const refused = await cn.post(`/api/calls/${open.id}/applications`, { origin: { kind: 'meeting', id: m.id } });
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.code, 'origin_not_usable');
  assert.match(refused.json().error.message, /[\u4e00-\u9fff]/);
  // An outsider cannot use someone else's meeting.
  const outsider = await login(DEMO.expert);
  assert.equal((await outsider.post(`/api/calls/${open.id}/applications`, { origin: { kind: 'meeting', id: m.id } })).statusCode, 404);
  // The open call page lists partner searches that refer to it (none yet) and offers to apply.
  const page = (await by.get(`/api/calls/${open.slug}`)).json();
  assert.equal(page.canApply, true);
  assert.ok(Array.isArray(page.partnerSearches));
  assert.equal((await officerBy.get(`/api/applications/${r.json().id}`)).statusCode, 200, 'officers read applications of their calls');
});

test('deadline reminders 7 days, 1 day and 3 hours before closing, once each, in each person\'s language and zone', async () => {
  const open = (await t.client().get('/api/calls?phase=open')).json()[0];
  const closes = Date.parse(open.closesAt);
  const count = async () => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'calls_reminder'`))[0].n;
  const before0 = await count();
  t.clock.set(new Date(closes - 7 * 86400_000 + 60_000));
  await t.jobs.send('calls.reminders'); await t.jobs.drain();
  const after7 = await count();
  assert.equal(after7 - before0, 2, 'both PIs of the draft application');
  await t.jobs.send('calls.reminders'); await t.jobs.drain();
  assert.equal(await count(), after7, 'not twice');
  t.clock.set(new Date(closes - 2 * 3600_000)); // a late run: only the tightest reminder
  await t.jobs.send('calls.reminders'); await t.jobs.drain();
  const mails = await rows<{ lang: string; text: string }>(sql`SELECT lang, text FROM mail_outbox WHERE template = 'calls_reminder' ORDER BY created_at DESC, id DESC LIMIT 2`);
  assert.equal(await count(), after7 + 2);
  const zh = mails.find((x) => x.lang === 'zh')!, ru = mails.find((x) => x.lang === 'ru')!;
  assert.match(zh.text, /3小时/);
  assert.match(ru.text, /3 часа/);
  assert.match(zh.text, /明斯克/, 'the Chinese reader sees the deadline in their zone and the call\'s');
});
