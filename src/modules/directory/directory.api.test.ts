import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { createTestApp, roleClients, signUp, type Client, type TestApp } from '../../testing/test-app.ts';
import { multipart, orgId, clearDemoMarketplace } from '../profiles/testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); bntu = await orgId(t, 'by-bntu'); await clearDemoMarketplace(t); });
after(async () => { await t.close(); });

/** A real 1×1 PNG. */
function png(): Buffer {
  const crc = (buf: Buffer) => { let c = ~0; for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); } return ~c >>> 0; };
  const chunk = (type: string, data: Buffer) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const cr = Buffer.alloc(4); cr.writeUInt32BE(crc(td)); return Buffer.concat([len, td, cr]); };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

const upload = (cl: Client, url: string, name: string, content: Buffer, mime?: string) => {
  const m = multipart(name, content, mime);
  return cl.request('POST', url, m.body, { headers: m.headers });
};

test('anyone lists and filters the directory; organisations show verification', async () => {
  const all = (await c.anonymous.get('/api/organisations')).json();
  assert.ok(all.total >= 20);
  const cn = (await c.anonymous.get('/api/organisations', { query: { country: 'CN', type: 'university' } })).json();
  assert.ok(cn.items.length >= 1 && cn.items.every((o: { country: string; type: string }) => o.country === 'CN' && o.type === 'university'));
  const q = (await c.anonymous.get('/api/organisations', { query: { q: 'БНТУ' } })).json();
  assert.ok(q.items.some((o: { id: string }) => o.id === bntu));
  assert.equal(q.items[0].verified, true);
});

test('a signed-in user registers an organisation, becomes owner; others cannot edit it; organisers verify', async () => {
  const u = await signUp(t, { email: 'owner@example.org' });
  const r = await u.post('/api/organisations', { name: { en: 'Minsk Sensors' }, country: 'BY', type: 'enterprise', areas: ['instruments_photonics'] });
  assert.equal(r.statusCode, 201);
  const id = r.json().id;
  const card = (await u.get(`/api/organisations/${id}`)).json();
  assert.equal(card.myRole, 'owner');
  assert.equal(card.verified, false);
  assert.equal((await u.patch(`/api/organisations/${id}`, { website: 'https://sensors.example.org' })).statusCode, 200);
  assert.equal((await c.participant.patch(`/api/organisations/${id}`, { website: 'https://evil.example.org' })).statusCode, 403);
  assert.equal((await c.anonymous.patch(`/api/organisations/${id}`, { website: 'https://evil.example.org' })).statusCode, 401);
  assert.equal((await u.put(`/api/organisations/${id}/verified`, { verified: true })).statusCode, 403);
  assert.equal((await c.organiser.put(`/api/organisations/${id}/verified`, { verified: true })).statusCode, 200);
  assert.equal((await c.anonymous.get(`/api/organisations/${id}`)).json().verified, true);
  assert.equal((await c.organiser.patch(`/api/organisations/${id}`, { country: 'CN' })).statusCode, 200, 'organisers edit any organisation');
  // members
  await signUp(t, { email: 'colleague@example.org' });
  assert.equal((await u.post(`/api/organisations/${id}/members`, { email: 'colleague@example.org', role: 'member' })).statusCode, 200);
  const members = (await u.get(`/api/organisations/${id}`)).json().members;
  assert.equal(members.length, 2);
  assert.equal((await c.anonymous.get(`/api/organisations/${id}`)).json().members, null);
  const meId = (await u.get('/api/me')).json().id;
  assert.equal((await u.delete(`/api/organisations/${id}/members/${meId}`)).statusCode, 409, 'the last owner stays');
});

