// A production-like start (DEMO_MODE=false, no administrator): the server prints a one-time setup
// link, the page creates the first administrator in the browser, and the API docs page loads under
// the Content-Security-Policy without console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, newContext, screenshot, apiLogin, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer({ DEMO_MODE: 'false', NODE_ENV: 'production' }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('no administrator: the printed one-time link opens a page that creates the first one', async () => {
  // The banner follows /api/health by a moment.
  for (let i = 0; i < 40 && !/\/setup\?token=/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 250));
  const link = /(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/.exec(server.output())?.[1];
  assert.ok(link, `a setup link is printed:\n${server.output()}`);
  assert.doesNotMatch(server.output(), /Demo mode/);
  const ctx = await newContext(browser, { locale: 'ru-RU' });
  const page = await ctx.newPage();
  await page.goto(link);
  await page.getByLabel('Электронная почта').fill('root@example.org');
  await page.locator('input[autocomplete="new-password"]').fill('a long admin passphrase');
  await page.getByLabel('ФИО').fill('Главный администратор');
  await page.getByRole('button', { name: 'Создать администратора' }).click();
  await page.getByText('Учётная запись администратора готова').waitFor();
  await screenshot(page, 'setup-first-admin');
  await apiLogin(server, 'root@example.org', 'a long admin passphrase');
  await page.goto(link);
  await page.getByText('уже есть администратор').waitFor();
  await ctx.close();
});

test('/api/docs works under the CSP without console errors', async () => {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/api/docs/`);
  await page.getByText('Synergy API').first().waitFor();
  await page.locator('.opblock').first().waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('synergy create-user beside the running server on the embedded database: a printed password that must be changed first', async () => {
  const bin = join(fileURLToPath(new URL('..', import.meta.url)), 'bin/synergy.mjs');
  const r = spawnSync(process.execPath, [bin, 'create-user', '--email', 'org@example.org', '--role', 'organiser', '--country', 'CN', '--lang', 'zh', '--timezone', 'Asia/Shanghai'],
    { encoding: 'utf8', env: { ...process.env, DATA_DIR: server.dataDir, PORT: String(server.port), HOST: '127.0.0.1', DATABASE_URL: '' } });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const password = /password: (\S+)/.exec(r.stdout)?.[1];
  assert.ok(password, r.stdout);
  assert.match(r.stdout, /changed at first sign-in/);
  const cookie = await apiLogin(server, 'org@example.org', password);
  const blocked = await fetch(`${server.url}/api/organisations`, { headers: { cookie } });
  assert.equal(blocked.status, 403);
  assert.equal((await blocked.json()).error.code, 'password_change_required');
});
