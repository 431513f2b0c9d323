// How long one review assignment run takes in the request at the module's size bound (MAX_PAIRS): the
// engine's affinity() over synthetic trilingual statements and halves, then assign() in each mode.
//   npx tsx bench/review/run-size.ts [--apps 200] [--experts 200]
import { loadavg } from 'node:os';
import { affinity, assign } from '../../src/engines/assignment/index.ts';

const arg = (k: string, d: number) => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const A = arg('apps', 200), E = arg('experts', 200);
const topics = [
  { ru: 'лазерная наплавка покрытий', zh: '激光熔覆涂层', en: 'laser cladding of coatings' },
  { ru: 'нейронные сети для медицинских изображений', zh: '医学影像神经网络', en: 'neural networks for medical images' },
  { ru: 'датчики давления', zh: '压力传感器', en: 'pressure sensors' },
  { ru: 'порошковая металлургия', zh: '粉末冶金', en: 'powder metallurgy' },
  { ru: 'полимерные электролиты', zh: '聚合物电解质', en: 'polymer electrolytes' },
  { ru: 'мониторинг качества воды', zh: '水质监测', en: 'water quality monitoring' },
  { ru: 'оптический контроль поверхности', zh: '表面光学检测', en: 'optical surface inspection' },
  { ru: 'диагностика сельхозтехники', zh: '农业机械诊断', en: 'diagnostics of agricultural machinery' },
];
const experts = Array.from({ length: E }, (_, j) => {
  const t1 = topics[j % topics.length], t2 = topics[(j * 3 + 1) % topics.length];
  return { id: `e${j}`, country: 'BY', statement: j % 2 ? { ru: `${t1.ru}; ${t2.ru}` } : { zh: `${t1.zh}，${t2.zh}` }, keywords: [t1.en] };
});
const apps = Array.from({ length: A }, (_, i) => {
  const t = topics[(i * 5) % topics.length];
  return { id: `a${i}`, country: 'BY', title: { ru: `Проект: ${t.ru}`, en: `Project: ${t.en}` }, abstract: { ru: `Совместные исследования: ${t.ru}, опытный образец.` } };
});
let t0 = performance.now();
const pairs = affinity(experts, apps, { lang: 'ru' });
const affinitySeconds = (performance.now() - t0) / 1000;
console.log(`${A} halves × ${E} experts = ${A * E} pairs; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`affinity(): ${affinitySeconds.toFixed(2)} s`);
const input = { format: 'synergy-assignment', version: 1, applications: apps.map((a) => ({ id: a.id, demand: 3 })),
  experts: experts.map((e) => ({ id: e.id, maxLoad: Math.ceil((3 * A) / E) + 2 })), affinity: { sparse: pairs.map((p) => [p.application, p.expert, p.affinity]) } };
for (const mode of ['optimal', 'fair', 'randomised'] as const) {
  t0 = performance.now();
  const r = await assign(input, { mode, q: 0.5, seed: 1 });
  console.log(`assign ${mode}: ${((performance.now() - t0) / 1000).toFixed(2)} s, objective ${r.objective.toFixed(3)}, bound ${r.upperBound.toFixed(3)}, load average ${loadavg()[0].toFixed(1)}`);
}
