// On a phone (390×844) every main page fits the screen (no horizontal scrolling), the attendee list's
// main action is reachable, the header keeps the user's name behind a menu, and the marketplace shows
// results before its filters (which open in a drawer).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, apiLogin, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const PHONE = { width: 390, height: 844 };
const EVENT = '/events/synergy-of-innovations-2021';

/** Horizontal overflow of the page in px (0 when it fits), measured once the page has settled. */
async function overflow(page: Page): Promise<number> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(150);
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function walk(page: Page, paths: string[], problems: string[], ready: (p: Page) => Promise<unknown> = async () => {}) {
  for (const path of paths) {
    await page.goto(`${server.url}${path}`);
    await page.locator('h1').first().waitFor();
    await ready(page);
    const px = await overflow(page);
    if (px > 0) { problems.push(`${path}: ${px}px`); await screenshot(page, `phone-overflow-${path.replace(/\W+/g, '_')}`); }
  }
}

async function firstIds() {
  const cookie = await apiLogin(server, 'admin@synergy.demo', 'synergy-2021');
  const get = async (p: string) => (await (await fetch(`${server.url}${p}`, { headers: { cookie } })).json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const orgs = await get('/api/organisations');
  const profiles = await get('/api/profiles/search');
  return { org: (orgs.items ?? orgs)[0].id as string, profile: (profiles.items ?? profiles)[0].id as string };
}

test('every main page fits a 390 px screen for each role', async () => {
  const ids = await firstIds();
  const problems: string[] = [];
  const errors: string[] = [];
  const roles: [string, string[]][] = [
    ['participant@synergy.demo', ['/', '/directory', `/directory/organisations/${ids.org}`, '/directory/mine', '/marketplace', `/marketplace/profiles/${ids.profile}`,
      '/marketplace/mine', '/marketplace/new', '/marketplace/interests', '/events', EVENT, `${EVENT}/agenda`, `${EVENT}/attendees`, `${EVENT}/meetings`,
      '/matching', '/account', '/inbox']],
    ['organiser@synergy.demo', [`${EVENT}/manage`, `${EVENT}/schedule`, '/matching/supply-demand', '/marketplace/moderation', '/invitations', '/directory/taxonomy', '/directory/import']],
    ['admin@synergy.demo', ['/admin/users', '/admin/outbox', '/admin/audit']],
  ];
  for (const [email, paths] of roles) {
    const ctx = await newContext(browser, { locale: 'ru-RU', viewport: PHONE });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' || /HydrateFallback/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`); });
    await signInRu(server, page, email);
    await walk(page, paths, problems);
    await ctx.close();
  }
  assert.deepEqual(problems, [], 'pages wider than the screen');
  assert.deepEqual(errors, []);
});

test('on a phone the attendee list shows cards with the request button, and the agenda keeps the video link on screen', async () => {
  const ctx = await newContext(browser, { locale: 'ru-RU', viewport: PHONE });
  const page = await ctx.newPage();
  await signInRu(server, page, 'participant@synergy.demo');
  await page.goto(`${server.url}/events/synergy-online-brokerage`);
  await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await page.getByText('Зарегистрирован(а)').first().waitFor();
  await page.goto(`${server.url}/events/synergy-online-brokerage/attendees`);
  const button = page.getByRole('button', { name: /^Предложить встречу: / }).first();
  await button.waitFor();
  const box = (await button.boundingBox())!;
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `request button on screen (x ${box.x}, w ${box.width})`);
  assert.equal(await page.locator('table').count(), 0, 'cards, not a table, on a phone');
  await screenshot(page, 'phone-attendees');

  await page.goto(`${server.url}${EVENT}/agenda`);
  const video = page.getByTestId('agenda-video').first();
  if (await video.count()) {
    const v = (await video.boundingBox())!;
    assert.ok(v.x + v.width <= PHONE.width, 'video link not clipped');
  }
  assert.ok(await overflow(page) <= 0);
  await screenshot(page, 'phone-agenda');

  // The header keeps the account behind a menu button, not a cut name.
  const menu = page.getByTestId('account-menu');
  const m = (await menu.boundingBox())!;
  assert.ok(m.x + m.width <= PHONE.width, 'account menu on screen');
  await ctx.close();
});

test('on a phone the marketplace shows results first and the filters in a drawer', async () => {
  const ctx = await newContext(browser, { locale: 'ru-RU', viewport: PHONE });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/marketplace`);
  const first = page.getByTestId('profile-card').first();
  await first.waitFor();
  const box = (await first.boundingBox())!;
  assert.ok(box.y < PHONE.height, `a result on the first screen (y ${box.y})`);
  await page.getByRole('button', { name: 'Фильтры' }).click();
  await page.getByRole('dialog').getByText('Тип профиля').waitFor();
  await screenshot(page, 'phone-marketplace-filters');
  await ctx.close();
});
