// A Belarusian PI in the Russian interface and a Chinese PI in the Chinese interface build one joint
// application from their 2021 exchange meeting, fix a mirror mismatch, submit both halves and each
// downloads a receipt (a PDF with Russian and Chinese text).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function signInZh(page: Page, email: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel(/^密码/).fill('synergy-2021');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('account-menu').waitFor();
}

/** Types into a field and waits until its section reports "saved" (autosave). */
async function fill(page: Page, side: string, section: string, testid: string, value: string, saved: string) {
  const card = page.getByTestId(`section-${side}-${section}`);
  await card.getByTestId(testid).fill(value);
  await card.getByTestId(`save-state-${side}-${section}`).filter({ hasText: saved }).waitFor({ timeout: 15_000 });
}

async function uploadAll(page: Page, _side: string) {
  for (;;) {
    const pending = page.locator('[data-testid^="upload-"]', { hasText: /Загрузить|上传/ });
    if ((await pending.count()) === 0) break;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pending.first().click()]);
    const before = await pending.count();
    await chooser.setFiles({ name: 'doc.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.waitForFunction(([n]) => document.querySelectorAll('[data-testid^="upload-"]').length > 0 &&
      [...document.querySelectorAll('[data-testid^="upload-"]')].filter((b) => /Загрузить|上传/.test(b.textContent ?? '')).length < n, [before]);
  }
}

async function receiptText(page: Page, side: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`receipt-pdf-${side}`).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'e2e-receipt-'));
  const path = join(dir, 'r.pdf');
  await download.saveAs(path);
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
}

