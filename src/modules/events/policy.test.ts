import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';
import * as p from './policy.ts';
import { generateSlots, firstFreeTable, jitsiRoomUrl } from './slots.ts';
import { whenText } from './notify.ts';

const a = (...roles: Role[]): Actor => ({ userId: 'me', email: 'e', name: 'n', roles, lang: 'en', timezone: 'UTC', sessionId: 's' });
const roles = { admin: a('admin'), organiser: a('organiser'), participant: a('participant'), expert: a('expert'), anonymous: null };
const published = { status: 'published', visibility: 'public', registrationOpensAt: null, registrationClosesAt: null, endsAt: new Date('2030-01-01') };
const now = new Date('2026-03-01T00:00:00Z');

test('organisers and administrators manage events; participants, experts and anonymous do not', () => {
  assert.deepEqual(Object.entries(roles).map(([k, v]) => [k, p.canManageEvents(v)]),
    [['admin', true], ['organiser', true], ['participant', false], ['expert', false], ['anonymous', false]]);
});

test('drafts only for organisers; invitation-only events for organisers and registrants; public for all', () => {
  const draft = { ...published, status: 'draft' };
  const inv = { ...published, visibility: 'invitation' };
  for (const [k, v] of Object.entries(roles)) {
    const manage = k === 'admin' || k === 'organiser';
    assert.equal(p.canViewEvent(v, published, null), true, k);
    assert.equal(p.canViewEvent(v, draft, null), manage, k);
    assert.equal(p.canViewEvent(v, inv, null), manage, k);
  }
  assert.equal(p.canViewEvent(roles.participant, inv, { status: 'approved' }), true);
  assert.equal(p.canViewEvent(roles.participant, inv, { status: 'cancelled' }), false);
});

test('signed-in people register while registration is open; anonymous never; not twice', () => {
  for (const k of ['admin', 'organiser', 'participant', 'expert'] as const) assert.equal(p.canRegister(roles[k], published, null, now), true, k);
  assert.equal(p.canRegister(null, published, null, now), false);
  assert.equal(p.canRegister(roles.participant, published, { status: 'approved' }, now), false);
  assert.equal(p.canRegister(roles.participant, published, { status: 'cancelled' }, now), true);
  assert.equal(p.canRegister(roles.participant, { ...published, registrationClosesAt: now }, null, now), false);
  assert.equal(p.canRegister(roles.participant, { ...published, registrationOpensAt: new Date(now.getTime() + 1) }, null, now), false);
  assert.equal(p.canRegister(roles.participant, { ...published, status: 'closed' }, null, now), false);
  assert.equal(p.canRegister(roles.participant, { ...published, visibility: 'invitation' }, null, now), false);
});

test('only approved registrants request meetings and see attendees (organisers always see attendees)', () => {
  for (const [k, v] of Object.entries(roles)) {
    assert.equal(p.canRequestMeetings(v, { status: 'approved' }), v !== null, k);
    for (const s of ['pending', 'waitlisted', 'cancelled', 'rejected']) assert.equal(p.canRequestMeetings(v, { status: s }), false, `${k} ${s}`);
    assert.equal(p.canRequestMeetings(v, null), false);
    assert.equal(p.canSeeAttendees(v, null), k === 'admin' || k === 'organiser', k);
  }
});

test('a participant sees only their own meetings; interpreters theirs; organisers all', () => {
  const m = { participantIds: ['me', 'other'], interpreterUserId: null };
  const notMine = { participantIds: ['x', 'y'], interpreterUserId: null };
  for (const [k, v] of Object.entries(roles)) {
    const manage = k === 'admin' || k === 'organiser';
    assert.equal(p.canSeeMeeting(v, notMine), manage, k);
    assert.equal(p.canSeeMeeting(v, m), v !== null, k);
    assert.equal(p.canActOnMeeting(v, notMine), manage, k);
    assert.equal(p.canRecordOutcome(v, notMine), false, k);
    assert.equal(p.canRecordOutcome(v, m), v !== null, k);
  }
  assert.equal(p.canSeeMeeting(roles.expert, { participantIds: ['x'], interpreterUserId: 'me' }), true);
});

