// The event cover image: organisers upload, replace and remove it (type from the bytes, size cap, audit);
// it is served to whoever may see the event, and editing the event keeps it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { createTestApp, roleClients, type Client, type TestApp } from '../../testing/test-app.ts';
import { multipart } from '../profiles/testing.ts';
import { baseEvent, participant } from './testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const errorText = (lang: string, code: string) => JSON.parse(readFileSync(new URL(`../../../locales/${lang}/errors.json`, import.meta.url), 'utf8'))[code] as string;

/** A real 1×1 PNG. */
function png(): Buffer {
  const crc = (buf: Buffer) => { let c = ~0; for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); } return ~c >>> 0; };
  const chunk = (type: string, data: Buffer) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const cr = Buffer.alloc(4); cr.writeUInt32BE(crc(td)); return Buffer.concat([len, td, cr]); };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}
/** JPEG signature and JFIF header: enough for the type to be read from the bytes. */
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64)]);

const upload = (cl: Client, eventId: string, name: string, content: Buffer, mime = 'image/png') => {
  const m = multipart(name, content, mime);
  return cl.request('POST', `/api/events/${eventId}/cover`, m.body, { headers: m.headers });
};
const newEvent = async (over: Record<string, unknown> = {}) => {
  const body = baseEvent(over);
  const r = await c.organiser.post('/api/events', body);
  assert.equal(r.statusCode, 201, r.body);
  return { id: r.json().id as string, body };
};

test('an organiser uploads a PNG cover: the event links it and it is served with its content type; participants may not upload', async () => {
  const ev = await newEvent();
  const r = await upload(c.organiser, ev.id, 'cover.png', png());
  assert.equal(r.statusCode, 200, r.body);
  const { coverUrl } = r.json();
  const e = (await c.anonymous.get(`/api/events/${ev.id}`)).json();
  assert.equal(e.coverUrl, coverUrl);
  assert.match(coverUrl, new RegExp(`^/api/events/${ev.id}/cover\\?v=${e.coverFileId}$`));
  const img = await c.anonymous.get(coverUrl);
  assert.equal(img.statusCode, 200);
  assert.equal(img.headers['content-type'], 'image/png');
  assert.equal(img.headers['x-content-type-options'], 'nosniff');
  assert.match(String(img.headers['cache-control']), /^public/);
  assert.deepEqual(img.rawPayload, png());
  assert.ok((await c.anonymous.get('/api/events')).json().some((x: { id: string; coverUrl: string }) => x.id === ev.id && x.coverUrl === coverUrl));

  assert.equal((await upload(c.participant, ev.id, 'cover.png', png())).statusCode, 403);
  assert.equal((await c.participant.delete(`/api/events/${ev.id}/cover`)).statusCode, 403);
  assert.equal((await upload(c.anonymous, ev.id, 'cover.png', png())).statusCode, 401);

  // Saving the event form (which has no cover field) keeps the cover; the body cannot point it at another file.
  assert.equal((await c.organiser.put(`/api/events/${ev.id}`, { ...ev.body, title: { en: 'Renamed' } })).statusCode, 200);
  assert.equal((await c.anonymous.get(`/api/events/${ev.id}`)).json().coverUrl, coverUrl);
  const sneaky = await c.organiser.put(`/api/events/${ev.id}`, { ...ev.body, coverFileId: e.coverFileId });
  assert.equal(sneaky.statusCode, 400);
  assert.equal(sneaky.json().error.fields[0].code, 'unknown_field');
});

test('a text file renamed .png and an oversized image are refused with messages in the uploader\'s language', async () => {
  const ev = await newEvent();
  const text = await upload(c.organiser, ev.id, 'cover.png', Buffer.from('Это не картинка, а текст.\n'.repeat(20)));
  assert.equal(text.statusCode, 415);
  assert.equal(text.json().error.code, 'cover_not_image');
  assert.equal(text.json().error.message, errorText('ru', 'cover_not_image')); // the organiser uses the Russian interface
  const textEn = await upload(c.admin, ev.id, 'cover.png', Buffer.from('plain text'));
  assert.equal(textEn.json().error.message, errorText('en', 'cover_not_image'));
  const big = await upload(c.organiser, ev.id, 'big.png', Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024)]));
  assert.equal(big.statusCode, 413);
  assert.equal(big.json().error.code, 'cover_too_large');
  assert.match(big.json().error.message, /2 МБ/);
  assert.equal((await upload(c.organiser, ev.id, '../x.png', png())).statusCode, 200, 'the multipart parser keeps only the plain name');
  assert.equal((await upload(c.organiser, ev.id, '.hidden.png', png())).json().error.code, 'invalid_file_name');
  const { rows } = await t.deps.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM files f JOIN events e ON e.cover_file_id = f.id WHERE e.id = $1 AND f.name = $2', [ev.id, 'x.png']);
  assert.equal(rows[0].n, 1);
});

test('replacing changes the URL and the served type; removing unlinks it; both are audited', async () => {
  const ev = await newEvent();
  const first = (await upload(c.organiser, ev.id, 'a.png', png())).json().coverUrl;
  const second = (await upload(c.organiser, ev.id, 'b.jpg', jpeg(), 'image/jpeg')).json().coverUrl;
  assert.notEqual(first, second);
  assert.equal((await c.anonymous.get(second)).headers['content-type'], 'image/jpeg');
  assert.equal((await c.organiser.delete(`/api/events/${ev.id}/cover`)).statusCode, 200);
  assert.equal((await c.anonymous.get(`/api/events/${ev.id}`)).json().coverUrl, null);
  assert.equal((await c.anonymous.get(`/api/events/${ev.id}/cover`)).statusCode, 404);
  assert.equal((await c.organiser.delete(`/api/events/${ev.id}/cover`)).statusCode, 404);
  const audit = (await c.admin.get('/api/admin/audit', { query: { entityType: 'event', entityId: ev.id } })).json().items as { action: string; changes: { mime?: string } }[];
  assert.deepEqual(audit.map((a) => a.action).filter((a) => a.endsWith('_cover')).sort(), ['remove_cover', 'set_cover', 'set_cover']);
  assert.ok(audit.some((a) => a.action === 'set_cover' && a.changes.mime === 'image/jpeg'));
});

test('covers of drafts and invitation-only events are shown only to those who may see the event', async () => {
  const draft = await newEvent({ status: 'draft' });
  await upload(c.organiser, draft.id, 'cover.png', png());
  assert.equal((await c.anonymous.get(`/api/events/${draft.id}/cover`)).statusCode, 404);
  assert.equal((await c.participant.get(`/api/events/${draft.id}/cover`)).statusCode, 404);
  const own = await c.organiser.get(`/api/events/${draft.id}/cover`);
  assert.equal(own.statusCode, 200);
  assert.match(String(own.headers['cache-control']), /^private/);

  // An event that becomes invitation-only: its registrants still see the cover, others do not.
  const ev = await newEvent();
  const guest = await participant(t, ev.id);
  await upload(c.organiser, ev.id, 'cover.png', png());
  assert.equal((await c.organiser.put(`/api/events/${ev.id}`, { ...ev.body, visibility: 'invitation' })).statusCode, 200);
  assert.equal((await guest.c.get(`/api/events/${ev.id}/cover`)).statusCode, 200);
  assert.equal((await c.expert.get(`/api/events/${ev.id}/cover`)).statusCode, 404);
  assert.equal((await c.anonymous.get(`/api/events/${ev.id}/cover`)).statusCode, 404);
});
