// Module boundaries: a module uses another only through the imports listed here, each with the reason it exists.
// Everything else (a new cross-module import, or one in the other direction) fails this test — extend the list
// on purpose, in review, or call through a module that may. Tests and test helpers are free to import anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** importer → modules it may import, with why. Keep it short: a new line here is a design decision. */
const ALLOWED: Record<string, Record<string, string>> = {
  admin: { accounts: 'administrators manage accounts, roles, invitations and sessions through the accounts module' },
  profiles: { directory: 'a profile belongs to an organisation: membership, organisation summaries, notices to members' },
  interests: {
    directory: 'expressions of interest are between organisations (membership, contacts, notices)',
    profiles: 'an expression of interest is about a profile',
    notifications: 'the inbox schemas are re-exported under their old names',
  },
  exchange: { directory: 'imports and exports organisations', profiles: 'imports and exports profiles (search documents, expiry rule)' },
  matching: { directory: 'recommends organisations (membership, summaries, notices)', profiles: 'matches published profiles' },
  scheduling: { events: 'the console schedules an event\'s meetings through the events module (placement, publish, notices)' },
  calls: {
    directory: 'applicants, partners and funders are organisations of the directory (membership, summaries)',
    profiles: 'a call page lists the RDR profiles that refer to it; an application can start from a recommendation',
    interests: 'an application can start from an accepted expression of interest',
    events: 'an application can start from a meeting whose outcome is "joint application planned"',
    matching: 'an application can start from a recommendation of the matching module',
  },
  review: {
    calls: 'experts review the halves of a call\'s applications; officer scope and application facts come from calls',
    directory: 'conflicts of interest: affiliations with consortium organisations',
    interests: 'conflicts of interest: accepted expressions of interest with consortium organisations',
    events: 'conflicts of interest: meetings held with consortium organisations',
  },
};

const root = resolve(import.meta.dirname, '..');
const modulesDir = join(root, 'modules');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|mts|mjs)$/.test(name) && !/\.test\.ts$/.test(name) && name !== 'testing.ts') out.push(p);
  }
  return out;
}

const moduleOf = (file: string) => {
  const rel = relative(modulesDir, file);
  return rel.startsWith('..') ? null : rel.split('/')[0];
};

/** Every cross-module import as "importer → target (file: specifier)". */
function crossImports() {
  const found: { from: string; to: string; where: string }[] = [];
  for (const file of sourceFiles(modulesDir)) {
    const from = moduleOf(file)!;
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const to = moduleOf(resolve(dirname(file), ref.fileName));
      if (to && to !== from) found.push({ from, to, where: `${relative(root, file)}: ${ref.fileName}` });
    }
  }
  return found;
}

test('modules import each other only along the allowed, commented edges', () => {
  const edges = crossImports();
  assert.ok(edges.length > 0, 'the parser finds the known imports (scheduling → events at least)');
  const unexpected = edges.filter((e) => !ALLOWED[e.from]?.[e.to]).map((e) => `${e.from} → ${e.to} (${e.where})`);
  assert.deepEqual(unexpected, [], 'add a reason to ALLOWED only if this dependency is meant');
  const used = new Set(edges.map((e) => `${e.from}>${e.to}`));
  const stale = Object.entries(ALLOWED).flatMap(([from, tos]) => Object.keys(tos).map((to) => `${from}>${to}`)).filter((k) => !used.has(k));
  assert.deepEqual(stale, [], 'an allowed edge nobody uses any more is removed from the list');
});

test('no two modules depend on each other (the allowed edges have no cycle)', () => {
  const seen = new Set(crossImports().map((e) => `${e.from}>${e.to}`));
  const cycles = [...seen].filter((k) => { const [a, b] = k.split('>'); return seen.has(`${b}>${a}`); });
  assert.deepEqual(cycles, []);
});

test('the parser sees static, type-only and dynamic imports', () => {
  const info = ts.preProcessFile("import type { A } from '../x/a.ts';\nexport { b } from '../y/b.ts';\nawait import('../z/c.ts');", true, true);
  assert.deepEqual(info.importedFiles.map((f) => f.fileName), ['../x/a.ts', '../y/b.ts', '../z/c.ts']);
});
