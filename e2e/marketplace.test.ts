// Publish a profile in Russian → an organiser approves it → another user finds it by an inflected
// Russian query → sends an expression of interest → the owner accepts → the contacts appear.
// Then the directory's forms: attachments, contacts, the taxonomy and the re-review setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, type RunningServer, saveNewProfileRu } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function signIn(email: string): Promise<Page> {
  const ctx = await newContext(browser, { locale: 'ru-RU', timezoneId: 'Europe/Minsk' });
  const page = await ctx.newPage();
  await signInRu(server, page, email);
  return page;
}

test('publish in Russian, find as another user, express interest, accept, see contacts', async () => {
  const errors: string[] = [];
  // 1. The BNTU participant writes a profile in Russian and submits it.
  const owner = await signIn('participant@synergy.demo');
  owner.on('pageerror', (e) => errors.push(String(e)));
  await owner.goto(`${server.url}/marketplace/new`);
  await saveNewProfileRu(owner, 'Ремонт гидравлических насосов сельскохозяйственной техники', 'Восстанавливаем шестерённые гидронасосы тракторов и комбайнов с гарантией ресурса.');
  await owner.getByTestId('submit-profile').click();
  await owner.getByText('на модерации').first().waitFor();
  const profileUrl = owner.url();

  // 2. An organiser approves it.
  const organiser = await signIn('organiser@synergy.demo');
  await organiser.goto(profileUrl);
  await organiser.getByRole('button', { name: 'Одобрить' }).click();
  await organiser.getByText('опубликован').first().waitFor();

  // 3. Another organisation's member finds it by an inflected Russian query.
  const other = await signIn('expert@synergy.demo');
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(`${server.url}/marketplace`);
  await other.getByTestId('search-input').fill('гидравлический насос');
  await other.getByRole('button', { name: 'Найти' }).click();
  const card = other.getByTestId('profile-card').filter({ hasText: 'гидравлических насосов' });
  // The unfiltered list may show the card first; the search result arrives with highlighted matches.
  await card.locator('mark').first().waitFor();
  assert.equal(await card.locator('mark').count() > 0, true, 'matches are highlighted');
  await card.getByRole('link').first().click();
  await other.getByTestId('interest-message').waitFor();
  assert.equal(await other.getByTestId('contacts').filter({ hasText: 'participant@synergy.demo' }).count(), 0, 'hidden contact not shown yet');
  await other.getByTestId('interest-message').fill('Институт НАН Беларуси заинтересован в совместных испытаниях.');
  await other.getByTestId('send-interest').click();
  await other.getByText('ожидает ответа').waitFor();

  // 4. The owner accepts it from the interests page.
  await owner.goto(`${server.url}/marketplace/interests`);
  await owner.getByTestId('interest-row').filter({ hasText: 'гидравлических насосов' }).getByRole('link').first().click();
  await owner.getByTestId('accept-interest').click();
  await owner.getByTestId('exchanged-contacts').waitFor();

  // 5. The interested side now sees the after-EoI contact on the profile.
  await other.goto(profileUrl);
  await other.getByTestId('contacts').filter({ hasText: 'participant@synergy.demo' }).waitFor();
  await screenshot(other, 'marketplace-contacts-revealed');
  assert.deepEqual(errors, []);
});

