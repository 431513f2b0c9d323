// Matching in the browser: a Belarusian participant sees the Chinese offer recommended for its
// Russian request with reasons in Russian and marks another one "not relevant"; an organiser sees
// supply and demand and introduces the strongest pair.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

/** A minimal API client for setup: session + CSRF cookies and header. */
async function apiAs(email: string) {
  let cookies = new Map<string, string>();
  const keep = (r: Response) => { for (const c of r.headers.getSetCookie()) { const [kv] = c.split(';'); const i = kv.indexOf('='); cookies.set(kv.slice(0, i), kv.slice(i + 1)); } };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const c = await fetch(`${server.url}/api/csrf`); keep(c);
  const { token } = (await c.json()) as { token: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${server.url}${url}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: header() }, body: body === undefined ? undefined : JSON.stringify(body) });
    keep(r);
    const data = await r.json();
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(data)}`);
    return data;
  };
  await call('POST', '/api/auth/login', { email, password: 'synergy-2021' });
  cookies = new Map([...cookies]);
  return { get: (u: string) => call('GET', u), post: (u: string, b: unknown = {}) => call('POST', u, b) };
}

async function publish(owner: Awaited<ReturnType<typeof apiAs>>, organiser: Awaited<ReturnType<typeof apiAs>>, body: Record<string, unknown>) {
  const { id } = await owner.post('/api/profiles', { partnershipTypes: ['rd_cooperation', 'licensing'], areas: ['energy_efficiency'], ...body });
  await owner.post(`/api/profiles/${id}/submit`);
  await organiser.post(`/api/moderation/profiles/${id}/approve`, {});
  return id as string;
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const by = await apiAs('participant@synergy.demo');
  const cn = await apiAs('participant.cn@synergy.demo');
  const org = await apiAs('organiser@synergy.demo');
  const bntu = (await by.get('/api/organisations/mine'))[0].id;
  const ciomp = (await cn.get('/api/organisations/mine'))[0].id;
  await publish(by, org, { organisationId: bntu, type: 'TR', subAreas: ['energy_efficiency.hydrogen'], title: { ru: 'Требуется технология водородных топливных элементов' },
    summary: { ru: 'Институт ищет производителя батарей топливных элементов для резервного электропитания; нужны системы хранения водорода.' } });
  await publish(cn, org, { organisationId: ciomp, type: 'TO', developmentStage: 'demonstration', trl: 6, subAreas: ['energy_efficiency.hydrogen'],
    title: { zh: '氢燃料电池电堆' }, summary: { zh: '公司提供质子交换膜燃料电池电堆和储氢系统，技术成熟度高。' } });
  await publish(cn, org, { organisationId: ciomp, type: 'TO', developmentStage: 'on_market', trl: 9, subAreas: ['energy_efficiency.storage'],
    title: { zh: '锂离子电池正极材料' }, summary: { zh: '提供磷酸铁锂正极材料，用于动力电池和储能电池。' } });
  // A second pair, for the organiser (the participant dismisses the hydrogen one). БНТУ and CIOMP are
  // already in contact in the demo data, so the organiser publishes it for two organisations that are not.
  const orgs = (await org.get('/api/organisations?limit=200')).items as { id: string; externalId: string | null }[];
  const byExt = (ext: string) => orgs.find((o) => o.externalId === ext)!.id;
  await publish(org, org, { organisationId: byExt('by-bsuir'), type: 'TR', areas: ['instruments_photonics'], subAreas: ['instruments_photonics.lasers'],
    title: { ru: 'Нужен волоконный лазер для лазерной наплавки' }, summary: { ru: 'Ищем поставщика мощного волоконного лазера для наплавки покрытий.' } });
  await publish(org, org, { organisationId: byExt('cn-cust'), type: 'TO', developmentStage: 'demonstration', trl: 7, areas: ['instruments_photonics'], subAreas: ['instruments_photonics.lasers'],
    title: { zh: '高功率光纤激光器' }, summary: { zh: '研制高功率光纤激光器，可用于激光熔覆。' } });
});
after(async () => { await browser?.close(); await server?.stop(); });

const signIn = (page: Page, email: string) => signInRu(server, page, email);

test('a participant sees recommended partners with reasons in Russian and marks one not relevant', async () => {
  const ctx = await newContext(browser, { locale: 'ru-RU' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signIn(page, 'participant@synergy.demo');
  await page.goto(`${server.url}/matching`);
  // БНТУ has two published profiles: the organisation-wide list comes first, then one list per profile.
  await page.getByRole('heading', { name: /Лучшие партнёры организации: / }).waitFor();
  const offer = page.getByTestId('recommendation').filter({ hasText: '氢燃料电池电堆' }).first();
  await offer.waitFor();
  await offer.getByText('Их предложение отвечает на ваш запрос').waitFor();
  assert.equal(await page.getByRole('switch', { name: /Еженедельное письмо/ }).isChecked(), true);
  await screenshot(page, 'matching-participant');
  const battery = page.getByTestId('recommendation').filter({ hasText: '锂离子电池正极材料' }).first();
  if (await battery.count()) {
    await battery.getByRole('button', { name: 'Не подходит' }).click();
    await battery.waitFor({ state: 'detached' });
  }
  await offer.getByRole('button', { name: 'Не подходит' }).click();
  await offer.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('heading', { name: /Лучшие партнёры организации: / }).waitFor();
  await page.getByTestId('recommendation').first().waitFor();
  assert.equal(await page.getByTestId('recommendation').filter({ hasText: '氢燃料电池电堆' }).count(), 0, 'stays gone');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an organiser reads supply and demand and introduces a pair', async () => {
  const ctx = await newContext(browser, { locale: 'ru-RU' });
  const page = await ctx.newPage();
  await signIn(page, 'organiser@synergy.demo');
  await page.goto(`${server.url}/matching/supply`);
  const row = page.getByTestId('supply-demand').getByRole('row').filter({ hasText: 'Энергетика' });
  await row.waitFor();
  const text = await row.innerText();
  // The demo marketplace has energy profiles of its own: the table must show what the API counts,
  // and those counts include the profiles published above (two Chinese offers, one Belarusian request).
  const api = await (await apiAs('organiser@synergy.demo')).get('/api/matching/supply-demand') as { cells: { area: string; country: string; offers: number; requests: number }[] };
  const cell = (country: string) => api.cells.find((c) => c.area === 'energy_efficiency' && c.country === country) ?? { offers: 0, requests: 0 };
  assert.ok(cell('CN').offers >= 2 && cell('BY').requests >= 1, JSON.stringify(api.cells));
  assert.match(text, new RegExp(`${cell('BY').offers} / ${cell('BY').requests}`), text);
  assert.match(text, new RegExp(`${cell('CN').offers} / ${cell('CN').requests}`), text);
  await page.getByRole('tab', { name: 'Сильнейшие пары' }).click();
  const pair = page.getByTestId('top-pair').filter({ hasText: '高功率光纤激光器' }).filter({ hasText: 'Нужен волоконный лазер' });
  await pair.waitFor();
  assert.equal(await page.getByTestId('top-pair').filter({ hasText: '氢燃料电池电堆' }).filter({ hasText: 'Требуется технология водородных' }).count(), 0, 'dismissed by the participant');
  await screenshot(page, 'matching-organiser-pairs');
  await pair.getByRole('button', { name: 'Познакомить' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Отправить' }).click();
  await page.getByText('Знакомство отправлено обеим сторонам').waitFor();
  await pair.waitFor({ state: 'detached' });
  await ctx.close();
});
