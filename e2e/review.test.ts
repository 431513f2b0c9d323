// Expert review in the browser: the Chinese officer runs the assignment of the open call's Chinese side in
// Chinese and reads each assignment's reasons; the demo expert (Russian, 390 px wide) confirms "no conflict",
// fills the review form, sees the draft autosaved and submits it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, type RunningServer, apiSession } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });


async function signInZh(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel(/^密码/).fill('synergy-2021');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('account-menu').waitFor();
}

test('the Chinese officer runs the assignment in Chinese and reads the reasons', async () => {
  const officer = await apiSession(server, 'officer.cn@synergy.demo');
  const calls = (await officer('GET', '/api/calls')) as { id: string; phase: string }[];
  const open = calls.find((c) => c.phase === 'open')!;
  // 王强 (FAW) conflicts with the FAW pair through his organisation; the other three are free.
  const experts = ['liuna', 'chenjing', 'sunli', 'wangqiang'];
  const pool = (await officer('GET', '/api/review/experts?country=CN')) as { userId: string; name: string }[];
  const ids = pool.filter((e) => ['刘娜', '陈静', '孙丽', '王强'].includes(e.name)).map((e) => e.userId);
  assert.equal(ids.length, 4);
  await officer('PUT', `/api/calls/${open.id}/review/CN/settings`, { conflictYears: 3, reviewsPerHalf: 2 });
  await officer('POST', `/api/calls/${open.id}/review/CN/invitations`, { expertUserIds: ids });
  for (const e of experts) await (await apiSession(server, `${e}@expert.demo`))('POST', `/api/calls/${open.id}/review/CN/invitations/respond`, { accept: true });

  const ctx = await newContext(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signInZh(page, 'officer.cn@synergy.demo');
  await page.goto(`${server.url}/review/calls/${open.id}/CN`);
  await page.getByRole('heading', { name: '评审：中方' }).waitFor();
  await page.getByTestId('run-assignment').click();
  await page.getByTestId('run-certificate').waitFor({ timeout: 60_000 });
  await page.getByText('已证明最优').waitFor();
  const rows = page.getByTestId('assignment-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 4);
  const reasons = await page.getByTestId('assignment-reason').allInnerTexts();
  assert.ok(reasons.length > 0 && reasons.some((r) => /[\u4e00-\u9fff]/.test(r)), `reasons in Chinese: ${JSON.stringify(reasons)}`);
  await page.getByRole('tab', { name: '利益冲突' }).click();
  await page.getByText(/同一单位/).first().waitFor();
  await screenshot(page, 'review-officer-zh');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the demo expert confirms no conflict and reviews in Russian on a phone-sized screen', async () => {
  const ctx = await newContext(browser, { locale: 'ru-RU', timezoneId: 'Europe/Minsk', viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signInRu(server, page, 'expert@synergy.demo');
  await page.goto(`${server.url}/review`);
  await page.getByRole('heading', { name: 'Экспертиза' }).waitFor();
  const first = page.getByTestId('my-assignment').first();
  await first.waitFor();
  await first.getByText('Название откроется после подтверждения отсутствия конфликта интересов.').waitFor();
  await first.click();
  await page.getByTestId('conflict-confirmation').waitFor();
  await page.getByRole('button', { name: 'Конфликта нет — открыть заявку' }).click();
  await page.getByTestId('review-form').waitFor();
  for (const code of ['priorities', 'novelty', 'customer', 'team', 'plan', 'ip']) await page.getByTestId(`score-${code}`).fill('4');
  await page.getByTestId('comment-applicants').fill('Сильный консорциум, реалистичный план.');
  await page.getByTestId('recommendation').click();
  await page.getByRole('option', { name: 'Поддержать', exact: true }).click();
  await page.getByTestId('confidence').getByText('4', { exact: true }).click();
  await page.getByTestId('autosave-state').getByText(/Черновик сохранён/).waitFor({ timeout: 15_000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal scroll at 390 px (${width})`);
  await page.getByTestId('submit-review').click();
  await page.getByText('Отзыв отправлен куратору.').waitFor();
  await screenshot(page, 'review-expert-ru-390');
  assert.deepEqual(errors, []);
  await ctx.close();
});
