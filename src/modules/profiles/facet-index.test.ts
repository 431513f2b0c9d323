// The in-memory facet table against a direct reading of plan()'s SQL filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FacetTable, facetKeysOf, type FacetFilter, type Facets } from './facet-index.ts';

type P = { id: string; status: string; type: string; country: string; orgType: string; trl: number | null; areas: string[]; subAreas: string[]; partnershipTypes: string[] };

const P = (id: string, over: Partial<P> = {}): P => ({
  id, status: 'published', type: 'TO', country: 'BY', orgType: 'university', trl: 5, areas: [], subAreas: [], partnershipTypes: ['licensing'], ...over,
});

function tableOf(ps: P[]) {
  const t = new FacetTable();
  for (const p of ps) t.upsert({ profileId: p.id, status: p.status, facetKeys: facetKeysOf(p) });
  return t;
}

/** plan()'s WHERE clause read literally (status =, IN, @>, = ANY, &&, >=, <=; NULL compares false). */
function matches(p: P, f: FacetFilter) {
  return p.status === f.status
    && (!f.type?.length || f.type.includes(p.type))
    && (!f.country?.length || f.country.includes(p.country))
    && (!f.orgType?.length || f.orgType.includes(p.orgType))
    && (!f.area || p.areas.includes(f.area))
    && (!f.subArea || p.subAreas.includes(f.subArea))
    && (!f.partnershipType?.length || p.partnershipTypes.some((x) => f.partnershipType!.includes(x)))
    && (!f.trlMin || (p.trl !== null && p.trl >= f.trlMin))
    && (!f.trlMax || (p.trl !== null && p.trl <= f.trlMax));
}

/** The SQL's `unnest(facet_keys) … GROUP BY k` over the matching rows. */
function reference(ps: P[], f: FacetFilter): Facets {
  const out: Facets = { total: 0, type: {}, country: {}, orgType: {}, area: {}, subArea: {}, partnershipType: {}, trl: {} };
  for (const p of ps.filter((x) => matches(x, f))) {
    for (const k of facetKeysOf(p)) {
      const i = k.indexOf(':');
      const facet = k.slice(0, i) as keyof Omit<Facets, 'total'>;
      out[facet][k.slice(i + 1)] = (out[facet][k.slice(i + 1)] ?? 0) + 1;
    }
    out.total++;
  }
  return out;
}

const ps: P[] = [
  P('a', { type: 'TO', country: 'BY', orgType: 'university', trl: 3, areas: ['ict_ai'], subAreas: ['ict_ai.telecom'], partnershipTypes: ['licensing', 'rd_cooperation'] }),
  P('b', { type: 'TR', country: 'CN', orgType: 'research_institute', trl: 7, areas: ['ict_ai', 'energy'], subAreas: ['energy.solar'], partnershipTypes: ['rd_cooperation'] }),
  P('c', { type: 'BO', country: 'CN', orgType: 'enterprise', trl: null, areas: ['energy'], partnershipTypes: ['commercial_technical_assistance'] }),
  P('d', { type: 'TO', country: 'KZ', orgType: 'enterprise', trl: 9, areas: [], partnershipTypes: ['licensing'] }),
  P('e', { status: 'draft', type: 'TO', country: 'BY', trl: 5, areas: ['ict_ai'] }),
  P('f', { status: 'submitted', type: 'RDR', country: 'CN', trl: 1 }),
];
const pub = (f: Omit<FacetFilter, 'status'> = {}): FacetFilter => ({ status: 'published', ...f });

test('no filters: every published profile, each facet counted', () => {
  const r = tableOf(ps).count(pub());
  assert.equal(r.total, 4);
  assert.deepEqual(r.type, { TO: 2, TR: 1, BO: 1 });
  assert.deepEqual(r.country, { BY: 1, CN: 2, KZ: 1 });
  assert.deepEqual(r.orgType, { university: 1, research_institute: 1, enterprise: 2 });
  assert.deepEqual(r.area, { ict_ai: 2, energy: 2 });
  assert.deepEqual(r.subArea, { 'ict_ai.telecom': 1, 'energy.solar': 1 });
  assert.deepEqual(r.partnershipType, { licensing: 2, rd_cooperation: 2, commercial_technical_assistance: 1 });
  assert.deepEqual(r.trl, { 3: 1, 7: 1, 9: 1 }, 'a profile without TRL has no trl key');
});

test('status: only rows of the requested status; an unseen status counts nothing', () => {
  const t = tableOf(ps);
  assert.deepEqual(t.count({ status: 'draft' }).type, { TO: 1 });
  assert.equal(t.count({ status: 'draft' }).total, 1);
  assert.deepEqual(t.count({ status: 'submitted' }).type, { RDR: 1 });
  assert.equal(t.count({ status: 'archived' }).total, 0);
});

test('each filter alone', () => {
  const t = tableOf(ps);
  const ids = (f: FacetFilter) => t.count(f).total;
  assert.equal(ids(pub({ type: ['TO'] })), 2);
  assert.equal(ids(pub({ type: ['TR', 'BO'] })), 2);
  assert.equal(ids(pub({ country: ['CN'] })), 2);
  assert.equal(ids(pub({ country: ['CN', 'KZ'] })), 3);
  assert.equal(ids(pub({ orgType: ['enterprise'] })), 2);
  assert.equal(ids(pub({ area: 'ict_ai' })), 2);
  assert.equal(ids(pub({ area: 'energy' })), 2);
  assert.equal(ids(pub({ subArea: 'energy.solar' })), 1);
  assert.equal(ids(pub({ partnershipType: ['rd_cooperation'] })), 2);
  assert.equal(ids(pub({ partnershipType: ['licensing', 'commercial_technical_assistance'] })), 3, 'overlap, not containment');
  assert.equal(ids(pub({ type: [] })), 4, 'an empty list is no filter');
  assert.equal(ids(pub({ country: ['FR'] })), 0, 'a value nobody has');
  assert.equal(ids(pub({ area: 'ict_ai.telecom' })), 0, 'a sub-area code is not an area');
});

