#!/usr/bin/env node
// Fails when the Drizzle schema (src/db/schema) and the committed migrations (src/db/migrations) disagree, i.e. when
// `npm run db:generate` would write a new migration. drizzle-kit runs against a temporary copy of the migrations, so
// the working tree is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const migrations = 'src/db/migrations';
// drizzle-kit takes `--out` relative to the working directory, so the copy lives under the ignored .tmp/.
mkdirSync('.tmp', { recursive: true });
const dir = relative('.', mkdtempSync(join('.tmp', 'db-check-')));
const out = join(dir, 'migrations');
try {
  cpSync(migrations, out, { recursive: true });
  const before = new Set(readdirSync(out));
  const r = spawnSync(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--dialect', 'postgresql', '--schema', './src/db/schema/index.ts',
    '--out', out, '--name', 'db_check'], { encoding: 'utf8', env: process.env });
  if (r.status !== 0 || /\bError\b|ENOENT/.test(r.stderr + r.stdout)) {
    process.stderr.write(r.stdout + r.stderr);
    console.error('db:check: drizzle-kit generate failed');
    process.exitCode = 1;
  } else {
    const added = readdirSync(out).filter((f) => !before.has(f));
    if (added.length) {
      console.error(`db:check: the schema and the migrations disagree; \`npm run db:generate -- --name <what>\` would write ${added.join(', ')}`);
      process.exitCode = 1;
    } else console.log('db:check: the schema matches the committed migrations');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
