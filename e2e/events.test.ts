// Two participants — one using the Russian interface in Minsk, one the Chinese interface in Changchun —
// register for the upcoming online event; the first asks the second for a meeting; the second accepts
// and picks a slot; both see the meeting in their agenda at their own local times, with the video link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const EVENT = '/events/synergy-online-brokerage';

/** A real 1×1 PNG for the cover upload. */
function png(): Buffer {
  const crc = (buf: Buffer) => { let c = ~0; for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); } return ~c >>> 0; };
  const chunk = (type: string, data: Buffer) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const cr = Buffer.alloc(4); cr.writeUInt32BE(crc(td)); return Buffer.concat([len, td, cr]); };
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x33, 0x66, 0x99, 0xff]))), chunk('IEND', Buffer.alloc(0))]);
}

async function signIn(page: Page, email: string, labels: { email: string; password: RegExp; submit: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill('synergy-2021');
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByTestId('account-menu').waitFor();
}

test('a Russian and a Chinese participant register, meet in a chosen slot and see it at their own local times with the video link', async () => {
  const ruCtx = await newContext(browser, { locale: 'ru-RU', timezoneId: 'Europe/Minsk' });
  const zhCtx = await newContext(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const ru = await ruCtx.newPage();
  const zh = await zhCtx.newPage();
  const errors: string[] = [];
  for (const p of [ru, zh]) p.on('pageerror', (e) => errors.push(String(e)));

  await signIn(ru, 'participant@synergy.demo', { email: 'Электронная почта', password: /^Пароль/, submit: 'Войти' });
  await signIn(zh, 'participant.cn@synergy.demo', { email: '电子邮箱', password: /^密码/, submit: '登录' });

  // Both register from the public event page, each in their own language.
  await ru.goto(`${server.url}${EVENT}`);
  await ru.getByRole('heading', { name: 'Синергия инноваций: онлайн-биржа контактов' }).waitFor();
  await ru.getByText('Блок встреч').first().waitFor();
  await ru.getByRole('button', { name: 'Зарегистрироваться' }).click();
  await ru.getByText('Зарегистрирован(а)').first().waitFor();
  await zh.goto(`${server.url}${EVENT}`);
  await zh.getByRole('heading', { name: '协同创新：线上合作洽谈会' }).waitFor();
  await zh.getByRole('button', { name: '报名', exact: true }).click();
  await zh.getByText('已报名').first().waitFor();

  // The Russian participant asks the Chinese one for a meeting from the attendee list.
  await ru.goto(`${server.url}${EVENT}/attendees`);
  await ru.getByRole('button', { name: 'Предложить встречу: 李明' }).click();
  await ru.getByLabel('Сообщение (что вы хотите обсудить)').fill('Оптические датчики для машиностроения');
  await ru.getByRole('button', { name: 'Отправить запрос' }).click();
  await ru.getByText('Запрос отправлен.').waitFor();

  // The Chinese participant accepts and picks the first common free slot.
  await zh.goto(`${server.url}${EVENT}/meetings`);
  const incoming = zh.getByTestId('meetings-incoming');
  await incoming.getByText('Оптические датчики для машиностроения').waitFor();
  await incoming.getByRole('button', { name: '接受' }).click();
  const dialog = zh.getByRole('dialog');
  await dialog.getByText('15:00–15:30 长春').first().waitFor();
  await dialog.getByRole('radio').first().check();
  await dialog.getByRole('button', { name: '接受并预约此时段' }).click();
  await zh.getByTestId('meetings-active').getByTestId('meeting-card').getByText('已安排', { exact: true }).waitFor();

  // Both agendas show the meeting at local times (10:00 Minsk = 15:00 Changchun) with the same video room.
  await ru.goto(`${server.url}${EVENT}/agenda`);
  const ruRow = ru.getByTestId('agenda-meeting');
  await ruRow.waitFor();
  const ruText = await ruRow.innerText();
  assert.match(ruText, /10:00–10:30 Минск/);
  assert.match(ruText, /15:00–15:30 Чанчунь/);
  assert.match(ruText, /李明/);
  const ruVideo = await ruRow.getByTestId('agenda-video').getAttribute('href');
  assert.match(ruVideo ?? '', /^https:\/\/meet\.jit\.si\/synergy-online-brokerage-[0-9a-f]{32}$/);
  await screenshot(ru, 'events-agenda-ru');

  await zh.goto(`${server.url}${EVENT}/agenda`);
  const zhRow = zh.getByTestId('agenda-meeting');
  await zhRow.waitFor();
  const zhText = await zhRow.innerText();
  assert.match(zhText, /15:00–15:30 长春/);
  assert.match(zhText, /10:00–10:30 明斯克/);
  assert.match(zhText, /Андрей Мельников/);
  assert.equal(await zhRow.getByTestId('agenda-video').getAttribute('href'), ruVideo);
  await screenshot(zh, 'events-agenda-zh');

  // The plenary is on both agendas too, before the meeting.
  assert.equal(await zh.getByTestId('agenda-session').count(), 1);
  assert.deepEqual(errors, []);
  await ruCtx.close();
  await zhCtx.close();
});

test('an organiser reads the 2021 exchange: agenda in two zones, statistics, and the schedule per room', async () => {
  const ctx = await newContext(browser, { locale: 'en-GB', timezoneId: 'Europe/Minsk' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/events/synergy-of-innovations-2021`);
  // Anonymous visitors see the public page in their language, times in Minsk with Changchun alongside.
  await page.getByRole('heading', { name: 'Synergy of Innovations – 2021' }).waitFor();
  await page.getByText('Business–science interaction as a growth factor').first().waitFor();
  const agenda = await page.getByTestId('agenda').innerText();
  assert.match(agenda, /10:00–13:00 Minsk · 15:00–18:00 Changchun/);
  assert.match(agenda, /Андрей Косовский/);
  assert.match(agenda, /Conference hall \(video link to Changchun\), BNTU Science and Technology Park "Polytechnic"/, 'rooms in the viewer\'s language');
  await screenshot(page, 'events-2021-public');

  await signIn(page, 'organiser.cn@synergy.demo', { email: 'Email', password: /^Password/, submit: 'Sign in' });
  await page.goto(`${server.url}/events/synergy-of-innovations-2021/manage`);
  await page.getByRole('tab', { name: '统计' }).click();
  const stats = await page.getByTestId('event-stats').innerText();
  assert.match(stats, /已举行\s*3/);
  assert.match(stats, /未出席\s*1/);
  await page.getByRole('tab', { name: '打印日程' }).click();
  await page.getByText('15:00–15:30 长春').first().waitFor();
  await screenshot(page, 'events-2021-schedule-zh');

  // The organiser adds a cover image from the settings; the public page shows it (loaded, not a broken image).
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByTestId('cover-editor').locator('input[type=file]').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png() });
  await page.getByTestId('cover-editor').getByRole('button', { name: '更换封面' }).waitFor();
  await page.goto(`${server.url}/events/synergy-of-innovations-2021`);
  await page.getByTestId('event-cover').waitFor();
  await page.waitForFunction(() => { const i = document.querySelector<HTMLImageElement>('[data-testid=event-cover]'); return !!i && i.complete && i.naturalWidth === 1; });
  assert.deepEqual(errors, []);
  await ctx.close();
});
