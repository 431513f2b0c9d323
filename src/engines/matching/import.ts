// Import format (src/shared/import-format.ts) → engine input, and the batch predictions
// used by `synergy match` and the benchmarks.
import { importFileSchema, type ImportFile } from '../../shared/import-format.ts';
import { buildIndex, type IndexOptions } from './match-index.ts';
import { recommend } from './recommend.ts';
import { HistoryIndex } from './signals.ts';
import type { MatchProfile, RecommendOptions } from './types.ts';

export type FromImportOptions = {
  /** Keep each profile's status (then only `published` ones are candidates). Default: ignore statuses. */
  keepStatus?: boolean;
};

/** Joins profiles with their organisation's country and type. Profiles of unknown organisations are skipped. */
export function profilesFromImport(file: ImportFile, options: FromImportOptions = {}): MatchProfile[] {
  const orgs = new Map(file.organisations.map((o) => [o.externalId, o]));
  const out: MatchProfile[] = [];
  for (const p of file.profiles) {
    const org = orgs.get(p.organisation);
    if (!org) continue;
    out.push({
      id: p.externalId, organisationId: org.externalId, country: org.country, organisationType: org.type,
      type: p.type, status: options.keepStatus ? p.status : undefined,
      title: p.title, summary: p.summary, description: p.description, partnerRole: p.partnerRole,
      advantages: p.advantages, technicalSpecification: p.technicalSpecification,
      technologyKeywords: p.technologyKeywords, marketKeywords: p.marketKeywords,
      areas: p.areas, subAreas: p.subAreas, partnershipTypes: p.partnershipTypes,
      partnerTypesSought: p.partnerTypesSought, targetCountries: p.targetCountries,
      developmentStage: p.developmentStage, trl: p.trl, trlMinSought: p.trlMinSought, expiresAt: p.expiresAt,
    });
  }
  return out;
}

/** Parses an import-format document (throws a zod error when invalid). */
export const parseImportFile = (json: unknown): ImportFile => importFileSchema.parse(json);

/** `{ profileId: [candidateId, …] }` for every profile, ranked, using the file's external ids. */
export function batchPredictions(profiles: MatchProfile[], options: RecommendOptions & IndexOptions = {}): Record<string, string[]> {
  const index = buildIndex(profiles, { scorers: options.scorers });
  const history = Array.isArray(options.history) ? new HistoryIndex(options.history) : options.history;
  const out: Record<string, string[]> = {};
  for (const p of [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    out[p.id] = recommend(index, { profileId: p.id }, { reasons: false, ...options, history }).map((c) => c.profileId);
  }
  return out;
}
