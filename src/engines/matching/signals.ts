// The per-pair signals that need no index: type complementarity, taxonomy, fit (TRL/stage,
// partnership types, target countries, partner type) and the history factor. Each returns a
// value in [0, 1] and the structured reasons that explain it.
import { TAXONOMY } from '../../shared/taxonomy-data.ts';
import type { ProfileType } from '../../shared/enums.ts';
import type { ProfileFeatures } from './features.ts';
import type { HistoryEntry, HistoryState, MatchProfile, Reason } from './types.ts';

const OFFERS = new Set<ProfileType>(['TO', 'BO']);

/**
 * Type complementarity (symmetric). TO↔TR and BO↔BR: an offer answers a request (1.0);
 * RDR↔RDR and RDR↔TO: joint R&D or a technology for an R&D project (0.8); cross offer/request
 * of the other kind (TO↔BR, BO↔TR) 0.5; RDR↔TR 0.5; offer↔offer weak; request↔request weaker.
 */
export const TYPE_MATRIX: Record<ProfileType, Record<ProfileType, number>> = {
  TO: { TO: 0.25, TR: 1, BO: 0.25, BR: 0.5, RDR: 0.8 },
  TR: { TO: 1, TR: 0.15, BO: 0.5, BR: 0.15, RDR: 0.5 },
  BO: { TO: 0.25, TR: 0.5, BO: 0.2, BR: 1, RDR: 0.3 },
  BR: { TO: 0.5, TR: 0.15, BO: 1, BR: 0.1, RDR: 0.2 },
  RDR: { TO: 0.8, TR: 0.5, BO: 0.3, BR: 0.2, RDR: 0.8 },
};

export function typeSignal(viewer: ProfileType, candidate: ProfileType): { value: number; reason: Extract<Reason, { kind: 'type' }> | null } {
  const value = TYPE_MATRIX[viewer][candidate];
  let relation: Extract<Reason, { kind: 'type' }>['params']['relation'] = 'similar';
  if (OFFERS.has(candidate) && (viewer === 'TR' || viewer === 'BR')) relation = 'their_offer_your_request';
  else if (OFFERS.has(viewer) && (candidate === 'TR' || candidate === 'BR')) relation = 'your_offer_their_request';
  else if (viewer === 'RDR' && candidate === 'RDR') relation = 'joint_rd';
  else if (viewer === 'RDR' && candidate === 'TO') relation = 'their_tech_your_rd';
  else if (viewer === 'TO' && candidate === 'RDR') relation = 'your_tech_their_rd';
  const reason: Extract<Reason, { kind: 'type' }> | null = value >= 0.5 ? { kind: 'type', params: { relation, viewerType: viewer, candidateType: candidate } } : null;
  return { value, reason };
}

export const TAXONOMY_SCORES = { subArea: 1, area: 0.6, relatedArea: 0.25 } as const;
const RELATED = new Map(TAXONOMY.map((a) => [a.code, new Set(a.related)]));

/**
 * Same sub-area > same area > related areas (the `related` lists of the taxonomy, either
 * direction). Pushes its reason into `reasons` when given (the hot path passes none).
 */
export function taxonomySignal(q: ProfileFeatures, c: ProfileFeatures, reasons?: Reason[]): number {
  const qm = q.masks, cm = c.masks;
  if (!reasons && qm && cm) {
    if ((qm.subLo & cm.subLo) | (qm.subHi & cm.subHi)) return TAXONOMY_SCORES.subArea;
    if (qm.area & cm.area) return TAXONOMY_SCORES.area;
    return (qm.related & cm.area) | (cm.related & qm.area) ? TAXONOMY_SCORES.relatedArea : 0;
  }
  for (const s of q.subAreas) {
    if (c.subAreas.includes(s)) {
      reasons?.push({ kind: 'taxonomy', params: { level: 'sub_area', code: s } });
      return TAXONOMY_SCORES.subArea;
    }
  }
  for (const a of q.areas) {
    if (c.areas.includes(a)) {
      reasons?.push({ kind: 'taxonomy', params: { level: 'area', code: a } });
      return TAXONOMY_SCORES.area;
    }
  }
  for (const a of c.areas) {
    for (const b of q.areas) {
      if (RELATED.get(b)?.has(a) || RELATED.get(a)?.has(b)) {
        reasons?.push({ kind: 'taxonomy', params: { level: 'related_area', code: a } });
        return TAXONOMY_SCORES.relatedArea;
      }
    }
  }
  return 0;
}

