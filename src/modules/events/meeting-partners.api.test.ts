// Asking for a meeting from a marketplace profile or a recommendation: GET /api/meeting-partners lists the
// coming events where the caller and people of the profile's organisation are both approved registrants.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent } from './testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const orgId = async (externalId: string) =>
  (await t.deps.database.sql.query<{ id: string }>('SELECT id FROM organisations WHERE external_id = $1', [externalId])).rows[0].id;
type Partners = { event: { id: string; title: { en?: string } }; people: { userId: string; name: string; organisationId: string }[] }[];

test('signed-in only, and the organisation id is checked', async () => {
  assert.equal((await c.anonymous.get('/api/meeting-partners', { query: { organisationId: '01900000-0000-7000-8000-000000000001' } })).statusCode, 401);
  assert.equal((await c.participant.get('/api/meeting-partners', { query: { organisationId: 'nope' } })).statusCode, 400);
});

test('people of an organisation at the coming events both attend, and a meeting request to them', async () => {
  const [bntu, ciomp] = [await orgId('by-bntu'), await orgId('cn-ciomp')];
  const partners = async (who = c.participant, org = ciomp) => {
    const r = await who.get('/api/meeting-partners', { query: { organisationId: org } });
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as Partners;
  };
  const ev = await createEvent(c.organiser, { startsLocal: '2026-03-10T09:00', endsLocal: '2026-03-10T14:00' }, { startsLocal: '2026-03-10T10:00', endsLocal: '2026-03-10T13:00' });
  const before = await partners();
  assert.equal(before.some((p) => p.event.id === ev.id), false, 'nobody registered yet');

  assert.equal((await c.participant.post(`/api/events/${ev.id}/registration`, { organisationId: bntu })).statusCode, 201);
  assert.equal((await partners()).some((p) => p.event.id === ev.id), false, 'the Chinese side is not registered yet');
  assert.equal((await c.participantCn.post(`/api/events/${ev.id}/registration`, { organisationId: ciomp })).statusCode, 201);

  const found = (await partners()).find((p) => p.event.id === ev.id);
  assert.ok(found, 'the event is offered');
  assert.equal(found.event.title.en, 'Test exchange');
  assert.deepEqual(found.people.map((p) => [p.name, p.organisationId]), [['李明', ciomp]]);
  assert.deepEqual((await partners(c.participant, bntu)).find((p) => p.event.id === ev.id), undefined, 'never oneself');
  assert.equal((await partners(c.expert)).some((p) => p.event.id === ev.id), false, 'only for registrants of the event');

  const r = await c.participant.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [found.people[0].userId], message: 'From your profile', priority: 'must' });
  assert.equal(r.statusCode, 201, r.body);

  // Past events are not offered.
  t.clock.set(new Date('2026-03-11T00:00:00Z')); // the day after (sessions still valid)
  assert.equal((await partners()).some((p) => p.event.id === ev.id), false);
});
