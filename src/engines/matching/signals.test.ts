// Each signal on its own: type complementarity, taxonomy, fit (TRL/stage, partnership types,
// target countries, partner type), history lookups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_HISTORY_FACTORS, HistoryIndex, TAXONOMY_SCORES, fitSignal, taxonomySignal, typeSignal } from './signals.ts';
import { profileFeatures, taxonomyMasks, type ProfileFeatures } from './features.ts';
import { mk } from './test-profiles.ts';
import type { MatchProfile, Reason } from './types.ts';

test('type: TO↔TR and BO↔BR strongest, RDR↔RDR and RDR↔TO strong, offer↔offer weak, symmetric', () => {
  const v = (a: MatchProfile['type'], b: MatchProfile['type']) => typeSignal(a, b).value;
  assert.equal(v('TR', 'TO'), 1); assert.equal(v('BO', 'BR'), 1);
  assert.ok(v('RDR', 'RDR') < 1 && v('RDR', 'RDR') >= 0.7);
  assert.ok(v('RDR', 'TO') >= 0.7 && v('TO', 'RDR') === v('RDR', 'TO'));
  assert.ok(v('TO', 'TO') <= 0.3 && v('BO', 'BO') <= 0.3 && v('TO', 'BO') <= 0.3);
  assert.ok(v('TR', 'TR') < v('TO', 'TO'), 'two requests for the same thing meet even less than two offers');
  for (const a of ['TO', 'TR', 'BO', 'BR', 'RDR'] as const) for (const b of ['TO', 'TR', 'BO', 'BR', 'RDR'] as const) assert.equal(v(a, b), v(b, a));
});

test('type reasons say who answers whom', () => {
  assert.equal(typeSignal('TR', 'TO').reason?.params.relation, 'their_offer_your_request');
  assert.equal(typeSignal('TO', 'TR').reason?.params.relation, 'your_offer_their_request');
  assert.equal(typeSignal('RDR', 'RDR').reason?.params.relation, 'joint_rd');
  assert.equal(typeSignal('RDR', 'TO').reason?.params.relation, 'their_tech_your_rd');
  assert.equal(typeSignal('TO', 'TO').reason, null, 'a weak type match gives no reason');
});

const feat = (areas: string[], subAreas: string[]): ProfileFeatures =>
  ({ concepts: new Map(), direct: new Map(), words: new Map(), pivots: new Map(), areas, subAreas, declaredTaxonomy: true, masks: taxonomyMasks(areas, subAreas) });

test('taxonomy: same sub-area > same area > related areas > unrelated, with and without bit masks', () => {
  const q = feat(['energy_efficiency'], ['energy_efficiency.storage']);
  const cases: Array<[ProfileFeatures, number, string | null]> = [
    [feat(['energy_efficiency'], ['energy_efficiency.storage']), TAXONOMY_SCORES.subArea, 'sub_area'],
    [feat(['energy_efficiency'], ['energy_efficiency.hydrogen']), TAXONOMY_SCORES.area, 'area'],
    [feat(['environment'], []), TAXONOMY_SCORES.relatedArea, 'related_area'],
    [feat(['ict_ai'], []), 0, null],
  ];
  assert.ok(TAXONOMY_SCORES.subArea > TAXONOMY_SCORES.area && TAXONOMY_SCORES.area > TAXONOMY_SCORES.relatedArea);
  for (const [c, expected, level] of cases) {
    assert.equal(taxonomySignal(q, c), expected);
    const reasons: Reason[] = [];
    assert.equal(taxonomySignal(q, c, reasons), expected, 'the slow path (with reasons) agrees with the bit masks');
    assert.equal((reasons[0] as Extract<Reason, { kind: 'taxonomy' }> | undefined)?.params.level ?? null, level);
  }
  // codes outside the seed taxonomy (organisers may add areas) still compare by name
  assert.equal(taxonomySignal(feat(['space'], ['space.satellites']), feat(['space'], ['space.satellites'])), TAXONOMY_SCORES.subArea);
});

const P = (p: Partial<MatchProfile>) => mk({ id: 'x', organisationId: 'o', country: 'BY', type: 'TR', title: { ru: 'x' }, partnershipTypes: [], ...p });
const fit = (a: MatchProfile, b: MatchProfile, reasons?: Reason[]) => fitSignal(a, profileFeatures(a), b, profileFeatures(b), reasons);

