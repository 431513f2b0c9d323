// Calibration of review scores (pure): the reviewer-offset model
//     score(application i, reviewer j) = quality_i + leniency_j + noise
// fitted per call and side by regularised least squares (ridge λ on the leniencies, which keeps them
// identifiable and shrinks reviewers with few reviews towards 0), solved by alternating exact updates:
//     quality_i  = mean over i's reviews of (score − leniency_j)
//     leniency_j = Σ over j's reviews of (score − quality_i) / (n_j + λ)
// Each update minimises the (convex) objective in its block, so the objective never increases; we stop
// when no value moves by more than 1e-9. Noise σ is estimated from the residuals; the interval of an
// application is quality_i ± 1.96·σ/√n_i (normal approximation, leniencies taken as known).

export type Score = { application: string; reviewer: string; score: number };
export type CalibrationOptions = { lambda?: number; divergenceThreshold?: number; maxIterations?: number };
export type CalibratedApplication = {
  application: string; reviews: number; rawMean: number; calibrated: number; low: number; high: number;
  spread: number; divergent: boolean;
};
export type Calibration = { applications: CalibratedApplication[]; leniency: Record<string, number>; sigma: number; iterations: number };

export function calibrate(scores: Score[], o: CalibrationOptions = {}): Calibration {
  const lambda = o.lambda ?? 1;
  const threshold = o.divergenceThreshold ?? Infinity;
  const apps = [...new Set(scores.map((s) => s.application))];
  const revs = [...new Set(scores.map((s) => s.reviewer))];
  const ai = new Map(apps.map((a, i) => [a, i])), ri = new Map(revs.map((r, i) => [r, i]));
  const A = scores.map((s) => ai.get(s.application)!), R = scores.map((s) => ri.get(s.reviewer)!), S = scores.map((s) => s.score);
  const nA = new Float64Array(apps.length), nR = new Float64Array(revs.length);
  for (let k = 0; k < S.length; k++) { nA[A[k]]++; nR[R[k]]++; }
  const q = new Float64Array(apps.length), b = new Float64Array(revs.length);
  let it = 0;
  for (; it < (o.maxIterations ?? 10_000); it++) {
    let moved = 0;
    const sq = new Float64Array(apps.length);
    for (let k = 0; k < S.length; k++) sq[A[k]] += S[k] - b[R[k]];
    for (let i = 0; i < apps.length; i++) { const v = sq[i] / nA[i]; moved = Math.max(moved, Math.abs(v - q[i])); q[i] = v; }
    const sb = new Float64Array(revs.length);
    for (let k = 0; k < S.length; k++) sb[R[k]] += S[k] - q[A[k]];
    for (let j = 0; j < revs.length; j++) { const v = sb[j] / (nR[j] + lambda); moved = Math.max(moved, Math.abs(v - b[j])); b[j] = v; }
    if (moved < 1e-9) break;
  }
  let rss = 0;
  for (let k = 0; k < S.length; k++) rss += (S[k] - q[A[k]] - b[R[k]]) ** 2;
  const dof = Math.max(1, S.length - apps.length - revs.length + 1);
  const sigma = Math.sqrt(rss / dof);
  const out: CalibratedApplication[] = apps.map((a, i) => {
    const own = S.filter((_, k) => A[k] === i);
    const raw = own.reduce((x, y) => x + y, 0) / own.length;
    const half = 1.96 * sigma / Math.sqrt(nA[i]);
    const spread = Math.max(...own) - Math.min(...own);
    return { application: a, reviews: own.length, rawMean: raw, calibrated: q[i], low: q[i] - half, high: q[i] + half, spread, divergent: own.length > 1 && spread > threshold };
  });
  return { applications: out, leniency: Object.fromEntries(revs.map((r, j) => [r, b[j]])), sigma, iterations: it + 1 };
}
