import { launchBrowser, newContext, startServer } from './harness.ts';
const server = await startServer();
const browser = await launchBrowser();
const ctx = await newContext(browser);
await (await ctx.newPage()).goto(`${server.url}/marketplace`);
const ctx2 = await newContext(browser);
const p2 = await ctx2.newPage();
const cdp = await ctx2.newCDPSession(p2);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await p2.goto(`${server.url}/marketplace?q=${encodeURIComponent('насос')}`);
await p2.waitForFunction(() => (document.querySelector('[data-testid=result-count]')?.textContent ?? '') !== '', null, { timeout: 30000, polling: 'raf' });
const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map<string, number>();
const self = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] / 1000;
  let id: number | undefined = profile.samples[i];
  const seen = new Set<string>();
  const n0 = byNode.get(id)!;
  const k0 = `${n0.callFrame.functionName || '(anon)'} ${n0.callFrame.url.split('/').pop()}:${n0.callFrame.lineNumber}:${n0.callFrame.columnNumber}`;
  self.set(k0, (self.get(k0) ?? 0) + dt);
  while (id !== undefined) {
    const n = byNode.get(id)!;
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    if (!seen.has(k)) { total.set(k, (total.get(k) ?? 0) + dt); seen.add(k); }
    id = parent.get(id);
  }
}
const target = [...self].sort((a, b) => b[1] - a[1]).find(([k]) => k.includes('display-'))?.[0];
const chains = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const n0 = byNode.get(profile.samples[i])!;
  const k0 = `${n0.callFrame.functionName || '(anon)'} ${n0.callFrame.url.split('/').pop()}:${n0.callFrame.lineNumber}:${n0.callFrame.columnNumber}`;
  if (k0 !== target) continue;
  const chain: string[] = [];
  let id = parent.get(profile.samples[i]);
  while (id !== undefined && chain.length < 8) { const n = byNode.get(id)!; chain.push(`${n.callFrame.functionName || 'anon'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.columnNumber}`); id = parent.get(id); }
  const key = chain.join(' < ');
  chains.set(key, (chains.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
}
console.log([...chains].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${v.toFixed(0)} ms ${k}`).join('\n'));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `self ${v.toFixed(0)} ms ${k}`).join('\n'));
console.log([...total].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `total ${v.toFixed(0)} ms ${k}`).join('\n'));
await browser.close(); await server.stop();
