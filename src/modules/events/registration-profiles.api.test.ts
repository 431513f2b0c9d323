// The marketplace profiles a registrant brings: only published, non-anonymous profiles of the organisation they
// register with; the attendee list shows them (while they stay published) for links to the profile pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, signUp, type TestApp } from '../../testing/test-app.ts';
import { createEvent } from './testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const sql = (text: string, params: unknown[] = []) => t.deps.database.sql.query<{ id: string }>(text, params);
const profileId = async (externalId: string) => (await sql('SELECT id FROM profiles WHERE external_id = $1', [externalId])).rows[0].id;
type Row = { userId: string; profileIds: string[]; profiles: { id: string; title: { en?: string }; type: string; areas: string[] }[] };

test('only published, non-anonymous profiles of the registrant\'s organisation can be brought', async () => {
  const ev = await createEvent(c.organiser);
  // participant@synergy.demo belongs to BNTU; CIOMP is another organisation.
  const laser = await profileId('demo-p-bntu-laser-cladding');
  const additive = await profileId('demo-p-bntu-additive');
  const [foreign] = (await sql(`SELECT p.id FROM profiles p JOIN organisations o ON o.id = p.organisation_id
    WHERE o.external_id <> 'by-bntu' AND p.status = 'published' AND NOT p.anonymous LIMIT 1`)).rows;
  await sql(`UPDATE profiles SET status = 'published', anonymous = false WHERE id = $1`, [laser]);
  await sql(`UPDATE profiles SET status = 'draft' WHERE id = $1`, [additive]);

  const refused = async (profileIds: string[], who = c.participant) => {
    const r = await who.post(`/api/events/${ev.id}/registration`, { profileIds });
    assert.equal(r.statusCode, 400, r.body);
    assert.equal(r.json().error.code, 'registration_profiles_invalid');
  };
  await refused([foreign.id]); // another organisation's
  await refused([laser, additive]); // a draft among them
  await sql(`UPDATE profiles SET status = 'published', anonymous = true WHERE id = $1`, [additive]);
  await refused([additive]); // anonymous: the attendee list would reveal whose it is
  await refused(['00000000-0000-7000-8000-000000000000']); // does not exist
  const loner = await signUp(t, { email: 'no-org@example.org' });
  await refused([laser], loner); // no organisation at all

  const ok = await c.participant.post(`/api/events/${ev.id}/registration`, { profileIds: [laser, laser] });
  assert.equal(ok.statusCode, 201, ok.body);
  const { rows: [reg] } = await t.deps.database.sql.query<{ profile_ids: string[] }>('SELECT profile_ids FROM event_registrations WHERE id = $1', [ok.json().id]);
  assert.deepEqual(reg.profile_ids, [laser]);
});

test('attendees see the profiles others bring, and a profile no longer published (e.g. expired) drops off the list', async () => {
  const ev = await createEvent(c.organiser);
  const laser = await profileId('demo-p-bntu-laser-cladding');
  await sql(`UPDATE profiles SET status = 'published', anonymous = false WHERE id = $1`, [laser]);
  assert.equal((await c.participant.post(`/api/events/${ev.id}/registration`, { profileIds: [laser] })).statusCode, 201);
  assert.equal((await c.participantCn.post(`/api/events/${ev.id}/registration`, {})).statusCode, 201);
  const me = (await c.participant.get('/api/me')).json().id as string;
  const seen = async () => ((await c.participantCn.get(`/api/events/${ev.id}/registrations`)).json() as Row[]).find((r) => r.userId === me)!;
  const before = await seen();
  assert.deepEqual(before.profiles.map((p) => p.id), [laser]);
  assert.ok(before.profiles[0].title.en, 'the title comes along for the link text');
  // Type and areas come along for the attendee list's filters (offers/seeks, area).
  const { rows: [stored] } = await t.deps.database.sql.query<{ type: string; areas: string[] }>('SELECT type, areas FROM profiles WHERE id = $1', [laser]);
  assert.equal(before.profiles[0].type, stored.type);
  assert.deepEqual(before.profiles[0].areas, stored.areas);
  await sql(`UPDATE profiles SET status = 'expired' WHERE id = $1`, [laser]);
  const after = await seen();
  assert.deepEqual(after.profiles, []);
  assert.deepEqual(after.profileIds, [laser]);
  await sql(`UPDATE profiles SET status = 'published' WHERE id = $1`, [laser]);
});

test('a registrant changes languages, interpreter need, the profiles brought and the note later; others cannot', async () => {
  const ev = await createEvent(c.organiser, { startsLocal: '2026-03-10T09:00', endsLocal: '2026-03-10T14:00' }, { startsLocal: '2026-03-10T10:00', endsLocal: '2026-03-10T13:00' });
  const laser = await profileId('demo-p-bntu-laser-cladding');
  await sql(`UPDATE profiles SET status = 'published', anonymous = false WHERE id = $1`, [laser]);
  const [foreign] = (await sql(`SELECT p.id FROM profiles p JOIN organisations o ON o.id = p.organisation_id
    WHERE o.external_id <> 'by-bntu' AND p.status = 'published' AND NOT p.anonymous LIMIT 1`)).rows;
  assert.equal((await c.participantCn.patch(`/api/events/${ev.id}/registration`, { note: 'x' })).statusCode, 404, 'not registered');
  assert.equal((await c.participant.post(`/api/events/${ev.id}/registration`, { languages: ['ru'] })).statusCode, 201);

  const r = await c.participant.patch(`/api/events/${ev.id}/registration`, { languages: ['ru', 'en'], needsInterpreter: true, profileIds: [laser], note: 'Бывал в Чанчуне' });
  assert.equal(r.statusCode, 200, r.body);
  const mine = (await c.participant.get(`/api/events/${ev.id}`)).json().myRegistration;
  assert.deepEqual([mine.languages, mine.needsInterpreter, mine.profileIds, mine.note], [['ru', 'en'], true, [laser], 'Бывал в Чанчуне']);
  // Only what is sent changes; the profiles follow the same rule as at registration.
  assert.equal((await c.participant.patch(`/api/events/${ev.id}/registration`, { note: '' })).statusCode, 200);
  assert.deepEqual((await c.participant.get(`/api/events/${ev.id}`)).json().myRegistration.profileIds, [laser]);
  const bad = await c.participant.patch(`/api/events/${ev.id}/registration`, { profileIds: [foreign.id] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'registration_profiles_invalid');
  assert.equal((await c.participant.patch(`/api/events/${ev.id}/registration`, { role: 'speaker' })).statusCode, 400, 'the role is not changed here');
  const audits = (await sql(`SELECT action FROM audit_log WHERE entity_type = 'event_registration' AND action = 'update'`)).rows;
  assert.ok(audits.length >= 2);
  // After the event nothing changes any more.
  t.clock.set(new Date('2026-03-11T00:00:00Z'));
  const late = await c.participant.patch(`/api/events/${ev.id}/registration`, { note: 'late' });
  assert.equal(late.statusCode, 409);
  assert.equal(late.json().error.code, 'event_over');
});
