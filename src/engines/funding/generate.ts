// Seeded generator of synergy-funding files, for the benchmark and the property tests: two funders (BYN, CNY),
// a few years, areas with quotas and floors, lead organisations with a skewed number of projects (a few large
// universities lead many) and a per-organisation cap. Scores have one decimal, as panels give them.
import { Rng } from '../scheduler/rng.ts';
import type { FundingFileRaw } from './format.ts';

export interface GenerateOptions {
  projects: number;
  years?: number;
  areas?: number;
  organisations?: number;
  /** Share of the total requested money each funder can pay per year (default 0.35). */
  budgetShare?: number;
  maxPerOrganisation?: number;
  /** Give each area a cap (and two areas a floor). */
  quotas?: boolean;
  objective?: 'score' | 'count';
  seed: number;
}

export function generateFundingFile(o: GenerateOptions): FundingFileRaw & { projects: Array<{ id: string; score: number }> } {
  const rng = new Rng(o.seed);
  const years = Array.from({ length: o.years ?? 3 }, (_, i) => String(2024 + i));
  const areas = Array.from({ length: o.areas ?? 8 }, (_, i) => `area${i + 1}`);
  const nOrg = o.organisations ?? Math.max(2, Math.round(o.projects / 5));
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const projects = Array.from({ length: o.projects }, (_, i) => {
    const score = Math.round((10 + 5 * Math.pow(rng.next(), 0.8)) * 10) / 10;
    const size = Math.exp(0.45 * normal()) * (0.85 + 0.03 * (score - 10));
    const duration = rng.next() < 0.3 ? years.length - 1 : years.length;
    const start = duration < years.length && rng.next() < 0.5 ? 1 : 0;
    const req = (base: number, spread: number) => Object.fromEntries(years.map((y, t) => [y,
      t >= start && t < start + duration ? Math.round(base * size * Math.exp(spread * normal()) / 100) * 100 : 0]));
    // Zipf-like: organisation k leads projects with probability ∝ 1/(k+1).
    const org = Math.floor(Math.pow(nOrg + 1, rng.next())) - 1;
    return {
      id: `j${i + 1}`, score, area: areas[Math.min(areas.length - 1, Math.floor(Math.pow(rng.next(), 1.3) * areas.length))],
      leadOrganisation: `o${org + 1}`, requests: { BY: req(60000, 0.15), CN: req(320000, 0.2) },
    };
  });
  const share = o.budgetShare ?? 0.35;
  const budget = (fid: 'BY' | 'CN') => Object.fromEntries(years.map((y, t) => {
    const total = projects.reduce((s, p) => s + p.requests[fid][y], 0);
    return [y, Math.round(total * share * (0.92 + 0.16 * ((t * 7 + (fid === 'BY' ? 1 : 4)) % 5) / 4) / 1000) * 1000];
  }));
  const expectedFunded = o.projects * share;
  const maxPerArea: Record<string, number> = {};
  const minPerArea: Record<string, number> = {};
  if (o.quotas) {
    areas.forEach((a, i) => { if (i < areas.length / 2) maxPerArea[a] = Math.max(1, Math.round(expectedFunded / areas.length * 1.4)); });
    minPerArea[areas[areas.length - 1]] = Math.max(1, Math.round(expectedFunded / areas.length * 0.6));
    minPerArea[areas[areas.length - 2]] = Math.max(1, Math.round(expectedFunded / areas.length * 0.8));
  }
  return {
    format: 'synergy-funding', version: 1, name: `generated n=${o.projects} seed=${o.seed}`, objective: o.objective ?? 'score',
    funders: [{ id: 'BY', currency: 'BYN', budget: budget('BY') }, { id: 'CN', currency: 'CNY', budget: budget('CN') }],
    projects,
    constraints: { maxPerArea, minPerArea, ...(o.maxPerOrganisation ? { maxPerOrganisation: o.maxPerOrganisation } : {}) },
  };
}
