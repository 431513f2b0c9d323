// The organiser's "Schedule all" console on the demo's upcoming online event: demo participants request and accept
// meetings (set up through the API), then the organiser runs the scheduler in the browser, watches it, reads the
// proposal, applies it as preliminary, and sees every meeting in a slot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, launchBrowser, newContext, screenshot, signInRu, type RunningServer, apiSession } from './harness.ts';

let server: RunningServer;
let browser: Browser;
// Background jobs on: the run is a real background job of the server.
before(async () => { server = await startServer({ JOBS: 'true' }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });


test('the organiser schedules all accepted meetings of the demo event and applies the schedule as preliminary', async () => {
  const slug = 'synergy-online-brokerage';
  const p = await apiSession(server, 'participant@synergy.demo');
  const cn = await apiSession(server, 'participant.cn@synergy.demo');
  const event = await p('GET', `/api/events/${slug}`);
  await p('POST', `/api/events/${event.id}/registration`, { role: 'delegate', languages: ['ru'] });
  await cn('POST', `/api/events/${event.id}/registration`, { role: 'delegate', languages: ['zh'] });
  const people = (await p('GET', `/api/events/${event.id}/registrations`)) as { userId: string; name: string; email?: string }[];
  const byName = (n: string) => people.find((x) => x.name === n)!.userId;
  const partners = { jlu: await apiSession(server, 'participant.jlu@synergy.demo'), bsu: await apiSession(server, 'participant.bsu@synergy.demo'), faw: await apiSession(server, 'participant.faw@synergy.demo') };
  const me = { jlu: (await partners.jlu('GET', '/api/me')).id, bsu: (await partners.bsu('GET', '/api/me')).id, faw: (await partners.faw('GET', '/api/me')).id, cn: byName('李明') };
  const requests: [typeof p, string[], (typeof p)[]][] = [
    [p, [me.jlu], [partners.jlu]], [p, [me.bsu], [partners.bsu]], [p, [me.cn, me.faw], [cn, partners.faw]],
    [cn, [me.bsu], [partners.bsu]], [cn, [me.jlu], [partners.jlu]], [partners.faw, [me.jlu], [partners.jlu]],
  ];
  for (const [from, to, accepters] of requests) {
    const { id } = await from('POST', `/api/events/${event.id}/meetings`, { inviteeUserIds: to, message: 'Scheduling demo', priority: 'must' });
    for (const a of accepters) await a('POST', `/api/meetings/${id}/accept`, {});
  }

  const ctx = await newContext(browser, { locale: 'ru-RU', timezoneId: 'Europe/Minsk' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signInRu(server, page, 'organiser@synergy.demo');

  await page.goto(`${server.url}/events/${slug}/schedule`);
  await page.getByRole('heading', { name: 'Расписание встреч' }).waitFor();
  const table = page.getByTestId('meetings-by-slot');
  await table.getByText('Без слота').waitFor(); // before the run every meeting waits for a slot
  assert.equal(await table.getByRole('row').count(), 7);
  await page.getByLabel('Ограничение времени, секунд').fill('3');
  await page.getByRole('button', { name: 'Составить расписание' }).click();
  const panel = page.getByTestId('run-panel');
  await panel.waitFor();
  await panel.getByText('Готово').waitFor({ timeout: 90_000 });
  await page.getByTestId('certificate').getByText('Никакое расписание не вместит больше встреч.').waitFor();
  await panel.getByText('6 из 6').waitFor();
  await page.getByRole('button', { name: 'Составить расписание' }).and(page.locator(':not([disabled])')).waitFor();
  assert.ok(await page.getByTestId('changes').getByRole('row').count() > 6, 'changes are listed person by person');
  await screenshot(page, 'scheduling-proposal');

  await page.getByRole('button', { name: 'Применить как предварительное' }).click();
  await page.getByText('Опубликовано предварительное расписание').waitFor();
  await table.getByText('Без слота').waitFor({ state: 'detached' });
  const mine = (await p('GET', `/api/events/${event.id}/my-meetings`)) as { status: string; startsAt: string | null }[];
  assert.equal(mine.length, 3);
  assert.ok(mine.every((m) => m.status === 'scheduled' && m.startsAt), 'the participant sees the meetings in slots');
  assert.equal(await table.getByRole('switch').count(), 6, 'every placed meeting can be locked');
  await screenshot(page, 'scheduling-applied');
  assert.deepEqual(errors, []);
  await ctx.close();
});
