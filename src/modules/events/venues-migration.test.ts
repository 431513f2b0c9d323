// Migration 0007 on a database that has rows from before it: the former single `venue` text becomes the first
// venue, and venue/room names stored as plain strings become { "<creator's language or ru>": text }.
// Runs the real migration files on a fresh PGlite database (stopping before 0007 to write the old rows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../../db/pglite-durability.ts';
import { fromPglite } from '../../db/client.ts';
import { migrate, migrationHashes } from '../../db/migrate.ts';

test('migration 0007 moves the single venue text into venues and turns plain-string names into multilingual ones', async () => {
  const db = fromPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  try {
    assert.ok(migrationHashes().length >= 8);
    await migrate(db, { upTo: 7 }); // 0000–0006
    const q = db.sql.query.bind(db.sql);
    await q(`INSERT INTO users (id, email, password_hash, name, lang, timezone, country, created_at, updated_at)
      VALUES ('01900000-0000-7000-8000-00000000000a', 'zh@example.org', 'x', 'Li', 'zh', 'Asia/Shanghai', 'CN', now(), now())`);
    const ev = (id: string, slug: string, venue: string, venues: string, createdBy: string | null) => q(
      `INSERT INTO events (id, slug, title, format, timezone, starts_at, ends_at, venue, venues, created_by, created_at, updated_at)
       VALUES ($1, $2, '{"en":"E"}', 'onsite', 'Europe/Minsk', now(), now(), $3::jsonb, $4::jsonb, $5, now(), now())`, [id, slug, venue, venues, createdBy]);
    await ev('01900000-0000-7000-8000-000000000001', 'legacy', '{"ru":"Технопарк","en":"Technopark"}', '[]', null);
    await ev('01900000-0000-7000-8000-000000000002', 'strings', '{}',
      '[{"id":"v","name":"科技园","address":"","rooms":[{"id":"r1","name":"A厅","videoUrl":null},{"id":"r2","name":{"en":"Hall B"}}]}]', '01900000-0000-7000-8000-00000000000a');
    await ev('01900000-0000-7000-8000-000000000003', 'strings-ru', '{}', '[{"id":"v","name":"Зал","address":"Минск"}]', null);
    const ok = '[{"id":"v","name":{"en":"Venue"},"address":{},"rooms":[]}]';
    await ev('01900000-0000-7000-8000-000000000004', 'already-ml', '{"ru":"Старый текст"}', ok, null);

    await migrate(db);
    const rows = (await q<{ slug: string; venues: unknown }>('SELECT slug, venues FROM events ORDER BY slug')).rows;
    const by = Object.fromEntries(rows.map((r) => [r.slug, r.venues]));
    assert.deepEqual(by.legacy, [{ id: 'main', name: { ru: 'Технопарк', en: 'Technopark' }, address: {}, rooms: [] }]);
    // Written by a user of the Chinese interface: the strings were Chinese; an empty address becomes {}; Ml names stay.
    assert.deepEqual(by.strings, [{ id: 'v', name: { zh: '科技园' }, address: {}, rooms: [{ id: 'r1', name: { zh: 'A厅' }, videoUrl: null }, { id: 'r2', name: { en: 'Hall B' } }] }]);
    assert.deepEqual(by['strings-ru'], [{ id: 'v', name: { ru: 'Зал' }, address: { ru: 'Минск' }, rooms: [] }]);
    // Venues already set up are left as they are (the old single text is not added to them).
    assert.deepEqual(by['already-ml'], JSON.parse(ok));
    const cols = (await q<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'venue'`)).rows;
    assert.equal(cols.length, 0);
  } finally {
    await db.close();
  }
});
