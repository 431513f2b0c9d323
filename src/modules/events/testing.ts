// Helpers shared by the events API tests.
import assert from 'node:assert/strict';
import type { Client, TestApp } from '../../testing/test-app.ts';
import { signUp } from '../../testing/test-app.ts';

export const baseEvent = (over: Record<string, unknown> = {}) => ({
  slug: `test-${Math.random().toString(36).slice(2, 10)}`,
  title: { ru: 'Тестовая биржа', zh: '测试交流会', en: 'Test exchange' },
  format: 'online', timezone: 'Europe/Minsk', startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T14:00',
  status: 'published', ...over,
});

export async function createEvent(organiser: Client, over: Record<string, unknown> = {}, block: Record<string, unknown> = {}) {
  const body = baseEvent(over);
  const r = await organiser.post('/api/events', body);
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id as string;
  const b = await organiser.post(`/api/events/${id}/sessions`, {
    kind: 'meeting_block', title: { en: 'Meetings' }, startsLocal: '2026-04-15T10:00', endsLocal: '2026-04-15T13:00', slotMinutes: 30, pauseMinutes: 0, ...block,
  });
  assert.equal(b.statusCode, 201, b.body);
  const agenda = (await organiser.get(`/api/events/${id}/agenda`)).json();
  const slots = agenda.find((s: { kind: string }) => s.kind === 'meeting_block').slots as { id: string; startsAt: string }[];
  return { id, slug: body.slug as string, slots };
}

let n = 0;
/** A new participant registered (and approved, with auto approval) for the event. */
export async function participant(t: TestApp, eventId: string, o: { lang?: 'ru' | 'zh' | 'en'; timezone?: string; country?: string } = {}) {
  const email = `p${++n}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  const c = await signUp(t, { email, name: `Person ${n}`, ...o });
  const r = await c.post(`/api/events/${eventId}/registration`, { role: 'delegate', languages: ['ru'] });
  assert.equal(r.statusCode, 201, r.body);
  const me = (await c.get('/api/me')).json();
  return { c, id: me.id as string, email };
}
