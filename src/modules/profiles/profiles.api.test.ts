import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, DEMO, type TestApp } from '../../testing/test-app.ts';
import { multipart, orgId, publishedProfile, sampleProfile } from './testing.ts';
import { outboxFor } from '../../platform/mail.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string, ciomp: string;
before(async () => {
  t = await createTestApp({ demo: true });
  c = await roleClients(t);
  bntu = await orgId(t, 'by-bntu');
  ciomp = await orgId(t, 'cn-ciomp');
});
after(async () => { await t.close(); });

test('a member creates a draft; outsiders and anonymous users cannot see or edit it', async () => {
  const r = await c.participant.post('/api/profiles', sampleProfile(bntu));
  assert.equal(r.statusCode, 201);
  const id = r.json().id;
  assert.equal((await c.participant.get(`/api/profiles/${id}`)).json().status, 'draft');
  assert.equal((await c.anonymous.get(`/api/profiles/${id}`)).statusCode, 404);
  assert.equal((await c.participantCn.get(`/api/profiles/${id}`)).statusCode, 404);
  const edit = await c.participantCn.patch(`/api/profiles/${id}`, { title: { zh: '篡改' } });
  assert.equal(edit.statusCode, 403, 'a participant cannot edit another organisation\'s profile');
  assert.equal((await c.participantCn.post('/api/profiles', sampleProfile(bntu))).statusCode, 403, 'nor create one for it');
  assert.equal((await c.organiser.get(`/api/profiles/${id}`)).statusCode, 200);
});

test('field limits and required languages are enforced', async () => {
  const long = await c.participant.post('/api/profiles', sampleProfile(bntu, { title: { ru: 'я'.repeat(257) } }));
  assert.equal(long.statusCode, 400);
  assert.ok(long.json().error.fields.some((f: { path: string }) => f.path.startsWith('title')));
  const noLang = await c.participant.post('/api/profiles', sampleProfile(bntu, { summary: {} }));
  assert.equal(noLang.json().error.fields[0].code, 'ml_required');
  const tooMany = await c.participant.post('/api/profiles', sampleProfile(bntu, { partnershipTypes: ['licensing', 'investment', 'joint_venture', 'outsourcing'] }));
  assert.equal(tooMany.statusCode, 400);
  const kws = await c.participant.post('/api/profiles', sampleProfile(bntu, { technologyKeywords: ['a', 'b', 'c', 'd', 'e', 'f'] }));
  assert.equal(kws.statusCode, 400);
  const trl = await c.participant.post('/api/profiles', sampleProfile(bntu, { trl: 10 }));
  assert.equal(trl.statusCode, 400);
});

test('lifecycle: submit, return with comment, resubmit, approve; organisers moderate, owners do not', async () => {
  const id = (await c.participant.post('/api/profiles', sampleProfile(bntu))).json().id;
  assert.equal((await c.participant.post(`/api/profiles/${id}/submit`)).json().status, 'submitted');
  assert.equal((await c.participant.post(`/api/moderation/profiles/${id}/approve`, {})).statusCode, 403);
  const queue = (await c.organiser.get('/api/moderation/profiles', { query: { country: 'BY', type: 'TO' } })).json();
  assert.ok(queue.some((p: { id: string }) => p.id === id));
  assert.ok(!(await c.organiser.get('/api/moderation/profiles', { query: { country: 'CN' } })).json().some((p: { id: string }) => p.id === id));
  const ret = await c.organiser.post(`/api/moderation/profiles/${id}/return`, { comment: 'Добавьте описание рынка' });
  assert.equal(ret.json().status, 'returned');
  const mine = (await c.participant.get(`/api/profiles/${id}`)).json();
  assert.equal(mine.moderatorComment, 'Добавьте описание рынка');
  const mails = await outboxFor(t.deps.db, DEMO.participant);
  assert.ok(mails.some((m) => m.template === 'profile_returned' && m.text.includes('Добавьте описание рынка') && /доработки/.test(m.subject)));
  const inbox = (await c.participant.get('/api/inbox')).json();
  assert.ok(inbox.items.some((n: { kind: string }) => n.kind === 'profile_returned'));
  await c.participant.post(`/api/profiles/${id}/submit`);
  const ok = await c.organiser.post(`/api/moderation/profiles/${id}/approve`, {});
  assert.equal(ok.json().status, 'published');
  const pub = (await c.anonymous.get(`/api/profiles/${id}`)).json();
  assert.equal(pub.status, 'published');
  assert.equal(pub.moderatorComment, null, 'moderation notes are not public');
  assert.equal(new Date(pub.expiresAt).getTime() - new Date(pub.publishedAt).getTime() > 360 * 86400_000, true);
  const again = await c.organiser.post(`/api/moderation/profiles/${id}/approve`, {});
  assert.equal(again.statusCode, 409);
});

