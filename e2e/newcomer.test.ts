// What a newcomer tripped over, in the browser: double-clicks that posted twice or showed a raw error, the bell
// and the notifications page, admin role changes without confirmation, the first steps after registration,
// the organisation form's country, the time-zone picker by city.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, apiLogin, mailToken, type RunningServer, saveNewProfileRu } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function signIn(email: string, locale = 'ru-RU'): Promise<Page> {
  const ctx = await newContext(browser, { locale, timezoneId: 'Europe/Minsk' });
  const page = await ctx.newPage();
  await signInRu(server, page, email);
  return page;
}

test('double-clicks submit a profile once without an error, and send one message with an idempotency key; the bell counts notices', async () => {
  const owner = await signIn('participant@synergy.demo');
  await owner.goto(`${server.url}/marketplace/new`);
  await saveNewProfileRu(owner, 'Ремонт гидравлических насосов', 'Восстанавливаем шестерённые гидронасосы тракторов и комбайнов.');
  const submits: string[] = [];
  owner.on('request', (r) => { if (r.method() === 'POST' && /\/api\/profiles\/[^/]+\/submit$/.test(r.url())) submits.push(r.url()); });
  await owner.getByTestId('submit-profile').dblclick();
  await owner.getByText('на модерации').first().waitFor();
  await owner.waitForTimeout(500);
  assert.equal(submits.length, 1, 'one submit request');
  assert.equal(await owner.getByRole('alert').count(), 0, 'no error shown');
  const profileUrl = owner.url();

  const organiser = await signIn('organiser@synergy.demo');
  await organiser.goto(profileUrl);
  await organiser.getByRole('button', { name: 'Одобрить' }).click();
  await organiser.getByText('опубликован').first().waitFor();

  const other = await signIn('expert@synergy.demo');
  await other.goto(profileUrl);
  await other.getByTestId('interest-message').fill('Заинтересованы в испытаниях.');
  await other.getByTestId('send-interest').click();
  await other.getByText('ожидает ответа').waitFor();

  // The owner's bell counts the new notice; the notifications page lists it and marks it read.
  await owner.goto(`${server.url}/`);
  const bell = owner.getByTestId('notifications-bell');
  await owner.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid=notifications-bell]')?.getAttribute('aria-label') ?? ''));
  await bell.click();
  await owner.waitForURL(/\/inbox$/);
  const unread = owner.locator('[data-testid=notice][data-unread=true]');
  await unread.first().waitFor(); // the list loads after the page
  const before = await unread.count();
  assert.ok(before > 0, 'unread notices listed');
  await unread.first().getByRole('button', { name: 'Отметить прочитанным' }).click();
  await owner.waitForFunction((n) => document.querySelectorAll('[data-testid=notice][data-unread=true]').length === n - 1, before);
  await screenshot(owner, 'newcomer-inbox');

  // Accept, then a double-click on "Send" posts one message, with an Idempotency-Key header.
  await owner.goto(`${server.url}/marketplace/interests`);
  await owner.getByTestId('interest-row').filter({ hasText: 'гидравлических насосов' }).getByRole('link').first().click();
  await owner.getByTestId('accept-interest').click();
  await owner.getByTestId('exchanged-contacts').waitFor();
  const keys: (string | undefined)[] = [];
  owner.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/messages')) keys.push(r.headers()['idempotency-key']); });
  await owner.getByLabel('Новое сообщение').fill('Когда удобно созвониться?');
  await owner.getByTestId('send-message').dblclick();
  await owner.getByText('Когда удобно созвониться?').waitFor();
  await owner.waitForTimeout(500);
  assert.equal(keys.length, 1, 'one message request');
  assert.match(keys[0] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(await owner.getByText('Когда удобно созвониться?').count(), 1, 'the message appears once');
});

test('an admin role change asks for confirmation; cancelling leaves the roles as they were', async () => {
  const admin = await signIn('admin@synergy.demo'); // the demo admin's saved language is English
  await admin.goto(`${server.url}/admin/users`);
  // The demo has many experts (review panels): find the demo expert by the search box first.
  await admin.getByLabel('Search by name, email or organisation').fill('expert@synergy.demo');
  const box = admin.getByRole('checkbox', { name: 'Organiser: expert@synergy.demo' });
  await box.waitFor();
  const was = await box.isChecked();
  await box.click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByTestId('confirm-question').waitFor();
  assert.match(await dialog.getByTestId('confirm-question').innerText(), /Organiser/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await box.isChecked(), was, 'cancel changes nothing');
  await box.click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await admin.getByText('Saved').first().waitFor();
  assert.equal(await box.isChecked(), !was);
  // The audit log names the action in the reader's language and shows the change as a row.
  await admin.goto(`${server.url}/admin/audit`);
  await admin.getByTestId('audit-action').filter({ hasText: 'set roles' }).first().waitFor();
  assert.ok(await admin.getByTestId('audit-changes').filter({ hasText: '→' }).count() > 0);
});

test('a new Chinese user sees next steps, gets China as the organisation country and picks the time zone by city', async () => {
  const c = await fetch(`${server.url}/api/csrf`);
  const cookie = c.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
  const { token } = (await c.json()) as { token: string };
  const reg = await fetch(`${server.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie },
    body: JSON.stringify({ email: 'wang@example.cn', password: 'Jilin snow lantern 2021', name: '王芳', organisationName: '吉林大学', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', acceptTerms: true, acceptPrivacy: true }) });
  assert.ok(reg.ok, await reg.text());
  const admin = await apiLogin(server, 'admin@synergy.demo', 'synergy-2021');
  const verify = await mailToken(server, admin, 'wang@example.cn', 'verify-email');
  const ctx = await newContext(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/verify-email') && r.ok()), page.goto(`${server.url}/verify-email?token=${verify}`)]);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('电子邮箱').fill('wang@example.cn');
  await page.getByLabel(/^密码/).fill('Jilin snow lantern 2021');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('next-steps').waitFor();
  assert.match(await page.getByTestId('next-steps').innerText(), /加入您的机构或登记新机构/);

  await page.goto(`${server.url}/directory/mine`);
  await page.getByTestId('no-organisations').waitFor();
  assert.equal(await page.getByTestId('org-country').inputValue(), '中国');

  await page.goto(`${server.url}/account`);
  await page.getByRole('combobox', { name: '时区' }).click();
  await page.getByRole('option', { name: /^长春 \/ 北京 \(UTC\+8\)$/ }).waitFor();
  await page.getByRole('combobox', { name: '时区' }).fill('Berlin');
  await page.getByRole('option', { name: /Europe\/Berlin \(UTC\+1\)/ }).waitFor();
  await ctx.close();
});