test('attachments, contacts form, taxonomy and re-review settings', async () => {
  const errors: string[] = [];
  // 1. The owner attaches a PDF in the editor; a file that is not one is refused in Russian.
  const owner = await signIn('participant@synergy.demo');
  owner.on('pageerror', (e) => errors.push(String(e)));
  await owner.goto(`${server.url}/marketplace/mine`);
  await owner.locator('a[href^="/marketplace/profiles/"]').first().click();
  await owner.getByTestId('profile-organisation').waitFor();
  const profileUrl = owner.url();
  await owner.goto(`${profileUrl}/edit`);
  const upload = owner.locator('[data-testid=attachments-editor] input[type=file]');
  await upload.setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text, not a PDF') });
  await owner.getByTestId('attachment-error').filter({ hasText: 'Допустимы: PDF' }).waitFor();
  await upload.setInputFiles({ name: 'spec.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
  await owner.getByTestId('attachments-editor').getByRole('link', { name: 'spec.pdf' }).waitFor();
  await screenshot(owner, 'marketplace-attachments-editor');
  await owner.goto(profileUrl);
  const link = owner.getByTestId('attachments').getByRole('link', { name: 'spec.pdf' });
  const download = await owner.request.get(`${server.url}${await link.getAttribute('href')}`);
  assert.equal(download.headers()['content-type'], 'application/pdf');

  // 2. The owner adds a public contact through the form (a bad email is caught before saving).
  await owner.goto(`${server.url}/directory/mine`);
  await owner.locator('a[href^="/directory/organisations/"]').first().click();
  await owner.getByRole('button', { name: 'Редактировать' }).click();
  await owner.getByRole('button', { name: 'Добавить контакт' }).click();
  const row = owner.getByTestId('contact-row').last();
  await row.getByLabel('Имя или подразделение').fill('Центр трансфера технологий БНТУ');
  await row.getByLabel('Электронная почта').fill('ttc-at-bntu');
  await row.getByText('Некорректный адрес электронной почты').waitFor();
  assert.equal(await owner.getByTestId('save-organisation').isDisabled(), true, 'an invalid contact cannot be saved');
  await row.getByLabel('Электронная почта').fill('ttc@bntu.demo');
  await row.getByRole('combobox', { name: 'Кому виден' }).click();
  await owner.getByRole('option', { name: 'Всем' }).click();
  await screenshot(owner, 'directory-contacts-form');
  await owner.getByTestId('save-organisation').click();
  await owner.getByTestId('contacts').filter({ hasText: 'ttc@bntu.demo' }).waitFor();
  const visitor = await (await newContext(browser, { locale: 'ru-RU' })).newPage();
  await visitor.goto(owner.url());
  await visitor.getByTestId('contacts').filter({ hasText: 'Центр трансфера технологий БНТУ' }).waitFor(); // public: seen without signing in

  // 3. An organiser adds a sub-area with its labels on the taxonomy page.
  const organiser = await signIn('organiser@synergy.demo');
  organiser.on('pageerror', (e) => errors.push(String(e)));
  await organiser.goto(`${server.url}/directory/taxonomy`);
  await organiser.getByTestId('taxonomy-node-ict_ai').getByRole('button', { name: 'Добавить поднаправление' }).click();
  await organiser.getByTestId('taxonomy-code').fill('ict_ai.quantum');
  await organiser.getByTestId('taxonomy-label-ru').fill('Квантовые вычисления');
  await organiser.getByTestId('taxonomy-label-zh').fill('量子计算');
  await organiser.getByTestId('taxonomy-save').click();
  await organiser.getByTestId('taxonomy-node-ict_ai.quantum').filter({ hasText: 'Квантовые вычисления' }).waitFor();
  await screenshot(organiser, 'directory-taxonomy');

  // 4. The organiser makes the description a re-review field; the choice is kept.
  await organiser.goto(`${server.url}/marketplace/moderation`);
  await organiser.getByTestId('rereview-toggle').click();
  await organiser.getByRole('checkbox', { name: 'Описание', exact: true }).check();
  await organiser.getByTestId('rereview-save').click();
  await organiser.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
  await organiser.reload();
  await organiser.getByTestId('rereview-toggle').click();
  assert.equal(await organiser.getByRole('checkbox', { name: 'Описание', exact: true }).isChecked(), true);
  await screenshot(organiser, 'marketplace-rereview-settings');
  assert.deepEqual(errors, []);
});

test('from a partner\'s profile, ask for a meeting at an event both attend', async () => {
  const register = (page: Page) => page.evaluate(async () => {
    const { token } = (await (await fetch('/api/csrf')).json()) as { token: string };
    const orgs = (await (await fetch('/api/organisations/mine')).json()) as { id: string }[];
    const ev = (await (await fetch('/api/events/synergy-online-brokerage')).json()) as { id: string };
    const r = await fetch(`/api/events/${ev.id}/registration`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ organisationId: orgs[0].id }) });
    return r.status;
  });
  const cn = await signIn('participant.cn@synergy.demo');
  assert.equal(await register(cn), 201);
  const profileId = await cn.evaluate(async () => ((await (await fetch('/api/profiles/mine')).json()) as { id: string; status: string }[]).find((p) => p.status === 'published')!.id);
  const by = await signIn('participant@synergy.demo');
  await by.goto(`${server.url}/marketplace/profiles/${profileId}`);
  await by.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await by.getByTestId('meet-at-event').count(), 0, 'not registered yet: nothing offered');
  assert.equal(await register(by), 201);
  await by.reload();
  await by.getByTestId('meet-at-event').click();
  await by.getByRole('menuitem', { name: /李明/ }).click();
  await by.getByRole('dialog').getByRole('textbox').fill('Видели ваш профиль — обсудим сотрудничество?');
  await by.getByRole('dialog').getByRole('button', { name: 'Отправить запрос' }).click();
  await by.getByTestId('meet-at-event-sent').waitFor();
  await screenshot(by, 'marketplace-meet-at-event');
  const requests = await cn.evaluate(async () => {
    const ev = (await (await fetch('/api/events/synergy-online-brokerage')).json()) as { id: string };
    return ((await (await fetch(`/api/events/${ev.id}/my-meetings`)).json()) as { status: string; message: string }[]).map((m) => m.message);
  });
  assert.ok(requests.includes('Видели ваш профиль — обсудим сотрудничество?'), 'the partner has the request');
});
