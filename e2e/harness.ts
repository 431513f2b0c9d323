// Browser tests run the real server (npm start's code path) on a temporary embedded database,
// and drive Debian's Chromium through playwright-core (never a downloaded browser).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

export type RunningServer = { url: string; port: number; dataDir: string; stop(): Promise<void>; output(): string };

/** Starts `synergy serve` with demo data on a fresh data folder; resolves when /api/health is ok. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'synergy-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/synergy.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir, DEMO_MODE: 'true', JOBS: 'false', LOG_LEVEL: 'warn', WEB_BUILD: 'auto', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const deadline = Date.now() + 180_000; // generous: a loaded CI machine may also rebuild the web app first
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try { const r = await fetch(`${url}/api/health`); if (r.ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`server did not start:\n${out}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url, port, dataDir,
    output: () => out,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newContext(browser: Browser, opts: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: opts.locale ?? 'en-US', timezoneId: opts.timezoneId ?? 'Europe/Minsk', viewport: opts.viewport ?? { width: 1280, height: 900 } });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Reads the newest mail to `email` through the admin API (the outbox), returning the token in `/path?token=`. */
export async function mailToken(server: RunningServer, adminCookie: string, email: string, path: string): Promise<string> {
  const r = await fetch(`${server.url}/api/admin/outbox?to=${encodeURIComponent(email)}`, { headers: { cookie: adminCookie } });
  const data = (await r.json()) as { items: { text: string }[] };
  for (const m of data.items) {
    const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.text);
    if (match) return match[1];
  }
  throw new Error(`no ${path} mail for ${email}`);
}

/** Signs in through the API (for setup steps) and returns the session cookie header. */
export async function apiLogin(server: RunningServer, email: string, password: string): Promise<string> {
  const c = await fetch(`${server.url}/api/csrf`);
  const csrfCookie = c.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
  const { token } = (await c.json()) as { token: string };
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie }, body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login failed: ${await r.text()}`);
  return r.headers.getSetCookie().map((x) => x.split(';')[0]).filter((x) => x.startsWith('synergy_session=')).join('; ');
}

/** Signs a demo account in through the login form of the Russian interface (the page's context has locale ru-RU). */
export async function signInRu(server: RunningServer, page: Page, email: string, password = 'synergy-2021') {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel(/^Пароль/).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('account-menu').waitFor();
}

/** A signed-in API session (CSRF cookie + token, session cookie) for a browser test's setup steps; returns a caller. */
export async function apiSession(server: RunningServer, email: string) {
  const c = await fetch(`${server.url}/api/csrf`);
  const jar = new Map(c.headers.getSetCookie().map((x) => x.split(';')[0].split('=') as [string, string]));
  const { token } = (await c.json()) as { token: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookie() }, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const x of r.headers.getSetCookie()) { const [k, v] = x.split(';')[0].split('='); jar.set(k, v); }
    const data = r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(data)}`);
    return data as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  await call('POST', '/api/auth/login', { email, password: 'synergy-2021' });
  return call;
}

/** Fills the marketplace's new-profile form in the Russian UI (title, summary, licensing, on the market) and saves the draft. */
export async function saveNewProfileRu(page: Page, title: string, summary: string) {
  await page.getByTestId('field-title-ru').fill(title);
  await page.getByTestId('field-summary-ru').fill(summary);
  await page.getByTestId('field-partnershipTypes').click({ force: true });
  await page.getByRole('option', { name: 'Лицензионное соглашение' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Стадия разработки' }).click();
  await page.getByRole('option', { name: 'На рынке' }).click();
  await page.getByTestId('save-profile').click();
}
