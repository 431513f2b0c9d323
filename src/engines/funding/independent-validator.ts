// Independent validator for the tests: checks a selection against the raw synergy-funding file, written from the
// format's definition only — it shares no code with the solver (no model, no Usage), so a bug there cannot hide
// itself here. A selection is valid when no funder's budget is exceeded in any year and every constraint holds.
export interface RawFile {
  objective?: 'score' | 'count';
  funders: Array<{ id: string; budget: Record<string, number> }>;
  projects: Array<{ id: string; score: number; area: string; leadOrganisation: string; parkResident?: boolean;
    requests: Record<string, Record<string, number>> }>;
  constraints?: { maxPerArea?: Record<string, number>; minPerArea?: Record<string, number>; maxPerOrganisation?: number;
    minParkResidents?: number; parkResidentBonus?: number };
}

export function violations(file: RawFile, selected: readonly string[]): string[] {
  const out: string[] = [];
  const byId = new Map(file.projects.map((p) => [p.id, p]));
  if (new Set(selected).size !== selected.length) out.push('a project is selected twice');
  const chosen = selected.map((id) => byId.get(id));
  if (chosen.some((p) => !p)) out.push('an unknown project is selected');
  const ps = chosen.filter((p): p is NonNullable<typeof p> => !!p);
  for (const f of file.funders) {
    for (const [year, budget] of Object.entries(f.budget)) {
      let spent = 0;
      for (const p of ps) spent += p.requests[f.id]?.[year] ?? 0;
      if (spent > budget + 0.01) out.push(`${f.id} ${year}: spends ${spent} of ${budget}`);
    }
    for (const p of ps) {
      for (const [year, amount] of Object.entries(p.requests[f.id] ?? {})) {
        if (amount > 0 && !(year in f.budget)) out.push(`${p.id} asks ${f.id} for ${year}, which has no budget`);
      }
    }
  }
  const c = file.constraints ?? {};
  const count = (pred: (p: typeof ps[number]) => boolean) => ps.filter(pred).length;
  for (const [area, max] of Object.entries(c.maxPerArea ?? {})) {
    if (count((p) => p.area === area) > max) out.push(`area ${area}: more than ${max}`);
  }
  for (const [area, min] of Object.entries(c.minPerArea ?? {})) {
    if (count((p) => p.area === area) < min) out.push(`area ${area}: fewer than ${min}`);
  }
  if (c.maxPerOrganisation !== undefined) {
    for (const org of new Set(ps.map((p) => p.leadOrganisation))) {
      if (count((p) => p.leadOrganisation === org) > c.maxPerOrganisation) out.push(`organisation ${org}: more than ${c.maxPerOrganisation}`);
    }
  }
  if ((c.minParkResidents ?? 0) > count((p) => !!p.parkResident)) out.push(`fewer than ${c.minParkResidents} park residents`);
  return out;
}

/** The objective of a selection, from the format's definition. */
export function objectiveValue(file: RawFile, selected: readonly string[]): number {
  if (file.objective === 'count') return selected.length;
  const byId = new Map(file.projects.map((p) => [p.id, p]));
  const bonus = file.constraints?.parkResidentBonus ?? 0;
  return selected.reduce((s, id) => s + byId.get(id)!.score + (byId.get(id)!.parkResident ? bonus : 0), 0);
}

/** The best objective by trying every subset (small files only), or null when no subset is valid. */
export function exhaustiveOptimum(file: RawFile): number | null {
  const n = file.projects.length;
  if (n > 16) throw new Error('exhaustive search is for at most 16 projects');
  let best: number | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const ids = file.projects.filter((_, i) => mask & (1 << i)).map((p) => p.id);
    if (violations(file, ids).length) continue;
    const v = objectiveValue(file, ids);
    if (best === null || v > best) best = v;
  }
  return best;
}