test('rejection needs a reason; bulk actions report each profile', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = (await c.participantCn.post('/api/profiles', sampleProfile(ciomp, { title: { zh: `激光器 ${i}` }, summary: { zh: '光学' } }))).json().id;
    await c.participantCn.post(`/api/profiles/${id}/submit`);
    ids.push(id);
  }
  assert.equal((await c.organiser.post(`/api/moderation/profiles/${ids[0]}/reject`, {})).statusCode, 400);
  const bulk = (await c.organiser.post('/api/moderation/profiles/bulk', { ids: [...ids, ids[0]], action: 'approve' })).json();
  assert.deepEqual(bulk.results.map((r: { ok: boolean }) => r.ok), [true, true, true, false]);
  assert.equal(bulk.results[3].error, 'invalid_transition');
  assert.equal((await c.participantCn.post('/api/moderation/profiles/bulk', { ids, action: 'approve' })).statusCode, 403);
  const other = (await c.participantCn.post('/api/profiles', sampleProfile(ciomp, { title: { zh: '激光器 拒绝' }, summary: { zh: '光学' } }))).json().id;
  await c.participantCn.post(`/api/profiles/${other}/submit`);
  assert.equal((await c.organiser.post(`/api/moderation/profiles/${other}/reject`, { reason: '重复' })).json().status, 'rejected');
  assert.equal((await c.participantCn.get(`/api/profiles/${other}`)).json().rejectionReason, '重复');
});

test("own lists: a member's profiles carry the moderators' notes; an organisation's list shows outsiders its public profiles only", async () => {
  const draft = (await c.participant.post('/api/profiles', sampleProfile(bntu, { title: { ru: 'Черновик для списка' } }))).json().id;
  const hidden = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { anonymous: true }));
  const open = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu));
  const mine = (await c.participant.get('/api/profiles/mine')).json();
  assert.ok([draft, hidden, open].every((id) => mine.some((p: { id: string }) => p.id === id)));
  assert.ok(mine.every((p: Record<string, unknown>) => 'moderatorComment' in p && 'rejectionReason' in p && 'holdReason' in p && p.organisationId === bntu));
  const orgs = (await c.participant.get('/api/organisations/mine')).json();
  assert.ok(orgs.some((o: { id: string; myRole: string }) => o.id === bntu && ['owner', 'member'].includes(o.myRole)));
  const outside = (await c.anonymous.get(`/api/organisations/${bntu}/profiles`)).json().map((p: { id: string }) => p.id);
  assert.ok(outside.includes(open) && !outside.includes(draft) && !outside.includes(hidden));
  const inside = (await c.participant.get(`/api/organisations/${bntu}/profiles`)).json().map((p: { id: string }) => p.id);
  assert.ok([draft, hidden, open].every((id) => inside.includes(id)));
});

test('attachments: a member uploads and removes them; the profile lists them and its viewers download them', async () => {
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu));
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
  const m = multipart('spec.pdf', pdf, 'application/pdf');
  const up = await c.participant.request('POST', `/api/profiles/${id}/attachments`, m.body, { headers: m.headers });
  assert.equal(up.statusCode, 201, up.body);
  const att = up.json();
  assert.deepEqual({ name: att.name, mime: att.mime, size: att.size }, { name: 'spec.pdf', mime: 'application/pdf', size: pdf.length });
  const listed = (await c.anonymous.get(`/api/profiles/${id}`)).json().attachments;
  assert.deepEqual(listed.map((a: { id: string; url: string }) => [a.id, a.url]), [[att.id, `/api/profiles/${id}/attachments/${att.id}`]]);
  const file = await c.anonymous.get(listed[0].url);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.equal(file.headers['content-disposition'], "attachment; filename*=UTF-8''spec.pdf");
  assert.deepEqual(file.rawPayload, pdf);
  assert.equal((await c.participantCn.delete(`/api/profiles/${id}/attachments/${att.id}`)).statusCode, 403);
  assert.deepEqual((await c.participant.delete(`/api/profiles/${id}/attachments/${att.id}`)).json(), { ok: true });
  assert.deepEqual((await c.anonymous.get(`/api/profiles/${id}`)).json().attachments, []);
  assert.equal((await c.anonymous.get(listed[0].url)).statusCode, 404);
});