test('fit: TRL of the offer against the minimum of the request, stage standing in for a missing TRL', () => {
  const req = P({ type: 'TR', trlMinSought: 5 });
  const reasons: Reason[] = [];
  assert.equal(fit(req, P({ type: 'TO', country: 'CN', trl: 6 }), reasons), 1);
  assert.deepEqual(reasons, [{ kind: 'trl', params: { direction: 'theirs_meets_yours', trl: 6, min: 5 } }]);
  assert.equal(fit(req, P({ type: 'TO', trl: 4 })), 0.5, 'one level short');
  assert.equal(fit(req, P({ type: 'TO', trl: 2 })), 0);
  assert.equal(fit(req, P({ type: 'TO', developmentStage: 'on_market' })), 1, 'on the market ≈ TRL 9');
  const back: Reason[] = [];
  fit(P({ type: 'TO', trl: 7 }), req, back);
  assert.equal((back[0] as Extract<Reason, { kind: 'trl' }>).params.direction, 'yours_meets_theirs');
});

test('fit: shared partnership types, target countries and partner type sought; 0.5 when nothing applies', () => {
  assert.equal(fit(P({}), P({})), 0.5);
  const r1: Reason[] = [];
  assert.equal(fit(P({ partnershipTypes: ['licensing', 'investment'] }), P({ partnershipTypes: ['licensing'] }), r1), 1);
  assert.deepEqual(r1, [{ kind: 'partnership', params: { types: ['licensing'] } }]);
  assert.equal(fit(P({ partnershipTypes: ['investment'] }), P({ partnershipTypes: ['licensing'] })), 0);
  assert.equal(fit(P({ country: 'BY' }), P({ country: 'CN', targetCountries: ['BY'] })), 1);
  assert.equal(fit(P({ country: 'BY' }), P({ country: 'CN', targetCountries: ['RU'] })), 0);
  assert.equal(fit(P({ organisationType: 'university' }), P({ partnerTypesSought: ['university'] })), 1);
  assert.equal(fit(P({ partnerTypesSought: ['enterprise'] }), P({ organisationType: 'university' })), 0);
});

test('history: in_contact and declined are mutual, not_relevant is the subject’s own; profile or organisation ids', () => {
  const h = new HistoryIndex([
    { subject: 'p1', object: 'p2', state: 'not_relevant' },
    { subject: 'orgA', object: 'orgB', state: 'in_contact' },
    { subject: 'p5', object: 'p6', state: 'declined' },
  ]);
  assert.equal(h.state(['p1', 'orgX'], ['p2', 'orgY']), 'not_relevant');
  assert.equal(h.state(['p2', 'orgY'], ['p1', 'orgX']), null);
  assert.equal(h.state(['p9', 'orgB'], ['p7', 'orgA']), 'in_contact');
  assert.equal(h.state(['p6', 'o'], ['p5', 'o2']), 'declined');
  assert.equal(DEFAULT_HISTORY_FACTORS.not_relevant, 0);
  assert.ok(DEFAULT_HISTORY_FACTORS.declined < 1 && DEFAULT_HISTORY_FACTORS.in_contact < 1);
});

test('taxonomy: an area the concepts point to counts as a related area when the declarations do not meet', () => {
  const energy = profileFeatures(mk({ id: 'e', organisationId: 'o1', country: 'CN', type: 'TO', title: { zh: '氢燃料电池电堆' }, areas: ['energy_efficiency'] }));
  const declaredIct = (title: string) => profileFeatures(mk({ id: 'i', organisationId: 'o2', country: 'BY', type: 'TR', title: { ru: title }, areas: ['ict_ai'] }));
  assert.equal(taxonomySignal(declaredIct('Водородные топливные элементы для резервного питания серверов'), energy), TAXONOMY_SCORES.relatedArea);
  assert.equal(taxonomySignal(energy, declaredIct('Водородные топливные элементы для резервного питания серверов')), TAXONOMY_SCORES.relatedArea, 'symmetric');
  assert.equal(taxonomySignal(declaredIct('Облачная платформа хранения данных'), energy), 0, 'ict_ai and energy_efficiency are not related areas');
});