test('slots: 15–60 minute length, pauses, no overrun; tables; unguessable rooms', () => {
  const s = generateSlots(new Date('2021-09-29T07:00:00Z'), new Date('2021-09-29T10:00:00Z'), 30, 0);
  assert.equal(s.length, 6);
  assert.equal(generateSlots(new Date('2021-09-29T07:00:00Z'), new Date('2021-09-29T08:00:00Z'), 25, 15).length, 1); // 07:40–08:05 would overrun
  assert.throws(() => generateSlots(new Date(), new Date(), 10, 0));
  assert.throws(() => generateSlots(new Date(), new Date(), 61, 0));
  assert.equal(firstFreeTable(3, [1, 3]), 2);
  assert.equal(firstFreeTable(2, [1, 2]), null);
  const r1 = jitsiRoomUrl('https://meet.example.org/', 'synergy-2026');
  assert.match(r1, /^https:\/\/meet\.example\.org\/synergy-2026-[0-9a-f]{32}$/);
  assert.notEqual(r1, jitsiRoomUrl('https://meet.example.org/', 'synergy-2026'));
});

test('times are shown in the reader\'s zone with the other side\'s alongside (Minsk, Changchun, Berlin with DST)', () => {
  const at = new Date('2021-09-29T07:00:00Z');
  assert.match(whenText(at, 'Europe/Minsk', 'ru'), /10:00 \(15:00 Чанчунь\)$/);
  assert.match(whenText(at, 'Asia/Shanghai', 'zh'), /15:00 \(10:00 明斯克\)$/);
  assert.match(whenText(at, 'Europe/Berlin', 'en'), /09:00 \(10:00 Minsk\)$/); // CEST, UTC+2
  assert.match(whenText(new Date('2021-12-01T07:00:00Z'), 'Europe/Berlin', 'en'), /08:00 \(10:00 Minsk\)$/); // CET, UTC+1
});

test('only an invitee answers a request; the requester, organisers and strangers do not', () => {
  const parts = [{ userId: 'req', isRequester: true }, { userId: 'me', isRequester: false }];
  assert.equal(p.canRespondToRequest(roles.participant, parts), true);
  assert.equal(p.canRespondToRequest({ ...roles.participant, userId: 'req' }, parts), false);
  assert.equal(p.canRespondToRequest({ ...roles.organiser, userId: 'other' }, parts), false);
  assert.equal(p.canRespondToRequest(roles.anonymous, parts), false);
});

test('participants book their own meetings in self-booking mode without picking tables; organisers book any, move locked ones', () => {
  const mine = { participantIds: ['me', 'x'] };
  const others = { participantIds: ['x', 'y'] };
  const self = { bookingMode: 'self' };
  const byOrganiser = { bookingMode: 'organiser' };
  assert.equal(p.bookingRefusal(roles.participant, mine, self, {}), null);
  assert.equal(p.bookingRefusal(roles.participant, mine, self, { tableNo: 2 }), 'forbidden');
  assert.equal(p.bookingRefusal(roles.participant, mine, byOrganiser, {}), 'booking_by_organiser');
  assert.equal(p.bookingRefusal(roles.participant, others, self, {}), 'forbidden');
  assert.equal(p.bookingRefusal(roles.expert, others, self, {}), 'forbidden');
  assert.equal(p.bookingRefusal(roles.anonymous, mine, self, {}), 'forbidden');
  for (const o of [roles.organiser, roles.admin]) {
    assert.equal(p.bookingRefusal(o, others, byOrganiser, { tableNo: 2 }), null);
    assert.equal(p.canMoveLockedMeeting(o), true);
  }
  for (const r of [roles.participant, roles.expert, roles.anonymous]) assert.equal(p.canMoveLockedMeeting(r), false);
});
