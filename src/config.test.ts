// Configuration is validated at start: a bad value names the variable and what is expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadConfig, ConfigError, CONFIG_DOCS, configSchema } from './config.ts';

test('defaults give a working embedded setup', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 3000);
  assert.equal(c.DATABASE_URL, undefined, 'no DATABASE_URL means embedded PGlite');
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.https, false);
  assert.deepEqual(c.corsOrigins, [], 'CORS closed by default');
});

test('each bad value is reported with the variable and what is expected', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /^PORT="abc": expected number/],
    [{ PORT: '70000' }, /^PORT="70000": expected a value ≤ 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL="mysql:\/\/x": expected a postgres:\/\//],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud": expected one of fatal, error/],
    [{ PUBLIC_URL: 'not a url' }, /^PUBLIC_URL="not a url": expected a valid url/],
    [{ DEMO_MODE: 'maybe' }, /^DEMO_MODE="maybe"/],
  ];
  for (const [env, re] of cases) {
    assert.throws(() => loadConfig(env), (e) => e instanceof ConfigError && e.problems.length === 1 && re.test(e.problems[0]), JSON.stringify(env));
  }
  assert.throws(() => loadConfig({ PORT: 'x', SMTP_URL: 'http://mail' }), (e) => e instanceof ConfigError && e.problems.length === 2);
});

test('HTTPS public URLs switch on secure cookies and HSTS; CORS origins are a list', () => {
  const c = loadConfig({ PUBLIC_URL: 'https://synergy.example.org/', CORS_ORIGINS: 'https://a.example, https://b.example' });
  assert.equal(c.https, true);
  assert.equal(c.publicUrl, 'https://synergy.example.org');
  assert.deepEqual(c.corsOrigins, ['https://a.example', 'https://b.example']);
});

test('every variable is documented (the README table comes from the same list)', () => {
  assert.deepEqual(Object.keys(CONFIG_DOCS).sort(), Object.keys(configSchema.shape).sort());
});

test('`synergy check-config` exits non-zero naming the bad variable', () => {
  const r = spawnSync(process.execPath, ['bin/synergy.mjs', 'check-config'], { env: { ...process.env, PORT: 'seventy', DATABASE_URL: '' }, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr + r.stdout, /PORT="seventy"/);
});
