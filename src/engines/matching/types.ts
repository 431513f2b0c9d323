// Input, option and result types of the matching engine. The input is a subset of the import
// format (src/shared/import-format.ts) joined with the owning organisation's country and type.
import type { ImportFile, ImportProfile } from '../../shared/import-format.ts';
import type { Lang, Ml } from '../../shared/languages.ts';
import type { OrgType, PartnershipType, ProfileType } from '../../shared/enums.ts';

/** One profile as the engine sees it (ids are whatever the caller uses: database ids or external ids). */
export type MatchProfile = {
  id: string;
  organisationId: string;
  /** ISO country of the owning organisation (BY, CN, …). */
  country: string;
  organisationType?: OrgType;
  type: ProfileType;
  /** Only published profiles (or profiles without a status) are recommended as candidates. */
  status?: string;
  title: Ml;
  summary: Ml;
  description?: Ml;
  partnerRole?: Ml;
  advantages?: Ml;
  technicalSpecification?: Ml;
  technologyKeywords?: string[];
  marketKeywords?: string[];
  areas?: string[];
  subAreas?: string[];
  partnershipTypes?: PartnershipType[];
  partnerTypesSought?: OrgType[];
  targetCountries?: string[];
  developmentStage?: ImportProfile['developmentStage'];
  trl?: number;
  trlMinSought?: number;
  /** ISO date-time; a profile past it is not recommended when `now` is given. */
  expiresAt?: string;
};

/** State of a pair recorded by the product; ids are profile or organisation ids. */
export type HistoryState = 'in_contact' | 'declined' | 'not_relevant';
export type HistoryEntry = { subject: string; object: string; state: HistoryState };
/** Anything that answers "what is recorded between these ids" (HistoryIndex, or a caller's own lookup). */
export interface HistoryLookup { state(viewer: string[], candidate: string[]): HistoryState | null }

/** Which country pairs may be recommended to each other. */
export type PairingRules = {
  /** Unordered country pairs, default [['BY', 'CN']]. */
  crossBorder: Array<[string, string]>;
  /** Recommend profiles of other organisations from the same country (organisers may enable it). */
  sameCountry: boolean;
};

export type SignalName = 'concepts' | 'text' | 'taxonomy' | 'type' | 'fit';
export type Weights = Record<string, number>;

export type ConceptRef = {
  id: string;
  /** Language of the candidate's text the concept was found in, and the label written there. */
  lang: Lang;
  label: string;
};

/** One term across languages: what each side wrote, and the English it met through. */
export type PivotChain = Partial<Record<Lang, string>>;

/** Structured reason: `kind` + params; rendered by renderReason(reason, lang). */
export type Reason =
  | { kind: 'type'; params: { relation: 'their_offer_your_request' | 'your_offer_their_request' | 'joint_rd' | 'their_tech_your_rd' | 'your_tech_their_rd' | 'similar'; viewerType: ProfileType; candidateType: ProfileType } }
  | { kind: 'shared_concepts'; params: { concepts: ConceptRef[] } }
  | { kind: 'related_concepts'; params: { concepts: ConceptRef[] } }
  /** Terms the thesaurus does not know that met through the English pivot: "肌电图 ≈ electromyogram ≈ электромиограмма". */
  | { kind: 'pivot_terms'; params: { terms: PivotChain[] } }
  | { kind: 'taxonomy'; params: { level: 'sub_area' | 'area' | 'related_area'; code: string } }
  | { kind: 'trl'; params: { direction: 'theirs_meets_yours' | 'yours_meets_theirs'; trl: number; min: number } }
  | { kind: 'partnership'; params: { types: PartnershipType[] } }
  | { kind: 'target_country'; params: { direction: 'they_target_you' | 'you_target_them'; country: string } }
  | { kind: 'partner_type'; params: { direction: 'they_seek_you' | 'you_seek_them'; orgType: OrgType } }
  | { kind: 'history'; params: { state: HistoryState } };

export type Candidate = {
  profileId: string;
  organisationId: string;
  /** Combined score in [0, 1] after the history factor. */
  score: number;
  /** Each signal in [0, 1] before weighting (including any extra scorers). */
  signals: Record<string, number>;
  reasons: Reason[];
  /** For an organisation query: which of its profiles this candidate was found for. */
  queryProfileId: string;
};

export type RecommendOptions = {
  top?: number;
  /** Recorded pairs: entries, or a prebuilt HistoryIndex (reuse it across many queries). */
  history?: HistoryEntry[] | HistoryLookup;
  pairing?: Partial<PairingRules>;
  /** Viewer language; reasons are structured, this only picks which label goes first in ConceptRef. */
  lang?: Lang;
  weights?: Partial<Weights>;
  /** Exclude candidates whose expiresAt is before this instant. */
  now?: Date;
  /** Minimal score to be recommended (default 0.05). */
  minScore?: number;
  /** Candidate generation budget (default 4000 profiles), see recommend.ts. */
  candidateBudget?: number;
  /** Build the reasons of each candidate (default true); the batch command only needs the ranking. */
  reasons?: boolean;
};

export type { ImportFile };
