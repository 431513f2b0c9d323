// Compact builders for the evaluation set (written by hand; see ../README.md for how it was built).
import type { ImportOrganisation, ImportProfile } from '../../../src/shared/import-format.ts';
import type { Ml } from '../../../src/shared/languages.ts';
import type { OrgType, PartnershipType, ProfileType, DevelopmentStage } from '../../../src/shared/enums.ts';

export type EvalProfile = Omit<ImportProfile, 'status' | 'anonymous' | 'partnerSizeSought' | 'technologyKeywords' | 'marketKeywords' | 'areas' | 'subAreas' | 'partnerTypesSought' | 'targetCountries'> & Partial<ImportProfile>;

type Extra = {
  description?: Ml; kw?: string[]; market?: string[]; areas?: string[]; sub?: string[]; pt?: PartnershipType[];
  trl?: number; trlMin?: number; stage?: DevelopmentStage; tc?: string[]; seek?: OrgType[]; spec?: Ml; role?: Ml;
};

export function pr(externalId: string, organisation: string, type: ProfileType, title: Ml, summary: Ml, x: Extra = {}): ImportProfile {
  const sub = x.sub ?? [];
  const areas = x.areas ?? [...new Set(sub.map((s) => s.split('.')[0]))];
  return {
    externalId, organisation, type, status: 'published', title, summary,
    ...(x.description ? { description: x.description } : {}),
    ...(x.spec ? { technicalSpecification: x.spec } : {}),
    ...(x.role ? { partnerRole: x.role } : {}),
    technologyKeywords: x.kw ?? [], marketKeywords: x.market ?? [], areas, subAreas: sub,
    partnershipTypes: x.pt ?? ['rd_cooperation'], partnerTypesSought: x.seek ?? [], partnerSizeSought: 'any',
    targetCountries: x.tc ?? [], anonymous: false,
    ...(x.trl ? { trl: x.trl } : {}), ...(x.trlMin ? { trlMinSought: x.trlMin } : {}), ...(x.stage ? { developmentStage: x.stage } : {}),
  };
}

export function org(externalId: string, country: 'BY' | 'CN', type: OrgType, name: Ml): ImportOrganisation {
  return { externalId, country, type, name, areas: [], subAreas: [], verified: true, contacts: [] };
}

/** A section of the set: its profiles and the gold partner pairs among them (unordered). */
export type Section = { profiles: ImportProfile[]; gold: Array<[string, string]> };
