// Register → confirm the email through the link in the outbox → sign in → switch to 中文 → Chinese UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, mailToken, apiLogin, signInRu, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('a newcomer registers, confirms the email, signs in and switches the interface to Chinese', async () => {
  const ctx = await newContext(browser, { locale: 'en-US', timezoneId: 'Europe/Minsk' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  await page.goto(`${server.url}/register`);
  await page.getByLabel('Email').fill('newcomer@example.org');
  await page.getByLabel(/^Password/).fill('a long password');
  await page.getByLabel('Full name').fill('Nadia Newcomer');
  await page.getByLabel('Organisation').fill('BSUIR');
  // Registration without consent is refused in the form; with both boxes ticked it goes through.
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByText('your consent is needed to register').first().waitFor();
  await page.getByLabel('I accept the terms of use').check();
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByText('We have sent you a link').waitFor();

  const admin = await apiLogin(server, 'admin@synergy.demo', 'synergy-2021');
  const token = await mailToken(server, admin, 'newcomer@example.org', 'verify-email');
  await page.goto(`${server.url}/verify-email?token=${token}`);
  await page.getByText('Your email address is confirmed').waitFor();

  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill('newcomer@example.org');
  await page.getByLabel(/^Password/).fill('a long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Welcome, Nadia Newcomer!').waitFor();

  await page.getByText('中文', { exact: true }).click();
  await page.getByText('欢迎，Nadia Newcomer！').waitFor();
  assert.equal(await page.getByRole('link', { name: '伙伴匹配' }).first().isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await screenshot(page, 'foundation-chinese-home');

  // The choice is saved on the account: a new browser session comes back in Chinese.
  await page.reload();
  await page.getByText('欢迎，Nadia Newcomer！').waitFor();
  // Sections that are not built say so plainly.
  await page.goto(`${server.url}/portfolio`);
  await page.getByText('该栏目暂未开放').waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('each demo role signs in; the admin sees administration, a participant does not', async () => {
  for (const [email, canAdmin] of [['admin@synergy.demo', true], ['participant@synergy.demo', false]] as const) {
    const ctx = await newContext(browser, { locale: 'ru-RU' });
    const page = await ctx.newPage();
    await signInRu(server, page, email);
    const adminLink = page.getByRole('link', { name: /Администрирование|Administration/ });
    assert.equal(await adminLink.count() > 0, canAdmin, email);
    await ctx.close();
  }
});

test('on a phone the shell fits the screen and the menu opens from the burger', async () => {
  const ctx = await newContext(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: '菜单' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('link', { name: '伙伴匹配' }).last().waitFor({ state: 'visible' });
  await screenshot(page, 'foundation-phone-menu');
  await ctx.close();
});

test('scripts are served pre-compressed to browsers that accept it, and plain otherwise', async () => {
  const html = await (await fetch(`${server.url}/marketplace`)).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(script, 'the page names its script');
  const br = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
  const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal((await br.text()).length, (await plain.text()).length, 'same script once decoded');
});
