import test from 'node:test';
import assert from 'node:assert/strict';
import { calibrate, type Score } from './calibration.ts';

/** Deterministic pseudo-random numbers (mulberry32) and normal noise (Box–Muller). */
function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  return { u, normal: () => Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u()) };
}

test('calibration recovers planted reviewer offsets and qualities on synthetic data', () => {
  const r = rng(7);
  const reviewers = Array.from({ length: 20 }, (_, j) => ({ id: `r${j}`, leniency: (j % 5 - 2) * 0.8 })); // −1.6 … +1.6
  const apps = Array.from({ length: 120 }, (_, i) => ({ id: `a${i}`, quality: 3 + 4 * r.u() }));
  const scores: Score[] = [];
  for (const [i, a] of apps.entries()) {
    for (let k = 0; k < 4; k++) { const rev = reviewers[(i * 3 + k * 7) % reviewers.length]; scores.push({ application: a.id, reviewer: rev.id, score: a.quality + rev.leniency + 0.3 * r.normal() }); }
  }
  const c = calibrate(scores, { lambda: 0.5, divergenceThreshold: 10 });
  // Leniencies are identified up to a constant; compare after centring both.
  const meanPlanted = reviewers.reduce((s, x) => s + x.leniency, 0) / reviewers.length;
  const meanFitted = reviewers.reduce((s, x) => s + c.leniency[x.id], 0) / reviewers.length;
  for (const rev of reviewers) assert.ok(Math.abs((c.leniency[rev.id] - meanFitted) - (rev.leniency - meanPlanted)) < 0.2, `${rev.id}: ${c.leniency[rev.id]} vs ${rev.leniency}`);
  let rawErr = 0, calErr = 0, covered = 0;
  for (const a of apps) {
    const x = c.applications.find((y) => y.application === a.id)!;
    rawErr += Math.abs(x.rawMean - meanPlanted - a.quality); calErr += Math.abs(x.calibrated + meanFitted - meanPlanted - a.quality);
    if (x.low + meanFitted - meanPlanted <= a.quality && a.quality <= x.high + meanFitted - meanPlanted) covered++;
  }
  assert.ok(calErr < rawErr / 2, `calibrated error ${calErr} should be well below raw ${rawErr}`);
  assert.ok(covered / apps.length > 0.85, `interval coverage ${covered / apps.length}`);
  assert.ok(Math.abs(c.sigma - 0.3) < 0.1, `sigma ${c.sigma}`);
});

test('divergence is flagged when reviewers of one application disagree by more than the threshold', () => {
  const c = calibrate([
    { application: 'p', reviewer: 'a', score: 9 }, { application: 'p', reviewer: 'b', score: 3 },
    { application: 'q', reviewer: 'a', score: 6 }, { application: 'q', reviewer: 'b', score: 5 },
  ], { divergenceThreshold: 3 });
  assert.equal(c.applications.find((x) => x.application === 'p')!.divergent, true);
  assert.equal(c.applications.find((x) => x.application === 'q')!.divergent, false);
  assert.equal(c.applications.find((x) => x.application === 'p')!.spread, 6);
});

test('a lenient reviewer no longer lifts the application they scored: calibrated order follows quality', () => {
  // x and y are equally good; x was reviewed by the lenient reviewer L, who also scored z and w high.
  const s: Score[] = [
    { application: 'x', reviewer: 'L', score: 8 }, { application: 'x', reviewer: 'N', score: 5 },
    { application: 'y', reviewer: 'M', score: 5 }, { application: 'y', reviewer: 'N', score: 5 },
    { application: 'z', reviewer: 'L', score: 8 }, { application: 'z', reviewer: 'M', score: 5 },
    { application: 'w', reviewer: 'L', score: 8 }, { application: 'w', reviewer: 'N', score: 5 },
  ];
  const c = calibrate(s, { lambda: 0.1 });
  const get = (a: string) => c.applications.find((v) => v.application === a)!;
  assert.ok(get('x').rawMean > get('y').rawMean + 1);
  assert.ok(Math.abs(get('x').calibrated - get('y').calibrated) < 0.3, `${get('x').calibrated} vs ${get('y').calibrated}`);
  assert.ok(c.leniency.L - c.leniency.N > 2.5, `L ${c.leniency.L}, N ${c.leniency.N}`);
});
