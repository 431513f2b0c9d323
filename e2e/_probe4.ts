import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, newContext } from './harness.ts';
const dir = mkdtempSync(join(tmpdir(), 'probe-')); cpSync('.tmp/bench-search/pglite', dir, { recursive: true });
const port = 3977; const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['bin/synergy.mjs', 'serve'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dir, DEMO_MODE: 'true', JOBS: 'false', LOG_LEVEL: 'warn' }, stdio: 'inherit' });
for (;;) { try { if ((await fetch(`${url}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 500)); }
const browser = await launchBrowser();
for (const q of ['насос', '激光', 'sensor network']) {
  const ctx = await newContext(browser); const page = await ctx.newPage();
  const t0 = performance.now();
  await page.goto(`${url}/marketplace?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => (document.querySelector('[data-testid=result-count]')?.textContent ?? '') !== '', null, { timeout: 60000 });
  console.log(q, Math.round(performance.now() - t0));
  console.log((await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).map((e) => `${Math.round(e.startTime)}→${Math.round((e as PerformanceResourceTiming).responseEnd)} ${e.name.replace(location.origin, '')}`))).join('\n'));
  await ctx.close();
}
const t1 = performance.now(); const r = await fetch(`${url}/api/profiles/search?q=${encodeURIComponent('насос')}&facets=true`); await r.text(); console.log('direct search', Math.round(performance.now() - t1));
const t2 = performance.now(); await (await fetch(`${url}/api/taxonomy`)).text(); console.log('taxonomy', Math.round(performance.now() - t2));
const t3 = performance.now(); await (await fetch(`${url}/api/session`)).text(); console.log('session', Math.round(performance.now() - t3));
await browser.close(); child.kill();