test('a Russian and a Chinese PI build one application from their meeting, fix a mirror mismatch, submit both halves and download receipts', async () => {
  const ruCtx = await newContext(browser, { locale: 'ru-RU', timezoneId: 'Europe/Minsk', viewport: { width: 390, height: 844 } });
  const zhCtx = await newContext(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const ru = await ruCtx.newPage();
  const zh = await zhCtx.newPage();
  const errors: string[] = [];
  for (const p of [ru, zh]) p.on('pageerror', (e) => errors.push(String(e)));
  await signInRu(server, ru, 'participant@synergy.demo');
  await signInZh(zh, 'participant.cn@synergy.demo');

  // From the 2021 meeting with outcome "joint application planned" to the open call.
  await ru.goto(`${server.url}/events/synergy-of-innovations-2021/meetings`);
  await ru.getByTestId('start-joint-application').first().click();
  await ru.getByTestId('origin-banner').waitFor();
  await ru.getByTestId('call-card').filter({ hasText: 'приём открыт' }).first().click();
  await ru.getByTestId('countdown').waitFor();
  await ru.getByTestId('start-application').click();
  await ru.getByTestId('section-BY-title').waitFor();
  const appUrl = ru.url();
  assert.match(appUrl, /\/applications\/[0-9a-f-]{36}$/);
  await ru.getByText('из встречи на бирже').waitFor();
  // Both organisations and both PIs are filled in from the meeting.
  assert.equal(await ru.getByTestId('section-BY-consortium').getByTestId('pi-CN').inputValue(), '李明');

  // The Belarusian half, in Russian.
  await fill(ru, 'BY', 'title', 'title-ru', 'Лазерная наплавка покрытий', 'сохранено');
  await fill(ru, 'BY', 'title', 'title-zh', '激光熔覆涂层', 'сохранено');
  await fill(ru, 'BY', 'title', 'abstract-ru', 'Совместная разработка технологии лазерной наплавки.', 'сохранено');
  await ru.getByTestId('section-BY-title').getByTestId('duration').fill('24');
  await ru.getByTestId('section-BY-title').getByTestId('areas').click({ force: true });
  await ru.getByRole('option', { name: 'Новые материалы' }).click();
  await ru.keyboard.press('Escape');
  await ru.getByTestId('section-BY-title').getByTestId('save-state-BY-title').filter({ hasText: 'сохранено' }).waitFor();
  await ru.getByTestId('section-BY-workplan').getByTestId('add-stage').click();
  await fill(ru, 'BY', 'workplan', 'stage-0-ru', 'Разработка технологии', 'сохранено');
  await ru.getByTestId('section-BY-budget').getByTestId('add-budget').click();
  await ru.getByTestId('save-state-BY-budget').filter({ hasText: 'сохранено' }).waitFor({ timeout: 15_000 });
  await fill(ru, 'BY', 'results', 'results-ru', 'Опытная установка', 'сохранено');
  await fill(ru, 'BY', 'ip', 'ip-ru', 'Совместный патент', 'сохранено');
  await fill(ru, 'BY', 'customer', 'customer', 'Министерство промышленности', 'сохранено');
  await ru.getByTestId('section-BY-customer').getByTestId('commitment').check();
  await ru.getByTestId('save-state-BY-customer').filter({ hasText: 'сохранено' }).waitFor({ timeout: 15_000 });
  await uploadAll(ru, 'BY');

  // The Chinese half, in Chinese: the PI writes the Chinese title differently.
  await zh.goto(appUrl);
  await zh.getByTestId('section-CN-title').waitFor();
  await fill(zh, 'CN', 'title', 'title-ru', 'Лазерная наплавка покрытий', '已保存');
  await fill(zh, 'CN', 'title', 'title-zh', '激光熔覆涂层技术', '已保存');
  await fill(zh, 'CN', 'title', 'abstract-zh', '联合开发激光熔覆技术。', '已保存');
  await zh.getByTestId('section-CN-title').getByTestId('duration').fill('24');
  await zh.getByTestId('section-CN-title').getByTestId('areas').click({ force: true });
  await zh.getByRole('option', { name: '新材料' }).click();
  await zh.keyboard.press('Escape');
  await zh.getByTestId('save-state-CN-title').filter({ hasText: '已保存' }).waitFor({ timeout: 15_000 });
  await zh.getByTestId('section-CN-workplan').getByTestId('add-stage').click();
  await fill(zh, 'CN', 'workplan', 'stage-0-zh', '技术开发', '已保存');
  await zh.getByTestId('section-CN-budget').getByTestId('add-budget').click();
  await zh.getByTestId('save-state-CN-budget').filter({ hasText: '已保存' }).waitFor({ timeout: 15_000 });
  await fill(zh, 'CN', 'results', 'results-zh', '试验装置', '已保存');
  await fill(zh, 'CN', 'ip', 'ip-zh', '联合专利', '已保存');
  await uploadAll(zh, 'CN');

  // The mismatch is shown side by side, and submission is refused with the reason in Chinese.
  await zh.reload();
  await zh.getByTestId('mirror-mismatch').waitFor();
  await zh.getByTestId('mirror-mismatch').getByText('激光熔覆涂层技术').waitFor();
  await zh.getByTestId('submit-CN').click();
  await zh.getByText(/镜像申请不一致/).first().waitFor();
  // Fixed by the Chinese PI.
  await fill(zh, 'CN', 'title', 'title-zh', '激光熔覆涂层', '已保存');
  await zh.reload();
  await zh.getByTestId('mirror-ok').waitFor();
  await zh.getByTestId('submit-CN').click();
  await zh.getByTestId('receipt-CN').waitFor();
  assert.equal(await zh.getByTestId('status-CN').textContent(), '已提交');

  await ru.reload();
  await ru.getByTestId('mirror-ok').waitFor();
  await screenshot(ru, 'calls-application-390');
  await ru.getByTestId('submit-BY').click();
  await ru.getByTestId('receipt-BY').waitFor();
  assert.equal(await ru.getByTestId('status-BY').textContent(), 'подана');
  // No horizontal scrolling at 390 px.
  assert.ok(await ru.evaluate(() => document.documentElement.scrollWidth <= 392), 'fits 390 px');

  for (const [page, side] of [[ru, 'BY'], [zh, 'CN']] as const) {
    const text = await receiptText(page, side);
    assert.match(text, /Квитанция о подаче заявки/);
    assert.match(text, /项目申请提交回执/);
    assert.match(text, /Лазерная наплавка покрытий/);
    assert.match(text, /激光熔覆涂层/);
  }
  assert.deepEqual(errors, []);
});
