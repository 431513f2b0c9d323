// `synergy migrate` then `synergy import` on a database that was never started: the reference
// taxonomy that imports check areas against must exist after migrating. Runs the real command
// line on an empty embedded database (or, with SYNERGY_TEST_DB=postgres, an empty PostgreSQL database).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testDbKind } from '../../testing/test-db.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/synergy.mjs');
const dir = mkdtempSync(join(tmpdir(), 'synergy-migrate-'));
const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_ENV: 'production', LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data') };
delete env.DATABASE_URL;
let dropDb: (() => Promise<void>) | null = null;
after(async () => { rmSync(dir, { recursive: true, force: true }); await dropDb?.(); });

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, cwd: ROOT });

test('import right after migrate finds the taxonomy (no unknown_area), and a second import creates nothing', async () => {
  if (testDbKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `synergy_cli_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url); u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDb = async () => { const a = new pg.Client({ connectionString: url }); await a.connect(); await a.query(`DROP DATABASE IF EXISTS ${name}`); await a.end(); };
  }
  const migrated = run('migrate');
  assert.equal(migrated.status, 0, migrated.stderr);
  const file = join(dir, 'orgs.json');
  writeFileSync(file, JSON.stringify({
    format: 'synergy-import', version: 2,
    organisations: [{ externalId: 'cli-org-1', name: { en: 'CLI Org' }, country: 'BY', type: 'enterprise', areas: ['ict_ai'], subAreas: ['ict_ai.big_data'] }],
    profiles: [{ externalId: 'cli-p-1', organisation: 'cli-org-1', type: 'TO', title: { en: 'Big data' }, summary: { en: 'Summary' },
      partnershipTypes: ['licensing'], areas: ['ict_ai'] }],
  }));
  const first = run('import', file);
  assert.doesNotMatch(first.stdout, /unknown_area/);
  assert.equal(first.status, 0, first.stdout + first.stderr);
  assert.match(first.stdout, /1 organisations \(1 new, 0 updated\), 1 profiles \(1 new, 0 updated\)/);
  const second = run('import', file);
  assert.equal(second.status, 0, second.stdout + second.stderr);
  assert.match(second.stdout, /1 organisations \(0 new, 1 updated\), 1 profiles \(0 new, 1 updated\)/);
});
