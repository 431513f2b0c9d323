// `synergy match`: reads an import-format file, writes { profileExternalId: [candidateExternalId…] }.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT_FORMAT, IMPORT_VERSION } from '../../shared/import-format.ts';
import { HYDROGEN_SET } from './test-profiles.ts';
import { batchPredictions, parseImportFile, profilesFromImport } from './index.ts';

const BIN = fileURLToPath(new URL('../../../bin/synergy.mjs', import.meta.url));

function importFile() {
  const orgs = [...new Map(HYDROGEN_SET.map((p) => [p.organisationId, p])).values()].map((p) => ({
    externalId: p.organisationId, name: { en: p.organisationId }, country: p.country, type: p.organisationType ?? 'enterprise',
  }));
  return {
    format: IMPORT_FORMAT, version: IMPORT_VERSION, organisations: orgs,
    profiles: HYDROGEN_SET.map((p) => ({
      externalId: p.id, organisation: p.organisationId, type: p.type, title: p.title, summary: p.summary,
      partnershipTypes: p.partnershipTypes, ...(p.trl ? { trl: p.trl } : {}), ...(p.trlMinSought ? { trlMinSought: p.trlMinSought } : {}),
    })),
  };
}

const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'match', ...args], { encoding: 'utf8', timeout: 120_000 });

test('synergy match writes ranked other-country candidates for every profile, by external id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
  try {
    writeFileSync(join(dir, 'in.json'), JSON.stringify(importFile()));
    const r = run(['--input', join(dir, 'in.json'), '--top', '2', '--output', join(dir, 'out.json')]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, string[]>;
    assert.deepEqual(Object.keys(out).sort(), HYDROGEN_SET.map((p) => p.id).sort());
    assert.equal(out['ru-req'][0], 'zh-offer');
    assert.ok(out['ru-req'].length <= 2);
    assert.ok(!out['ru-req'].includes('ru-lookalike'), 'BY↔BY is not paired by default');
    // same as the library call
    const lib = batchPredictions(profilesFromImport(parseImportFile(importFile())), { top: 2 });
    assert.deepEqual(out, lib);
    // --same-country lets Belarusian profiles meet
    const r2 = run(['--input', join(dir, 'in.json'), '--same-country']);
    assert.equal(r2.status, 0, r2.stderr);
    assert.ok((JSON.parse(r2.stdout) as Record<string, string[]>)['ru-req'].includes('ru-lookalike'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('synergy match rejects an invalid file and a bad --top with exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'match-cli-'));
  try {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ format: 'other' }));
    const r = run(['--input', join(dir, 'bad.json')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read/);
    writeFileSync(join(dir, 'in.json'), JSON.stringify(importFile()));
    assert.equal(run(['--input', join(dir, 'in.json'), '--top', '0']).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
