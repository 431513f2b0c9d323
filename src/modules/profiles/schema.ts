import { z } from 'zod';
import { mlSchema } from '../../shared/ml-schema.ts';
import {
  DEVELOPMENT_STAGES, IPR_STATUSES, ORG_TYPES, PARTNER_SIZES, PARTNERSHIP_TYPES, PROFILE_FIELDS, PROFILE_LIMITS as L, PROFILE_STATUSES, PROFILE_TYPES,
  type ProfileField,
} from '../../shared/enums.ts';

const keyword = z.string().trim().min(1).max(L.keywordLength);
const code = z.string().trim().min(1).max(80);
const country = z.string().regex(/^[A-Z]{2}$/, 'iso_country');

/** Editable fields of a profile (no defaults here, so a PATCH changes only what it names). */
export const profileFields = z.object({
  type: z.enum(PROFILE_TYPES),
  title: mlSchema({ max: L.title, required: true }),
  summary: mlSchema({ max: L.summary, required: true }),
  description: mlSchema({ max: L.description }),
  partnerRole: mlSchema({ max: L.partnerRole }),
  advantages: mlSchema({ max: L.advantages }),
  technicalSpecification: mlSchema({ max: L.technicalSpecification }),
  iprNotes: mlSchema({ max: L.iprNotes }),
  technologyKeywords: z.array(keyword).max(L.keywordsMax),
  marketKeywords: z.array(keyword).max(L.keywordsMax),
  areas: z.array(code).max(8),
  subAreas: z.array(code).max(16),
  partnershipTypes: z.array(z.enum(PARTNERSHIP_TYPES)).min(L.partnershipTypesMin).max(L.partnershipTypesMax),
  partnerTypesSought: z.array(z.enum(ORG_TYPES)).max(ORG_TYPES.length),
  partnerSizeSought: z.enum(PARTNER_SIZES),
  targetCountries: z.array(country).max(50),
  developmentStage: z.enum(DEVELOPMENT_STAGES).nullable(),
  trl: z.number().int().min(1).max(9).nullable(),
  trlMinSought: z.number().int().min(1).max(9).nullable(),
  iprStatus: z.enum(IPR_STATUSES).nullable(),
  anonymous: z.boolean(),
  programme: z.string().trim().max(200).nullable(),
  callId: z.string().uuid().nullable(),
  callExternalId: z.string().trim().max(120).nullable(),
  callDeadline: z.string().datetime({ offset: true }).nullable(),
  coordinatorRequired: z.boolean().nullable(),
  eoiDeadline: z.string().date().nullable(),
});
export type ProfileFields = z.output<typeof profileFields>;
// The re-review setting and the web app name fields by PROFILE_FIELDS: it must list exactly these.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldListMatches: SameKeys<keyof typeof profileFields.shape, ProfileField> = true;
void fieldListMatches;

export const createProfileBody = profileFields.partial().required({ type: true, title: true, summary: true, partnershipTypes: true })
  .extend({ organisationId: z.string().uuid() }).strict();
export const patchProfileBody = profileFields.partial().strict();

export const commentBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const reasonBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const bulkModerationBody = z.object({
  ids: z.array(z.string().uuid()).min(1).max(200),
  action: z.enum(['approve', 'return', 'reject']),
  comment: z.string().trim().max(2000).optional(),
}).strict();
export const moderationQuery = z.object({
  country: country.optional(),
  type: z.enum(PROFILE_TYPES).optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
}).strict();
export const rereviewBody = z.object({ fields: z.array(z.enum(PROFILE_FIELDS)).max(PROFILE_FIELDS.length) }).strict();

const csv = (inner: z.ZodType<string>) => z.string().optional().transform((v, ctx) => {
  if (!v) return undefined;
  const parts = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of parts) if (!inner.safeParse(p).success) { ctx.addIssue({ code: 'custom', message: 'invalid_value' }); return z.NEVER; }
  return parts;
});
export const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: csv(z.enum(PROFILE_TYPES)),
  area: code.optional(),
  subArea: code.optional(),
  country: csv(country),
  trlMin: z.coerce.number().int().min(1).max(9).optional(),
  trlMax: z.coerce.number().int().min(1).max(9).optional(),
  partnershipType: csv(z.enum(PARTNERSHIP_TYPES)),
  orgType: csv(z.enum(ORG_TYPES)),
  status: z.enum(PROFILE_STATUSES).optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  facets: z.enum(['true', 'false']).default('true'),
}).strict();
export type SearchQuery = z.output<typeof searchQuery>;
