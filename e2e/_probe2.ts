import { launchBrowser, newContext, startServer } from './harness.ts';
const server = await startServer();
const browser = await launchBrowser();
for (let i = 0; i < 4; i++) {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = performance.now();
  await page.goto(`${server.url}/marketplace?q=${encodeURIComponent('насос')}`);
  const tGoto = performance.now() - t0;
  await page.waitForFunction(() => (document.querySelector('[data-testid=result-count]')?.textContent ?? '') !== '', null, { timeout: 30000, polling: 'raf' });
  const tShown = performance.now() - t0;
  const m = Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((x) => [x.name, x.value]));
  const ms = (k: string) => Math.round((m[k] ?? 0) * 1000);
  const api = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).map((e) => Math.round(e.startTime)));
  const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return `html ${Math.round(n.responseEnd)} dcl ${Math.round(n.domContentLoadedEventEnd)} load ${Math.round(n.loadEventEnd)}`; });
  console.log(`shown ${Math.round(tShown)} goto ${Math.round(tGoto)} | ${nav} | api start ${api.join(',')} | task ${ms('TaskDuration')} script ${ms('ScriptDuration')} layout ${ms('LayoutDuration')} style ${ms('RecalcStyleDuration')}`);
  await ctx.close();
}
await browser.close(); await server.stop();
