// Publish a profile in Russian → an organiser approves it → another user finds it by an inflected
// Russian query → sends an expression of interest → the owner accepts → the contacts appear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

async function signIn(email: string): Promise<Page> {
  const ctx = await newContext(browser, { locale: 'ru-RU', timezoneId: 'Europe/Minsk' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel(/^Пароль/).fill('synergy-2021');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByTestId('account-menu').waitFor();
  return page;
}

test('publish in Russian, find as another user, express interest, accept, see contacts', async () => {
  const errors: string[] = [];
  // 1. The BNTU participant writes a profile in Russian and submits it.
  const owner = await signIn('participant@synergy.demo');
  owner.on('pageerror', (e) => errors.push(String(e)));
  await owner.goto(`${server.url}/marketplace/new`);
  await owner.getByTestId('field-title-ru').fill('Ремонт гидравлических насосов сельскохозяйственной техники');
  await owner.getByTestId('field-summary-ru').fill('Восстанавливаем шестерённые гидронасосы тракторов и комбайнов с гарантией ресурса.');
  await owner.getByTestId('field-partnershipTypes').click({ force: true });
  await owner.getByRole('option', { name: 'Лицензионное соглашение' }).click();
  await owner.keyboard.press('Escape');
  await owner.getByRole('combobox', { name: 'Стадия разработки' }).click();
  await owner.getByRole('option', { name: 'На рынке' }).click();
  await owner.getByTestId('save-profile').click();
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