/**
 * Fit: the mean of the parts that apply (TRL, partnership types, target countries, partner
 * type); 0.5 when none applies, so a sparse profile is neither rewarded nor punished.
 * TRL part: 1 when the offer side's TRL reaches the request side's minimum, 0.5 one level
 * short, else 0. Pushes reasons into `reasons` when given.
 */
export function fitSignal(qp: MatchProfile, q: ProfileFeatures, cp: MatchProfile, c: ProfileFeatures, reasons?: Reason[]): number {
  let sum = 0;
  let parts = 0;
  // TRL: the request side's minimum against the offer side's TRL (or stage).
  if (qp.trlMinSought !== undefined && c.trl !== undefined) {
    const gap = qp.trlMinSought - c.trl;
    parts++; sum += gap <= 0 ? 1 : gap === 1 ? 0.5 : 0;
    if (gap <= 0) reasons?.push({ kind: 'trl', params: { direction: 'theirs_meets_yours', trl: c.trl, min: qp.trlMinSought } });
  }
  if (cp.trlMinSought !== undefined && q.trl !== undefined) {
    const gap = cp.trlMinSought - q.trl;
    parts++; sum += gap <= 0 ? 1 : gap === 1 ? 0.5 : 0;
    if (gap <= 0) reasons?.push({ kind: 'trl', params: { direction: 'yours_meets_theirs', trl: q.trl, min: cp.trlMinSought } });
  }
  const qpt = qp.partnershipTypes, cpt = cp.partnershipTypes;
  if (qpt?.length && cpt?.length) {
    let shared = 0;
    for (const t of qpt) if (cpt.includes(t)) shared++;
    parts++; sum += shared / Math.min(qpt.length, cpt.length);
    if (shared && reasons) reasons.push({ kind: 'partnership', params: { types: qpt.filter((t) => cpt.includes(t)) } });
  }
  if (cp.targetCountries?.length) {
    const ok = cp.targetCountries.includes(qp.country);
    parts++; if (ok) sum++;
    if (ok) reasons?.push({ kind: 'target_country', params: { direction: 'they_target_you', country: qp.country } });
  }
  if (qp.targetCountries?.length) {
    const ok = qp.targetCountries.includes(cp.country);
    parts++; if (ok) sum++;
    if (ok) reasons?.push({ kind: 'target_country', params: { direction: 'you_target_them', country: cp.country } });
  }
  if (cp.partnerTypesSought?.length && qp.organisationType) {
    const ok = cp.partnerTypesSought.includes(qp.organisationType);
    parts++; if (ok) sum++;
    if (ok) reasons?.push({ kind: 'partner_type', params: { direction: 'they_seek_you', orgType: qp.organisationType } });
  }
  if (qp.partnerTypesSought?.length && cp.organisationType) {
    const ok = qp.partnerTypesSought.includes(cp.organisationType);
    parts++; if (ok) sum++;
    if (ok) reasons?.push({ kind: 'partner_type', params: { direction: 'you_seek_them', orgType: cp.organisationType } });
  }
  return parts ? sum / parts : 0.5;
}

/** Multipliers of the score per history state; 0 removes the pair from the recommendations. */
export const DEFAULT_HISTORY_FACTORS: Record<HistoryState, number> = { not_relevant: 0, declined: 0.2, in_contact: 0.3 };

/**
 * History lookup. `in_contact` and `declined` are mutual (either side may have recorded them);
 * `not_relevant` is the subject's own judgement of the object and only affects the subject's list.
 * Ids may be profile or organisation ids on either side.
 */
export class HistoryIndex {
  private readonly map = new Map<string, HistoryState[]>();
  constructor(entries: HistoryEntry[] = []) {
    for (const e of entries) {
      this.put(e.subject, e.object, e.state);
      if (e.state !== 'not_relevant') this.put(e.object, e.subject, e.state);
    }
  }
  private put(a: string, b: string, s: HistoryState) {
    const k = `${a}\u0000${b}`;
    (this.map.get(k) ?? this.map.set(k, []).get(k)!).push(s);
  }
  get size() { return this.map.size; }
  /** The most severe state recorded between the viewer (profile/org) and the candidate (profile/org). */
  state(viewer: string[], candidate: string[]): HistoryState | null {
    if (this.map.size === 0) return null;
    let worst: HistoryState | null = null;
    for (const a of viewer) for (const b of candidate) {
      for (const s of this.map.get(`${a}\u0000${b}`) ?? []) {
        if (worst === null || DEFAULT_HISTORY_FACTORS[s] < DEFAULT_HISTORY_FACTORS[worst]) worst = s;
      }
    }
    return worst;
  }
}
