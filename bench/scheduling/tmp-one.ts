import { readFileSync } from 'node:fs';
import { dznToInput, solve } from '../../src/engines/scheduler/index.ts';
const tl = Number(process.argv[2] ?? 5);
const names = (process.argv[3] ?? 'forum-13crafb,forum-13crafc,forum-14,ticf-13crafb,ticf-13crafc,ticf-14crafa').split(',');
let tot = 0; const out: string[] = [];
for (const f of names) {
  const input = dznToInput(readFileSync(`bench/scheduling/instances/${f}.original.dzn`, 'utf8'));
  const r = await solve(input, { seed: 1, timeLimitMs: tl * 1000 });
  tot += r.breaks; out.push(`${f}:${r.breaks}${r.scheduled < r.requested ? '!' : ''}(${(r.iterations/1e6).toFixed(1)}M)`);
}
console.log(tot, out.join(' '));
