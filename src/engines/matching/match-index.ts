// The inverted index: concept and word postings for candidate generation and TF-IDF scoring,
// taxonomy postings as a fallback source of candidates, incremental upsert/remove.
// Internal doc numbers are never reused: removing a profile marks its slot dead and leaves stale
// postings behind, which are skipped and purged by compaction once they pile up.
import { profileFeatures, type ProfileFeatures } from './features.ts';
import type { MatchProfile } from './types.ts';
import type { Scorer } from './score.ts';

export type Doc = {
  n: number;
  profile: MatchProfile;
  /** upper-case country, for the pairing rules, and small integer codes for the hot path */
  country: string;
  countryN: number;
  orgN: number;
  /** candidate at all: published (or no status given); expiry in ms (Infinity when none) */
  candidate: boolean;
  expiresMs: number;
  features: ProfileFeatures;
  /** term ids and weights of the concept vector and of the word vector */
  cTerms: Int32Array; cW: Float64Array;
  wTerms: Int32Array; wW: Float64Array;
  /** cached TF-IDF norms, valid while `normGen` equals the index generation */
  normGen: number; cNorm: number; wNorm: number;
};

type Postings = { docs: number[]; w: number[] };

export type IndexOptions = {
  /** Extra signals (e.g. a text-embedding scorer) evaluated on generated candidates. */
  scorers?: Scorer[];
};

export class MatchIndex {
  readonly docs: Array<Doc | null> = [];
  readonly byId = new Map<string, Doc>();
  readonly byOrg = new Map<string, Set<string>>();
  readonly terms = new Map<string, number>();
  readonly postings: Postings[] = [];
  readonly df: number[] = [];
  /** `<area or sub-area code>/<profile type>` → profile numbers (the area sweep of candidate generation). */
  readonly taxonomy = new Map<string, number[]>();
  readonly scorers: Scorer[];
  /** Bumped on every change; invalidates cached norms (document frequencies moved). */
  generation = 0;
  private stale = 0;

  constructor(options: IndexOptions = {}) {
    this.scorers = options.scorers ?? [];
  }

  get size(): number { return this.byId.size; }