test('contacts: public to all, registered to signed-in users, after-EoI hidden from outsiders', async () => {
  const r = await c.participant.put(`/api/organisations/${bntu}/contacts`, { contacts: [
    { name: 'Приёмная', email: 'info@bntu.example', visibility: 'public' },
    { name: 'Отдел международных связей', email: 'int@bntu.example', visibility: 'registered' },
    { name: 'Андрей Мельников', email: 'am@bntu.example', phone: '+375 17 000-00-00', visibility: 'after_eoi' },
  ] });
  assert.equal(r.statusCode, 200);
  const anon = (await c.anonymous.get(`/api/organisations/${bntu}`)).json();
  assert.deepEqual(anon.contacts.map((x: { email: string }) => x.email), ['info@bntu.example']);
  assert.equal(anon.hiddenContacts, 2);
  assert.ok(!JSON.stringify(anon).includes('am@bntu.example'));
  const other = (await c.participantCn.get(`/api/organisations/${bntu}`)).json();
  assert.deepEqual(other.contacts.map((x: { email: string }) => x.email), ['info@bntu.example', 'int@bntu.example']);
  const own = (await c.participant.get(`/api/organisations/${bntu}`)).json();
  assert.equal(own.contacts.length, 3);
  assert.equal((await c.participantCn.put(`/api/organisations/${bntu}/contacts`, { contacts: [] })).statusCode, 403);
});

test('logo upload: checked by content type and size; names with paths refused', async () => {
  const ok = await upload(c.participant, `/api/organisations/${bntu}/logo`, 'logo.png', png(), 'image/png');
  assert.equal(ok.statusCode, 200, ok.body);
  const logo = await c.anonymous.get(`/api/organisations/${bntu}/logo`);
  assert.equal(logo.headers['content-type'], 'image/png');
  const pdfAsPng = await upload(c.participant, `/api/organisations/${bntu}/logo`, 'logo.png', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), 'image/png');
  assert.equal(pdfAsPng.statusCode, 415, 'content decides, not the claimed type');
  const script = await upload(c.participant, `/api/organisations/${bntu}/logo`, 'logo.png', Buffer.from('<script>alert(1)</script>'), 'image/png');
  assert.equal(script.statusCode, 415);
  const big = Buffer.concat([png(), Buffer.alloc(1024 * 1024 + 10)]);
  assert.equal((await upload(c.participant, `/api/organisations/${bntu}/logo`, 'big.png', big, 'image/png')).statusCode, 413);
  // The multipart parser keeps only the last path segment, and our check refuses what is left
  // if it is still not a plain name; the stored name never carries a path.
  for (const name of ['.hidden.png', '..', 'a\u0001b.png']) {
    const r = await upload(c.participant, `/api/organisations/${bntu}/logo`, name, png(), 'image/png');
    assert.equal(r.statusCode, 400, name);
    assert.equal(r.json().error.code, 'invalid_file_name', name);
  }
  for (const name of ['../../etc/passwd.png', 'dir/logo.png', '..\\..\\logo.png']) {
    const r = await upload(c.participant, `/api/organisations/${bntu}/logo`, name, png(), 'image/png');
    assert.equal(r.statusCode, 200, name);
    const { rows: [f] } = await t.deps.database.sql.query<{ name: string }>('SELECT f.name FROM files f JOIN organisations o ON o.logo_file_id = f.id WHERE o.id = $1', [bntu]);
    assert.ok(!/[\\/]/.test(f.name) && !f.name.startsWith('.'), `${name} stored as ${f.name}`);
  }
  assert.equal((await upload(c.participantCn, `/api/organisations/${bntu}/logo`, 'logo.png', png())).statusCode, 403);
});

test('organisers manage the taxonomy without code changes', async () => {
  const r = await c.organiser.post('/api/taxonomy', { code: 'ict_ai.quantum', parentCode: 'ict_ai', label: { ru: 'Квантовые вычисления', zh: '量子计算', en: 'Quantum computing' }, grnti: ['50'], gbt: ['520'] });
  assert.equal(r.statusCode, 201);
  assert.ok((await c.anonymous.get('/api/taxonomy')).json().some((n: { code: string }) => n.code === 'ict_ai.quantum'));
  assert.equal((await c.organiser.post('/api/taxonomy', { code: 'ict_ai.quantum', label: { en: 'dup' } })).statusCode, 409);
  assert.equal((await c.participant.post('/api/taxonomy', { code: 'x_y', label: { en: 'x' } })).statusCode, 403);
  assert.equal((await c.organiser.patch('/api/taxonomy/ict_ai.quantum', { active: false })).statusCode, 200);
  assert.ok(!(await c.anonymous.get('/api/taxonomy')).json().some((n: { code: string }) => n.code === 'ict_ai.quantum'));
  assert.ok((await c.organiser.get('/api/taxonomy')).json().some((n: { code: string; active: boolean }) => n.code === 'ict_ai.quantum' && !n.active));
});
