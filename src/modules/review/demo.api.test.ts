// The review demo: the closed call reviewed on both sides by engine-computed assignments (with a declared
// conflict re-assigned and a divergent pair), reviews released; the demo expert's open round.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO, type Client, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const login = async (email: string, lang?: string) => { const c = t.client({ lang }); await c.login(email, DEMO.password); return c; };
let officerBy: Client, officerCn: Client, expert: Client, closedId: string;
before(async () => {
  t = await createTestApp({ demo: true, start: '2026-03-02T08:00:00Z' });
  officerBy = await login('officer.by@synergy.demo'); officerCn = await login('officer.cn@synergy.demo', 'zh'); expert = await login(DEMO.expert);
  closedId = (await t.client().get('/api/calls')).json().find((c: { slug: string }) => c.slug === 'bycn-2022-2023').id;
});
after(async () => { await t.close(); });

test('demo: both sides of the closed call reviewed from engine runs; a declared conflict; a divergent pair; released', async () => {
  for (const [c, side, lang] of [[officerBy, 'BY', 'ru'], [officerCn, 'CN', 'zh']] as const) {
    const a = (await c.get(`/api/calls/${closedId}/review/${side}/assignments`)).json();
    assert.equal(a.run.lang, lang);
    assert.ok(Math.abs(a.run.objective - a.run.upperBound) < 1e-6 || side === 'CN', 'optimal run certified');
    const submitted = a.assignments.filter((x: { status: string }) => x.status === 'submitted');
    assert.equal(submitted.length, side === 'BY' ? 33 : 36);
    if (lang === 'zh') assert.ok(a.assignments.some((x: { reasons: string[] }) => x.reasons.some((r) => /[\u4e00-\u9fff]/.test(r))), 'reasons in Chinese');
    const cal = (await c.get(`/api/calls/${closedId}/review/${side}/calibration`)).json();
    assert.ok(cal.applications.some((x: { divergent: boolean }) => x.divergent), 'a divergent pair');
    assert.ok(cal.applications.every((x: { consensus: unknown }) => x.consensus));
  }
  const by = (await officerBy.get(`/api/calls/${closedId}/review/BY/assignments`)).json();
  assert.equal(by.assignments.filter((x: { removedReason: string | null }) => x.removedReason === 'conflict_declared').length, 1);
  const conflicts = (await officerBy.get(`/api/calls/${closedId}/review/BY/conflicts`)).json();
  assert.ok(conflicts.some((c: { reasons: { code: string }[] }) => c.reasons.some((r) => r.code === 'declared')));
  assert.ok(conflicts.some((c: { reasons: { code: string }[] }) => c.reasons.some((r) => r.code === 'same_organisation')));
  const participant = await login(DEMO.participant);
  const appId = by.assignments[0].applicationId;
  const released = await participant.get(`/api/applications/${appId}/reviews`);
  if (released.statusCode === 200) assert.ok(released.json().every((s: { released: boolean }) => s.released));
});

test('demo: the demo expert has an open round on the open call, waiting for "no conflict"', async () => {
  const mine = (await expert.get('/api/review/assignments')).json();
  assert.equal(mine.length, 2, JSON.stringify(mine));
  assert.ok(mine.every((a: { status: string; title: unknown }) => a.status === 'assigned' && a.title === null));
  assert.equal((await expert.post(`/api/review/assignments/${mine[0].id}/confirm`, { noConflict: true })).statusCode, 200);
  const form = (await expert.get(`/api/review/assignments/${mine[0].id}`)).json();
  assert.equal(form.criteria.length, 6);
});
