import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, roleClients, type Client, type TestApp } from '../../testing/test-app.ts';
import { profiles } from '../../db/schema/index.ts';
import { multipart } from '../profiles/testing.ts';
import { readSource, importSource } from './import.ts';
import { systemContext } from '../../platform/context.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const upload = (cl: Client, url: string, name: string, content: Buffer) => { const m = multipart(name, content); return cl.request('POST', url, m.body, { headers: m.headers }); };

function bigFile(n: number, badRow?: number) {
  return {
    format: 'synergy-import', version: 2,
    organisations: [{ externalId: 'imp-org-1', name: { ru: 'Импортная организация', en: 'Imported org' }, country: 'BY', type: 'enterprise', areas: ['ict_ai'],
      contacts: [{ name: 'Иван', email: 'ivan@imp.example', visibility: 'after_eoi' }] }],
    profiles: Array.from({ length: n }, (_, i) => ({
      externalId: `imp-p-${i + 1}`, organisation: i % 2 ? 'imp-org-1' : 'by-bntu', type: 'TO', status: 'published',
      title: { ru: `Импортированный профиль ${i + 1}`, zh: `导入的合作信息${i + 1}` }, summary: { en: `Imported summary ${i + 1}` },
      partnershipTypes: ['licensing'], trl: i + 1 === badRow ? 12 : 1 + (i % 9), areas: ['ict_ai'],
    })),
  };
}
const count = async () => (await t.deps.db.select({ id: profiles.id }).from(profiles).where(like(profiles.externalId, 'imp-p-%'))).length;

test('one bad row among 1,000: dry run names it, real import writes nothing; then all-or-nothing succeeds and is idempotent', async () => {
  const bad = Buffer.from(JSON.stringify(bigFile(1000, 537)));
  const dry = await upload(c.organiser, '/api/directory/import?dryRun=true', 'profiles.json', bad);
  assert.equal(dry.statusCode, 200, dry.body);
  const r = dry.json();
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p: { sheet: string; row: number; column: string; code: string }) => [p.sheet, p.row, p.column, p.code]), [['profiles', 537, 'trl', 'too_big']]);
  assert.match(r.problems[0].message, /большое|long|large/);
  const real = (await upload(c.organiser, '/api/directory/import?dryRun=false', 'profiles.json', bad)).json();
  assert.equal(real.ok, false);
  assert.equal(await count(), 0, 'nothing imported');

  const good = Buffer.from(JSON.stringify(bigFile(1000)));
  const ok = (await upload(c.organiser, '/api/directory/import?dryRun=false', 'profiles.json', good)).json();
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.profiles, { total: 1000, create: 1000, update: 0 });
  assert.equal(await count(), 1000);
  const again = (await upload(c.organiser, '/api/directory/import?dryRun=false', 'profiles.json', good)).json();
  assert.deepEqual(again.profiles, { total: 1000, create: 0, update: 1000 });
  assert.equal(await count(), 1000, 're-importing updates, never duplicates');
  const found = (await c.anonymous.get('/api/profiles/search', { query: { q: '导入的合作信息', limit: '5' } })).json();
  assert.equal(found.facets.total, 1000, 'imported profiles are searchable');
  assert.equal((await upload(c.participant, '/api/directory/import?dryRun=true', 'profiles.json', good)).statusCode, 403);
});

test('row-level problems across sheets: unknown organisation, duplicates, unknown area, missing language', async () => {
  const f = bigFile(4);
  (f.profiles[0] as Record<string, unknown>).areas = ['no_such_area'];
  f.profiles[1].organisation = 'nowhere';
  f.profiles[2].externalId = 'imp-p-1';
  (f.profiles[3] as Record<string, unknown>).summary = {};
  const r = (await upload(c.organiser, '/api/directory/import?dryRun=true', 'x.json', Buffer.from(JSON.stringify(f)))).json();
  const got = r.problems.map((p: { row: number; column: string; code: string }) => `${p.row}:${p.column}:${p.code}`).sort();
  assert.deepEqual(got, ['1:areas:unknown_area', '2:organisation:unknown_organisation', '3:external_id:duplicate', '4:summary:ml_required']);
});

test('export → import round-trips unchanged (JSON), and CSV/XLSX exports re-import cleanly', async () => {
  const exp1 = (await c.organiser.get('/api/directory/export', { query: { format: 'json' } })).json();
  assert.ok(exp1.profiles.length >= 1000 && exp1.organisations.length >= 20);
  const ctx = systemContext(t.deps);
  const back = await importSource(ctx, await readSource(Buffer.from(JSON.stringify(exp1)), 'e.json'), { dryRun: false });
  assert.equal(back.ok, true, JSON.stringify(back.problems.slice(0, 3)));
  assert.equal(back.profiles.create, 0);
  assert.equal(back.organisations.create, 0);
  const exp2 = (await c.organiser.get('/api/directory/export', { query: { format: 'json' } })).json();
  delete exp1.exportedAt; delete exp2.exportedAt;
  assert.deepEqual(exp2, exp1);

  const csv = await c.organiser.get('/api/directory/export', { query: { format: 'csv', q: 'импортированный', type: 'TO' } });
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  const csvReport = await importSource(ctx, await readSource(csv.rawPayload, 'p.csv'), { dryRun: true });
  assert.equal(csvReport.ok, true, JSON.stringify(csvReport.problems.slice(0, 3)));
  assert.deepEqual(csvReport.profiles, { total: 1000, create: 0, update: 1000 });

  const xlsx = await c.organiser.get('/api/directory/export', { query: { format: 'xlsx' } });
  const xReport = await importSource(ctx, await readSource(xlsx.rawPayload, 'all.xlsx'), { dryRun: true });
  assert.equal(xReport.ok, true, JSON.stringify(xReport.problems.slice(0, 3)));
  assert.equal(xReport.profiles.update, exp1.profiles.length);
});

test('the XLSX template has both sheets with trilingual headers and imports once filled', async () => {
  const r = await c.organiser.get('/api/directory/import-template');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['organisations', 'profiles']);
  const header = wb.getWorksheet('profiles')!.getRow(1).getCell(5).text;
  assert.match(header, /^title_ru — Заголовок \(ru\) \/ 标题 \(ru\) \/ Title \(ru\)$/);
  const ws = wb.getWorksheet('profiles')!;
  const cols = (ws.getRow(1).values as string[]).slice(1).map((h) => h.split(' ')[0]);
  const row = Object.fromEntries(cols.map((k) => [k, '']));
  Object.assign(row, { external_id: 'tpl-1', organisation: 'by-bsu', type: 'TR', title_zh: '寻求合作', summary_zh: '模板导入', partnership_types: 'rd_cooperation; licensing', trl: '3' });
  ws.addRow(cols.map((k) => row[k]));
  const report = await importSource(systemContext(t.deps), await readSource(Buffer.from(await wb.xlsx.writeBuffer()), 'filled.xlsx'), { dryRun: false });
  assert.equal(report.ok, true, JSON.stringify(report.problems));
  assert.equal(report.profiles.create, 1);
  const bad = await importSource(systemContext(t.deps), await readSource(Buffer.from('external_id,organisation,type,title_ru,summary_ru,partnership_types,trl\nx-1,by-bsu,TO,Т,С,licensing,abc\n'), 'p.csv'), { dryRun: true });
  assert.deepEqual(bad.problems.map((p) => [p.row, p.column, p.code]), [[2, 'trl', 'invalid_type']]);
});
