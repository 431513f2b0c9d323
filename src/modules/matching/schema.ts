// zod schemas of the matching API.
import { z } from 'zod';
import { mlOut } from '../../shared/ml-schema.ts';
import { countryCode } from '../../shared/country-schema.ts';

export const idParams = z.object({ id: z.string().uuid() }).strict();
export const recommendationsQuery = z.object({ top: z.coerce.number().int().min(1).max(50).default(10) }).strict();

export const feedbackBody = z.object({
  /** The viewer's organisation (the one whose recommendation this was). */
  organisationId: z.string().uuid(),
  /** The organisation's own profile the recommendation was shown for (optional). */
  profileId: z.string().uuid().optional(),
  candidateProfileId: z.string().uuid(),
  kind: z.enum(['not_relevant', 'in_contact']),
}).strict();

export const topPairsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
}).strict();

export const introductionBody = z.object({
  profileAId: z.string().uuid(),
  profileBId: z.string().uuid(),
  message: z.string().trim().max(4000).default(''),
}).strict();

const country = z.string().trim().toUpperCase().pipe(countryCode);
export const settingsBody = z.object({
  crossBorder: z.array(z.tuple([country, country])).max(50),
  sameCountry: z.boolean(),
}).strict();
export type MatchingSettings = z.output<typeof settingsBody>;

export const digestBody = z.object({ optOut: z.boolean() }).strict();

const ml = mlOut;
export const recommendationItem = z.object({
  profileId: z.string(),
  /** The viewer's profile this candidate was found for. */
  forProfileId: z.string(),
  score: z.number(),
  type: z.string(),
  title: ml,
  summary: ml,
  country: z.string(),
  anonymous: z.boolean(),
  /** null for anonymous profiles the viewer may not identify. */
  organisation: z.object({ id: z.string(), name: ml, type: z.string() }).nullable(),
  reasons: z.array(z.object({ kind: z.string(), text: z.string() })),
  trl: z.number().nullable(),
  areas: z.array(z.string()),
});
export const recommendationsResponse = z.object({
  /** false when the profile is not published (recommendations are computed for published profiles). */
  indexed: z.boolean(),
  items: z.array(recommendationItem),
});

/** Published profiles per top-level area and country of the organisation (offers: TO/BO, requests: TR/BR/RDR). */
export const supplyDemandOut = z.object({
  areas: z.array(z.object({ code: z.string(), label: ml })),
  countries: z.array(z.string()),
  cells: z.array(z.object({ area: z.string(), country: z.string(), offers: z.number(), requests: z.number() })),
});
export const topPairsOut = z.object({
  total: z.number(),
  items: z.array(z.object({
    score: z.number(),
    a: recommendationItem.describe('One side (its reasons are empty: they are given once, for the pair)'),
    b: recommendationItem,
    reasons: recommendationItem.shape.reasons,
  })),
});