test('TRL range: bounds inclusive, each bound alone, a profile without TRL never matches a TRL filter', () => {
  const t = tableOf(ps);
  assert.deepEqual(t.count(pub({ trlMin: 3, trlMax: 7 })).trl, { 3: 1, 7: 1 });
  assert.deepEqual(t.count(pub({ trlMin: 4, trlMax: 7 })).trl, { 7: 1 });
  assert.deepEqual(t.count(pub({ trlMin: 8 })).trl, { 9: 1 });
  assert.equal(t.count(pub({ trlMax: 9 })).total, 3, 'c (TRL null) is left out');
  assert.equal(t.count(pub({ trlMin: 1 })).total, 3);
  assert.equal(t.count(pub({ trlMin: 8, trlMax: 4 })).total, 0);
  assert.equal(t.count(pub()).total, 4, 'without a TRL filter c counts');
});

test('combinations narrow together; facet counts are over the matching rows', () => {
  const t = tableOf(ps);
  const r = t.count(pub({ area: 'ict_ai', country: ['CN'] }));
  assert.equal(r.total, 1);
  assert.deepEqual(r.area, { ict_ai: 1, energy: 1 }, 'every area of the matching profile');
  assert.equal(t.count(pub({ type: ['TO'], partnershipType: ['licensing'], trlMax: 5 })).total, 1);
  assert.equal(t.count(pub({ type: ['TO'], orgType: ['research_institute'] })).total, 0);
  assert.deepEqual(t.count(pub({ type: ['TO', 'BO'], country: ['CN', 'KZ'], area: 'energy' })), reference(ps, pub({ type: ['TO', 'BO'], country: ['CN', 'KZ'], area: 'energy' })));
});

test('upsert replaces a row: status, shorter and longer key lists', () => {
  const rows = ps.map((p) => ({ ...p }));
  const t = tableOf(rows);
  const replace = (p: P) => { rows[rows.findIndex((x) => x.id === p.id)] = p; t.upsert({ profileId: p.id, status: p.status, facetKeys: facetKeysOf(p) }); };
  replace(P('a', { status: 'on_hold', areas: ['ict_ai'] }));
  replace(P('b', { type: 'TR', country: 'CN', areas: ['ict_ai', 'energy', 'space', 'agriculture'], subAreas: ['energy.solar', 'space.satellites'], partnershipTypes: ['rd_cooperation', 'licensing', 'outsourcing'] }));
  replace(P('c', { type: 'BO', country: 'CN', trl: 2, areas: [] }));
  assert.equal(t.size, ps.length);
  for (const f of [pub(), pub({ area: 'space' }), pub({ trlMax: 2 }), { status: 'on_hold' }]) assert.deepEqual(t.count(f), reference(rows, f), JSON.stringify(f));
});

test('random tables and filters agree with the reference, through many replacements (compaction)', () => {
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const some = <T>(a: readonly T[], max: number) => [...new Set(Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => pick(a)))];
  const AREAS = ['ict_ai', 'energy', 'space', 'agriculture', 'medicine'];
  const gen = (id: string): P => ({
    id, status: pick(['published', 'published', 'published', 'draft', 'expired']), type: pick(['TO', 'TR', 'BO', 'BR', 'RDR']),
    country: pick(['BY', 'CN', 'KZ']), orgType: pick(['university', 'enterprise', 'fund']), trl: rnd() < 0.2 ? null : 1 + Math.floor(rnd() * 9),
    areas: some(AREAS, 4), subAreas: some(AREAS.map((a) => `${a}.x`), 3), partnershipTypes: some(['licensing', 'rd_cooperation', 'outsourcing'], 3),
  });
  const rows = new Map<string, P>();
  const t = new FacetTable();
  for (let i = 0; i < 6000; i++) {
    const p = gen(`p${Math.floor(rnd() * 1500)}`); // most writes replace an existing row
    rows.set(p.id, p);
    t.upsert({ profileId: p.id, status: p.status, facetKeys: facetKeysOf(p) });
  }
  assert.equal(t.size, rows.size);
  for (let i = 0; i < 200; i++) {
    const f: FacetFilter = {
      status: pick(['published', 'published', 'draft']), ...(rnd() < 0.3 ? { type: some(['TO', 'TR', 'BO'], 2) } : {}),
      ...(rnd() < 0.3 ? { country: some(['BY', 'CN', 'FR'], 2) } : {}), ...(rnd() < 0.2 ? { orgType: some(['university', 'fund'], 2) } : {}),
      ...(rnd() < 0.3 ? { area: pick(AREAS) } : {}), ...(rnd() < 0.2 ? { subArea: `${pick(AREAS)}.x` } : {}),
      ...(rnd() < 0.3 ? { partnershipType: some(['licensing', 'outsourcing'], 2) } : {}),
      ...(rnd() < 0.3 ? { trlMin: 1 + Math.floor(rnd() * 9) } : {}), ...(rnd() < 0.3 ? { trlMax: 1 + Math.floor(rnd() * 9) } : {}),
    };
    assert.deepEqual(t.count(f), reference([...rows.values()], f), JSON.stringify(f));
  }
});