  /** Adds or replaces a profile (published, edited). */
  upsert(profile: MatchProfile): void {
    if (this.byId.has(profile.id)) this.remove(profile.id);
    const features = profileFeatures(profile);
    const n = this.docs.length;
    const vec = (m: Map<string, number>, prefix: string) => {
      const entries = [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const ids = new Int32Array(entries.length);
      const ws = new Float64Array(entries.length);
      entries.forEach(([k, w], i) => {
        const t = this.termId(prefix + k);
        ids[i] = t; ws[i] = w;
        this.postings[t].docs.push(n); this.postings[t].w.push(w);
        this.df[t]++;
      });
      return [ids, ws] as const;
    };
    const [cTerms, cW] = vec(features.concepts, 'c:');
    const [wTerms, wW] = vec(features.words, 'w:');
    const country = profile.country.toUpperCase();
    const doc: Doc = {
      n, profile, country, countryN: this.code(this.countryCodes, country), orgN: this.code(this.orgCodes, profile.organisationId),
      candidate: profile.status === undefined || profile.status === 'published',
      expiresMs: profile.expiresAt ? Date.parse(profile.expiresAt) : Infinity, features, cTerms, cW, wTerms, wW, normGen: -1, cNorm: 0, wNorm: 0 };
    this.docs.push(doc);
    this.byId.set(profile.id, doc);
    (this.byOrg.get(profile.organisationId) ?? this.byOrg.set(profile.organisationId, new Set()).get(profile.organisationId)!).add(profile.id);
    for (const code of [...features.subAreas, ...features.areas]) {
      const key = `${code}/${profile.type}`;
      (this.taxonomy.get(key) ?? this.taxonomy.set(key, []).get(key)!).push(n);
    }
    this.generation++;
  }

  /** Removes a profile (unpublished, expired, deleted). Unknown ids are ignored. */
  remove(id: string): boolean {
    const doc = this.byId.get(id);
    if (!doc) return false;
    this.byId.delete(id);
    this.docs[doc.n] = null;
    const org = this.byOrg.get(doc.profile.organisationId);
    org?.delete(id);
    if (org?.size === 0) this.byOrg.delete(doc.profile.organisationId);
    for (const t of doc.cTerms) this.df[t]--;
    for (const t of doc.wTerms) this.df[t]--;
    this.stale += doc.cTerms.length + doc.wTerms.length;
    this.generation++;
    if (this.stale > 50_000 && this.stale > this.size * 20) this.compact();
    return true;
  }

  get(id: string): Doc | undefined { return this.byId.get(id); }

  /**
   * A profile that is not (or not yet) in the index, prepared for a query — e.g. a draft whose
   * owner wants to see partners before publishing. Nothing is added; words and concepts no
   * indexed profile has are dropped (they could not match anything).
   */
  probe(profile: MatchProfile): Doc {
    const features = profileFeatures(profile);
    const vec = (m: Map<string, number>, prefix: string) => {
      const entries = [...m].map(([k, w]) => [this.terms.get(prefix + k), w] as const).filter((e): e is readonly [number, number] => e[0] !== undefined)
        .sort((a, b) => a[0] - b[0]);
      return [Int32Array.from(entries.map((e) => e[0])), Float64Array.from(entries.map((e) => e[1]))] as const;
    };
    const [cTerms, cW] = vec(features.concepts, 'c:');
    const [wTerms, wW] = vec(features.words, 'w:');
    const country = profile.country.toUpperCase();
    return {
      n: -1, profile, country, countryN: this.countryCodes.get(country) ?? -1, orgN: this.orgCodes.get(profile.organisationId) ?? -1,
      candidate: false, expiresMs: Infinity, features, cTerms, cW, wTerms, wW, normGen: -1, cNorm: 0, wNorm: 0,
    };
  }

  private idfCache = new Float64Array(0);
  private idfGen = new Int32Array(0);

  /** Inverse document frequency of a term over the live profiles: ln(1 + N / df), cached per generation. */
  idf(t: number): number {
    if (this.idfCache.length <= t) {
      const size = Math.max(1024, this.postings.length * 2);
      const c = new Float64Array(size); c.set(this.idfCache); this.idfCache = c;
      const g = new Int32Array(size).fill(-1); g.set(this.idfGen); this.idfGen = g;
    }
    if (this.idfGen[t] !== this.generation) {
      const df = this.df[t];
      this.idfCache[t] = df > 0 ? Math.log(1 + this.size / df) : 0;
      this.idfGen[t] = this.generation;
    }
    return this.idfCache[t];
  }

  /** TF-IDF norms of a document under the current document frequencies (cached per generation). */
  norms(doc: Doc): Doc {
    if (doc.normGen === this.generation) return doc;
    let c = 0;
    for (let i = 0; i < doc.cTerms.length; i++) { const x = doc.cW[i] * this.idf(doc.cTerms[i]); c += x * x; }
    let w = 0;
    for (let i = 0; i < doc.wTerms.length; i++) { const x = doc.wW[i] * this.idf(doc.wTerms[i]); w += x * x; }
    doc.cNorm = Math.sqrt(c); doc.wNorm = Math.sqrt(w); doc.normGen = this.generation;
    return doc;
  }

  readonly countryCodes = new Map<string, number>();
  readonly orgCodes = new Map<string, number>();
  private code(m: Map<string, number>, key: string): number {
    let c = m.get(key);
    if (c === undefined) { c = m.size; m.set(key, c); }
    return c;
  }

  termId(key: string): number {
    let t = this.terms.get(key);
    if (t === undefined) {
      t = this.postings.length;
      this.terms.set(key, t);
      this.postings.push({ docs: [], w: [] });
      this.df.push(0);
    }
    return t;
  }

  /** Term key of an id (for reasons): "c:<concept>" or "w:<word>". */
  termKey(t: number): string {
    for (const [k, v] of this.terms) if (v === t) return k;
    return '';
  }

  /** Computes the TF-IDF norms of every live profile now rather than on first use (after a bulk load). */
  refreshNorms(): void {
    for (const d of this.docs) if (d) this.norms(d);
  }

  /** Drops postings of removed profiles. */
  compact(): void {
    for (const p of this.postings) {
      let j = 0;
      for (let i = 0; i < p.docs.length; i++) {
        if (this.docs[p.docs[i]]) { p.docs[j] = p.docs[i]; p.w[j] = p.w[i]; j++; }
      }
      p.docs.length = j; p.w.length = j;
    }
    for (const [code, list] of this.taxonomy) this.taxonomy.set(code, list.filter((n) => this.docs[n]));
    this.stale = 0;
  }
}

/** Builds an index over the given profiles (in the given order; results do not depend on it). */
export function buildIndex(profiles: Iterable<MatchProfile>, options: IndexOptions = {}): MatchIndex {
  const index = new MatchIndex(options);
  for (const p of profiles) index.upsert(p);
  index.refreshNorms();
  return index;
}