test('editing a published profile keeps it published, records history, and re-review fields queue it', async () => {
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu));
  const minor = await c.participant.patch(`/api/profiles/${id}`, { trl: 6 });
  assert.equal(minor.json().reviewPending, false);
  const major = await c.participant.patch(`/api/profiles/${id}`, { title: { ru: 'Лазерная наплавка: новая редакция' } });
  assert.equal(major.json().reviewPending, true);
  assert.equal((await c.anonymous.get(`/api/profiles/${id}`)).json().status, 'published');
  const queue = (await c.organiser.get('/api/moderation/profiles')).json();
  assert.ok(queue.some((p: { id: string; reviewPending: boolean }) => p.id === id && p.reviewPending));
  const hist = (await c.participant.get(`/api/profiles/${id}/history`)).json();
  assert.deepEqual(hist.map((h: { action: string }) => h.action).slice(-2), ['edit', 'edit_rereview']);
  assert.deepEqual(hist[hist.length - 2].changes.trl, { from: 5, to: 6 });
  assert.equal((await c.participantCn.get(`/api/profiles/${id}/history`)).statusCode, 403);
  await c.organiser.put('/api/moderation/rereview-fields', { fields: ['description'] });
  const title2 = await c.participant.patch(`/api/profiles/${id}`, { title: { ru: 'Третья редакция' } });
  assert.equal(title2.json().reviewPending, true, 'still pending from before');
  await c.organiser.post(`/api/moderation/profiles/${id}/approve`, {});
  assert.equal((await c.participant.patch(`/api/profiles/${id}`, { title: { ru: 'Четвёртая' } })).json().reviewPending, false);
  assert.equal((await c.participant.patch(`/api/profiles/${id}`, { description: { ru: 'Новое описание' } })).json().reviewPending, true);
  assert.deepEqual((await c.organiser.get('/api/moderation/rereview-fields')).json().fields, ['description']);
  // Only field names of a profile are accepted, so the setting can always be shown translated.
  const unknown = await c.organiser.put('/api/moderation/rereview-fields', { fields: ['description', 'colour'] });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.fields[0].path, 'fields.1');
  assert.deepEqual((await c.organiser.get('/api/moderation/rereview-fields')).json().fields, ['description']);
  await c.organiser.put('/api/moderation/rereview-fields', { fields: ['title', 'summary', 'type', 'anonymous'] });
});

test('expiry job: reminder two weeks before, expiry after 12 months, one extension, 2 years at most', async () => {
  t.clock.set('2026-03-02T08:00:00Z');
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { title: { ru: 'Профиль со сроком' } }));
  const run = async () => { await t.jobs.send('profiles.expiry'); await t.jobs.drain(); };
  const at = async (when: string) => { t.clock.set(when); c = await roleClients(t); }; // sessions follow the clock
  await at('2027-02-10T08:00:00Z');
  await run();
  assert.equal((await outboxFor(t.deps.db, DEMO.participant)).filter((m) => m.template === 'profile_expiring' && m.text.includes('Профиль со сроком')).length, 0);
  await at('2027-02-20T08:00:00Z');
  await run();
  await run();
  const reminders = (await outboxFor(t.deps.db, DEMO.participant)).filter((m) => m.template === 'profile_expiring' && m.text.includes('Профиль со сроком'));
  assert.equal(reminders.length, 1, 'one reminder, not one per run');
  await at('2027-03-02T08:00:01Z');
  await run();
  assert.equal((await c.participant.get(`/api/profiles/${id}`)).json().status, 'expired');
  assert.equal((await c.anonymous.get(`/api/profiles/${id}`)).statusCode, 404);
  const ext = await c.participant.post(`/api/profiles/${id}/extend`);
  assert.equal(ext.json().status, 'published');
  const p = (await c.participant.get(`/api/profiles/${id}`)).json();
  assert.equal(p.expiresAt, '2028-03-02T08:00:00.000Z', 'capped at two years from first publication');
  assert.equal(p.extensionCount, 1);
  await at('2028-03-03T08:00:00Z');
  await run();
  assert.equal((await c.participant.get(`/api/profiles/${id}`)).json().status, 'expired');
  const second = await c.participant.post(`/api/profiles/${id}/extend`);
  assert.equal(second.statusCode, 409);
  assert.equal((await c.participant.post(`/api/profiles/${id}/archive`)).json().status, 'archived');
  await at('2026-03-02T08:00:00Z');
});

test('an RDR profile expires with its call', async () => {
  t.clock.set('2026-03-02T08:00:00Z');
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, {
    type: 'RDR', partnershipTypes: ['rd_cooperation'], programme: 'ГКНТ–MOST 2026', callExternalId: 'call-2026', callDeadline: '2026-04-01T00:00:00+03:00',
  }));
  assert.equal((await c.participant.get(`/api/profiles/${id}`)).json().expiresAt, '2026-03-31T21:00:00.000Z');
  t.clock.set('2026-04-01T00:00:00Z');
  c = await roleClients(t);
  await t.jobs.send('profiles.expiry'); await t.jobs.drain();
  assert.equal((await c.participant.get(`/api/profiles/${id}`)).json().status, 'expired');
  assert.equal((await c.participant.post(`/api/profiles/${id}/extend`)).statusCode, 409, 'no extension past the call');
  t.clock.set('2026-03-02T08:00:00Z');
  c = await roleClients(t);
});

test('on hold hides a profile until resumed', async () => {
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu));
  assert.equal((await c.organiser.post(`/api/moderation/profiles/${id}/hold`, { reason: 'Проверка' })).json().status, 'on_hold');
  assert.equal((await c.anonymous.get(`/api/profiles/${id}`)).statusCode, 404);
  assert.equal((await c.organiser.post(`/api/moderation/profiles/${id}/resume`)).json().status, 'published');
  assert.equal((await c.anonymous.get(`/api/profiles/${id}`)).statusCode, 200);
});
