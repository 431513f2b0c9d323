// Independent checker for the engine's tests: reads the raw synergy-assignment JSON itself (no code of
// the engine's parser or solvers), checks every constraint of an assignment, recomputes its objective
// and worst application, and recomputes the LP dual bound of a certificate from scratch.
// Deliberately plain (maps and loops) so that it shares no mistakes with the optimised solver.

interface RawInput {
  applications: Array<{ id: string; demand: number; groupQuotas?: Record<string, number> }>;
  experts: Array<{ id: string; maxLoad: number; minLoad?: number; group?: string }>;
  affinity: { dense: Array<Array<number | null>> } | { sparse: Array<[string, string, number]> };
  conflicts?: Array<[string, string]>;
}
interface RawCertificate { applications: number[]; experts: number[]; quotas: Array<[number, string, number]>; pairCap: number }

export interface Check { ok: boolean; errors: string[]; objective: number; worstApplication: number }

/** Affinity of every allowed pair, keyed "application|expert". */
function allowedPairs(input: RawInput): Map<string, number> {
  const m = new Map<string, number>();
  if ('dense' in input.affinity) {
    input.affinity.dense.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null) m.set(`${input.applications[i].id}|${input.experts[j].id}`, v);
    }));
  } else for (const [p, r, v] of input.affinity.sparse) m.set(`${p}|${r}`, v);
  for (const [p, r] of input.conflicts ?? []) m.delete(`${p}|${r}`);
  return m;
}

export function checkAssignment(input: RawInput, assignments: Array<{ application: string; expert: string }>): Check {
  const errors: string[] = [];
  const allowed = allowedPairs(input);
  const expertById = new Map(input.experts.map((e) => [e.id, e]));
  const perApp = new Map<string, string[]>();
  const load = new Map<string, number>();
  let objective = 0;
  const seen = new Set<string>();
  for (const { application, expert } of assignments) {
    const key = `${application}|${expert}`;
    if (seen.has(key)) errors.push(`pair ${key} assigned twice`);
    seen.add(key);
    const a = allowed.get(key);
    if (a === undefined) errors.push(`pair ${key} is not allowed (conflict or absent)`); else objective += a;
    if (!perApp.has(application)) perApp.set(application, []);
    perApp.get(application)!.push(expert);
    load.set(expert, (load.get(expert) ?? 0) + 1);
  }
  let worst = Infinity;
  for (const app of input.applications) {
    const list = perApp.get(app.id) ?? [];
    if (list.length !== app.demand) errors.push(`${app.id}: ${list.length} experts, demand ${app.demand}`);
    for (const [g, q] of Object.entries(app.groupQuotas ?? {})) {
      const n = list.filter((e) => expertById.get(e)?.group === g).length;
      if (n < q) errors.push(`${app.id}: ${n} experts of group ${g}, quota ${q}`);
    }
    let total = 0;
    for (const e of list) total += allowed.get(`${app.id}|${e}`) ?? 0;
    worst = Math.min(worst, total);
  }
  for (const e of input.experts) {
    const l = load.get(e.id) ?? 0;
    if (l > e.maxLoad) errors.push(`${e.id}: load ${l} above ${e.maxLoad}`);
    if (l < (e.minLoad ?? 0)) errors.push(`${e.id}: load ${l} below ${e.minLoad}`);
  }
  for (const id of load.keys()) if (!expertById.has(id)) errors.push(`unknown expert ${id}`);
  for (const id of perApp.keys()) if (!input.applications.some((a) => a.id === id)) errors.push(`unknown application ${id}`);
  return { ok: errors.length === 0, errors, objective, worstApplication: input.applications.length ? worst : 0 };
}

/** The LP dual bound Σ d·α − Σ q·δ + Σ (u·π⁺ − l·π⁻) + Σ cap·(a − α − π + δ)⁺ of a certificate. */
export function certificateBound(input: RawInput, c: RawCertificate): number {
  const allowed = allowedPairs(input);
  const alpha = new Map(input.applications.map((a, i) => [a.id, c.applications[i]]));
  const pi = new Map(input.experts.map((e, j) => [e.id, c.experts[j]]));
  const delta = new Map<string, number>();
  let bound = 0;
  for (const [i, g, d] of c.quotas) {
    if (d < 0) return Infinity; // δ must be ≥ 0 for the bound to hold
    const app = input.applications[i];
    bound -= (app.groupQuotas?.[g] ?? 0) * d;
    delta.set(`${app.id}|${g}`, d);
  }
  input.applications.forEach((a, i) => { bound += a.demand * c.applications[i]; });
  input.experts.forEach((e, j) => { const p = c.experts[j]; bound += p >= 0 ? e.maxLoad * p : (e.minLoad ?? 0) * p; });
  const groupOf = new Map(input.experts.map((e) => [e.id, e.group]));
  for (const [key, a] of allowed) {
    const [app, exp] = key.split('|');
    const g = groupOf.get(exp);
    const slack = a - alpha.get(app)! - pi.get(exp)! + (g !== undefined ? delta.get(`${app}|${g}`) ?? 0 : 0);
    if (slack > 0) bound += c.pairCap * slack;
  }
  return bound;
}
